import { net, protocol } from 'electron';
import { withPolicyMeta } from './contentSecurityPolicy.ts';

/**
 * With an institution's Clerk key, index.html is served with a meta policy that allows Clerk's origin. The packaged
 * app loads index.html over file://, where the meta tag is the policy that counts, and the built file carries the
 * strict policy; a second policy could only tighten it. So only this one document is rewritten on its way to the
 * window, and every other file:// request goes to Electron's own handler untouched. Without a key nothing is
 * intercepted at all.
 */
export function serveRendererWithPolicy(indexUrl: string, metaPolicy: string): void {
  const target = new URL(indexUrl).href;
  protocol.handle('file', async (request) => {
    const response = await net.fetch(request, { bypassCustomProtocolHandlers: true });
    if (new URL(request.url).href.split(/[?#]/)[0] !== target || !response.ok) return response;
    const html = withPolicyMeta(await response.text(), metaPolicy);
    return new Response(html, { status: 200, headers: { 'Content-Type': 'text/html; charset=utf-8' } });
  });
}
