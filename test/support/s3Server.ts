import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

/**
 * A real S3 server on 127.0.0.1 for tests: @20minutes/s3rver (v4), which checks AWS v4 signatures, so wrong
 * credentials fail as they would on AWS. Its objects live in a folder, so a server stopped mid-upload and started
 * again on the same folder (and port) keeps the parts already received — exactly the restart a resume must survive.
 *
 * Three gaps in s3rver are filled here, in front of its router, from its own upload folders:
 * - ListParts, ListMultipartUploads and AbortMultipartUpload are not implemented (NotImplemented/MethodNotAllowed).
 * - AWS SDK v3 signs bucket-level requests with the path `/bucket/`, s3rver canonicalises it as `/bucket`, so every
 *   bucket-level request (HeadBucket, ListObjectsV2) fails with SignatureDoesNotMatch. The canonical URI is given
 *   back its trailing slash; the signature itself is still checked.
 */

const require = createRequire(import.meta.url);

interface KoaContext {
  method: string;
  path: string;
  query: Record<string, string | undefined>;
  headers: Record<string, string | undefined>;
  status: number;
  body: unknown;
  type: string;
}
type Middleware = (ctx: KoaContext, next: () => Promise<void>) => Promise<void>;
interface S3rverInstance {
  middleware: Middleware[];
  httpServer?: Server;
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
}
type S3rverClass = new (options: Record<string, unknown>) => S3rverInstance;

const S3rver = require('@20minutes/s3rver') as S3rverClass;
const accounts = require('@20minutes/s3rver/lib/models/account') as {
  DUMMY_ACCOUNT: { createKeyPair(id: string, secret: string): void };
};
const v4 = require('@20minutes/s3rver/lib/signature/v4') as {
  getStringToSign(canonical: { uri: string; headers: Record<string, string> }, request: unknown): string;
};

const rawPathHeader = 'x-lectern-test-raw-path';
const originalStringToSign = v4.getStringToSign;
v4.getStringToSign = (canonical, request) => {
  const raw = canonical.headers[rawPathHeader] ?? '';
  const uri = raw.endsWith('/') && !canonical.uri.endsWith('/') ? `${canonical.uri}/` : canonical.uri;
  return originalStringToSign({ ...canonical, uri }, request);
};

export interface S3Credentials {
  accessKeyId: string;
  secretAccessKey: string;
}

/** Registers a key pair the server accepts (s3rver keeps one account for every server in the process). */
export function allowCredentials(credentials: S3Credentials): void {
  accounts.DUMMY_ACCOUNT.createKeyPair(credentials.accessKeyId, credentials.secretAccessKey);
}

export interface S3Request {
  method: string;
  path: string;
  query: Record<string, string | undefined>;
}

export interface TestS3Server {
  endpoint: string;
  port: number;
  directory: string;
  /** Every request received, oldest first (e.g. to count UploadPart calls). */
  requests: S3Request[];
  /**
   * Makes uploads (PUT requests, or those `which` picks) wait until the returned function is called, e.g. to look
   * at progress, or to stop the server at a known point of an upload.
   */
  holdUploads(which?: (request: S3Request) => boolean): () => void;
  /**
   * Stops at once, cutting uploads in flight, as a crashed or unplugged server would. A folder the server made
   * itself is removed; one passed in is left for the next server (a restart) and its owner to clean up.
   */
  stop(): Promise<void>;
}

const xmlEscape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function uploadsDir(directory: string, bucket: string): string {
  return path.join(directory, bucket, '._S3rver_uploads');
}

/** Parts s3rver finished receiving: it writes `<n>.md5` only after the whole part is on disk. */
function finishedParts(uploadDir: string): { number: number; etag: string; size: number }[] {
  return readdirSync(uploadDir)
    .filter((name) => /^\d+\.md5$/.test(name))
    .map((name) => {
      const number = Number(name.slice(0, -4));
      return {
        number,
        etag: readFileSync(path.join(uploadDir, name), 'utf8'),
        size: statSync(path.join(uploadDir, String(number))).size,
      };
    })
    .sort((a, b) => a.number - b.number);
}

function multipartExtras(directory: string): Middleware {
  return async (ctx, next) => {
    const [, bucket = '', ...keyParts] = ctx.path.split('/');
    const key = decodeURIComponent(keyParts.join('/'));
    const uploadId = ctx.query.uploadId;
    const xml = (body: string) => {
      ctx.status = 200;
      ctx.type = 'application/xml';
      ctx.body = `<?xml version="1.0" encoding="UTF-8"?>\n${body}`;
    };
    if (ctx.method === 'GET' && key === '' && 'uploads' in ctx.query) {
      let ids: string[] = [];
      try {
        ids = readdirSync(uploadsDir(directory, bucket));
      } catch {
        ids = [];
      }
      const uploads = ids
        // A part still arriving after an abort re-creates the folder without its key: not an upload.
        .filter((id) => existsSync(path.join(uploadsDir(directory, bucket), id, 'key')))
        .map((id) => {
          const uploadKey = readFileSync(path.join(uploadsDir(directory, bucket), id, 'key'), 'utf8');
          return `<Upload><Key>${xmlEscape(uploadKey)}</Key><UploadId>${id}</UploadId><Initiated>${new Date().toISOString()}</Initiated></Upload>`;
        })
        .join('');
      return xml(
        `<ListMultipartUploadsResult><Bucket>${bucket}</Bucket><MaxUploads>1000</MaxUploads><IsTruncated>false</IsTruncated>${uploads}</ListMultipartUploadsResult>`,
      );
    }
    if (key !== '' && uploadId && (ctx.method === 'GET' || ctx.method === 'DELETE')) {
      const uploadDir = path.join(uploadsDir(directory, bucket), path.basename(uploadId));
      let parts: ReturnType<typeof finishedParts>;
      try {
        parts = finishedParts(uploadDir);
      } catch {
        ctx.status = 404;
        ctx.type = 'application/xml';
        ctx.body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>NoSuchUpload</Code><Message>The specified upload does not exist.</Message></Error>`;
        return;
      }
      if (ctx.method === 'DELETE') {
        rmSync(uploadDir, { recursive: true, force: true });
        ctx.status = 204;
        ctx.body = '';
        return;
      }
      const listed = parts
        .map((p) => `<Part><PartNumber>${p.number}</PartNumber><ETag>"${p.etag}"</ETag><Size>${p.size}</Size></Part>`)
        .join('');
      return xml(
        `<ListPartsResult><Bucket>${bucket}</Bucket><Key>${xmlEscape(key)}</Key><UploadId>${uploadId}</UploadId><MaxParts>1000</MaxParts><IsTruncated>false</IsTruncated>${listed}</ListPartsResult>`,
      );
    }
    await next();
  };
}

/**
 * Starts s3rver on 127.0.0.1 (an ephemeral port unless `port` is given, e.g. to restart on the same endpoint) over
 * `directory` (a fresh scratch folder unless given), with `buckets` created.
 */
export async function startS3Server(
  options: { buckets?: string[]; directory?: string; port?: number } = {},
): Promise<TestS3Server> {
  const ownsDirectory = options.directory === undefined;
  const directory = options.directory ?? mkdtempSync(path.join(os.tmpdir(), 'lectern-s3-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: options.port ?? 0,
    silent: true,
    directory,
    configureBuckets: (options.buckets ?? []).map((name) => ({ name })),
  });
  const requests: S3Request[] = [];
  let held: { until: Promise<void>; which: (request: S3Request) => boolean } | null = null;
  const recordRequest: Middleware = async (ctx, next) => {
    const request = { method: ctx.method, path: ctx.path, query: { ...ctx.query } };
    requests.push(request);
    ctx.headers[rawPathHeader] = ctx.path;
    if (ctx.method === 'PUT' && held?.which(request)) await held.until;
    await next();
  };
  server.middleware.unshift(recordRequest, multipartExtras(directory));
  const address = await server.run();
  // A test that forgets to stop it still exits.
  server.httpServer?.unref();
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    port: address.port,
    directory,
    requests,
    holdUploads(which = () => true) {
      let release = () => {};
      held = { until: new Promise<void>((resolve) => (release = resolve)), which };
      return () => {
        held = null;
        release();
      };
    },
    async stop() {
      server.httpServer?.closeAllConnections();
      await server.close();
      if (ownsDirectory) rmSync(directory, { recursive: true, force: true });
    },
  };
}
