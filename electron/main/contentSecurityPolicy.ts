/**
 * Lectern's Content-Security-Policy, sent as a response header by the main process and repeated in
 * renderer/index.html (file:// responses carry no headers, so the meta tag is what protects the packaged app).
 * `lectern-media:` is the protocol that will stream a lecture's video and thumbnails to the player.
 */
export interface PolicyOptions {
  /**
   * The Vite dev server injects inline scripts (React Refresh preamble) and <style> tags, and talks over a
   * websocket; production needs none of that.
   */
  dev: boolean;
  /** frame-ancestors is ignored (with a console warning) when delivered in a meta tag. */
  delivery: 'header' | 'meta';
}

export function contentSecurityPolicy({ dev, delivery }: PolicyOptions): string {
  const directives: Record<string, string[]> = {
    'default-src': ["'none'"],
    'script-src': dev ? ["'self'", "'unsafe-inline'"] : ["'self'"],
    'style-src': dev ? ["'self'", "'unsafe-inline'"] : ["'self'"],
    'img-src': ["'self'", 'data:', 'lectern-media:'],
    'media-src': ["'self'", 'lectern-media:'],
    'font-src': ["'self'"],
    // The trim editor fetches the job's precomputed waveform peaks from lectern-media: (never the network).
    'connect-src': dev
      ? ["'self'", 'lectern-media:', 'ws://localhost:*', 'ws://127.0.0.1:*']
      : ["'self'", 'lectern-media:'],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
  };
  if (delivery === 'header') directives['frame-ancestors'] = ["'none'"];
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}
