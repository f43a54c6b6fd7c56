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
  /**
   * The institution's Clerk Frontend API (https://<host>), only when a publishable key is configured. Clerk then
   * needs its script and API from there, Cloudflare's bot check, its avatar images, blob workers and inline styles
   * (runtime CSS-in-JS), per https://clerk.com/docs/guides/secure/best-practices/csp-headers. Without a key none of
   * this is allowed.
   */
  clerkFrontendApi?: string | null;
}

const cloudflareChallenges = 'https://challenges.cloudflare.com';

export function contentSecurityPolicy({ dev, delivery, clerkFrontendApi }: PolicyOptions): string {
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
  if (clerkFrontendApi) {
    const add = (name: string, ...sources: string[]) => {
      const list = (directives[name] ??= []);
      for (const source of sources) if (!list.includes(source)) list.push(source);
    };
    add('script-src', clerkFrontendApi, cloudflareChallenges);
    add('connect-src', clerkFrontendApi);
    add('img-src', 'https://img.clerk.com');
    add('style-src', "'unsafe-inline'");
    add('worker-src', "'self'", 'blob:');
    add('frame-src', cloudflareChallenges);
  }
  if (delivery === 'header') directives['frame-ancestors'] = ["'none'"];
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

const metaPolicy = /(<meta\s+http-equiv="Content-Security-Policy"\s+content=")[^"]*(")/;

/**
 * renderer/index.html with its meta policy replaced. A page enforces every policy it is given (header and meta
 * alike, each must allow a request), so a meta tag can only tighten: allowing Clerk in the header alone would not
 * let it load. Whoever serves index.html with a Clerk key configured serves it through this, with the same policy.
 */
export function withPolicyMeta(html: string, policy: string): string {
  if (!metaPolicy.test(html)) throw new Error('index.html has no Content-Security-Policy meta tag to replace.');
  return html.replace(metaPolicy, (_match, before: string, after: string) => `${before}${policy}${after}`);
}
