import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { contentSecurityPolicy, withPolicyMeta } from '../../electron/main/contentSecurityPolicy.ts';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export interface StaticServer {
  url: string;
  /** Serve as the main process does with an institution's Clerk key: its origin allowed in header and meta. */
  allowClerk(frontendApi: string | null): void;
  close(): Promise<void>;
}

/**
 * Serves the built renderer on 127.0.0.1 with the production Content-Security-Policy as a header (as the main
 * process sends it), so the harness runs the page under the same policy as the packaged app.
 */
export async function serveRenderer(rootDir: string): Promise<StaticServer> {
  const root = path.resolve(rootDir);
  let clerkFrontendApi: string | null = null;
  const server = createServer((request, response) => {
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
    allowClerk: (frontendApi) => void (clerkFrontendApi = frontendApi),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
