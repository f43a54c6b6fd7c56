import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { contentSecurityPolicy, withPolicyMeta } from '../../electron/main/contentSecurityPolicy.ts';
import { answerMediaRequest, type MediaResolver } from '../../electron/main/mediaProtocolCore.ts';
import { mediaScheme } from '../../shared/ipc/mediaUrl.ts';

/** Media requests arrive under this path; the page is told to use it as its media base (see rebaseMediaUrl). */
export const mediaPath = '/media/';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export interface StaticServer {
  url: string;
  /** `${url}media/`: what the harness's preload gives the page as `mediaBase`. */
  mediaBase: string;
  /** Serve as the main process does with an institution's Clerk key: its origin allowed in header and meta. */
  allowClerk(frontendApi: string | null): void;
  close(): Promise<void>;
}

/**
 * `lectern-media:` over HTTP, through the app's own resolver and Range handling: Chromium outside Electron cannot load
 * a custom scheme, so `/media/job/3/clip/41?v=…` is answered as `lectern-media://job/3/clip/41?v=…` would be. The raw,
 * undecoded request target is what gets parsed, so encoded traversal reaches the same strict parser and is refused.
 */
async function answerMedia(
  resolve: MediaResolver,
  request: IncomingMessage,
  target: string,
  response: ServerResponse,
): Promise<void> {
  const answer = await answerMediaRequest(resolve, {
    method: request.method ?? 'GET',
    url: `${mediaScheme}://${target.slice(mediaPath.length)}`,
    range: request.headers.range ?? null,
  });
  response.writeHead(answer.status, answer.headers);
  if (!answer.body) {
    response.end();
    return;
  }
  answer.body.pipe(response);
  response.on('close', () => answer.body?.destroy());
}

/**
 * Serves the built renderer on 127.0.0.1 with the production Content-Security-Policy as a header (as the main
 * process sends it), so the harness runs the page under the same policy as the packaged app. Media come from the
 * same origin (so `'self'` covers them), answered by whichever resolver `media()` gives at the time.
 */
export async function serveRenderer(
  rootDir: string,
  media: () => MediaResolver | null = () => null,
): Promise<StaticServer> {
  const root = path.resolve(rootDir);
  let clerkFrontendApi: string | null = null;
  const server = createServer((request, response) => {
    const target = request.url ?? '/';
    if (target.startsWith(mediaPath)) {
      const resolve = media() ?? (() => null);
      answerMedia(resolve, request, target, response).catch(() => response.destroy());
      return;
    }
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    const file = path.resolve(root, `.${pathname === '/' ? '/index.html' : pathname}`);
    if (!file.startsWith(root + path.sep)) {
      response.writeHead(403).end();
      return;
    }
    const policy = contentSecurityPolicy({ dev: false, delivery: 'header', clerkFrontendApi });
    readFile(file).then(
      (raw) => {
        const body =
          clerkFrontendApi && file.endsWith('.html')
            ? withPolicyMeta(
                raw.toString('utf8'),
                contentSecurityPolicy({ dev: false, delivery: 'meta', clerkFrontendApi }),
              )
            : raw;
        const type = contentTypes[path.extname(file)] ?? 'application/octet-stream';
        response.writeHead(200, { 'Content-Type': type, 'Content-Security-Policy': policy }).end(body);
      },
      () => response.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    mediaBase: `http://127.0.0.1:${port}${mediaPath}`,
    allowClerk: (frontendApi) => void (clerkFrontendApi = frontendApi),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
