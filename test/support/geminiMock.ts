import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for the Gemini REST API on 127.0.0.1, speaking just what `@google/genai` sends: generateContent,
 * the Files API's resumable upload, and file deletion. Tests script the answers and read back what was asked.
 */

export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  /** Parsed JSON for JSON bodies; the byte count for uploads. */
  body: unknown;
  at: number;
}

export interface MockReply {
  status?: number;
  headers?: Record<string, string>;
  /** Sent as JSON unless a string. */
  body: unknown;
  /** Answer only after this long, to test timeouts. */
  delayMs?: number;
}

export type GenerateHandler = (request: GenerateRequest) => MockReply;

/** The parts of a generateContent request a test cares about. */
export interface GenerateRequest {
  model: string;
  /** Every text part of the user's content, joined. */
  text: string;
  /** MIME types of the inline or uploaded media parts. */
  media: string[];
  body: GenerateBody;
}

interface GenerateBody {
  contents?: { parts?: { text?: string; inlineData?: { mimeType?: string }; fileData?: { mimeType?: string } }[] }[];
  generationConfig?: { responseMimeType?: string; responseJsonSchema?: unknown };
}

/** A successful generateContent answer whose text is `text`. */
export function geminiText(text: string): MockReply {
  return {
    body: {
      candidates: [{ content: { role: 'model', parts: [{ text }] }, finishReason: 'STOP', index: 0 }],
      usageMetadata: { promptTokenCount: 10, candidatesTokenCount: 10, totalTokenCount: 20 },
    },
  };
}

/** A successful structured answer: `value` as the JSON text Gemini returns with responseMimeType application/json. */
export function geminiJson(value: unknown): MockReply {
  return geminiText(JSON.stringify(value));
}

/** An error in Google's shape, e.g. 429 RESOURCE_EXHAUSTED. */
export function geminiError(status: number, message: string, headers: Record<string, string> = {}): MockReply {
  const statusName: Record<number, string> = {
    400: 'INVALID_ARGUMENT',
    403: 'PERMISSION_DENIED',
    429: 'RESOURCE_EXHAUSTED',
    500: 'INTERNAL',
    503: 'UNAVAILABLE',
  };
  return { status, headers, body: { error: { code: status, message, status: statusName[status] ?? 'UNKNOWN' } } };
}

export interface GeminiMock {
  /** The base URL for `httpOptions.baseUrl` / GOOGLE_GEMINI_BASE_URL. */
  url: string;
  requests: RecordedRequest[];
  generateRequests(): GenerateRequest[];
  /** Answers for the next generateContent calls, in order; after them, the handler. */
  queue(...replies: MockReply[]): void;
  /** Answers generateContent calls once the queue is empty. */
  handle(handler: GenerateHandler): void;
  reset(): void;
  close(): Promise<void>;
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function toGenerateRequest(model: string, body: GenerateBody): GenerateRequest {
  const parts = (body.contents ?? []).flatMap((c) => c.parts ?? []);
  return {
    model,
    text: parts.flatMap((p) => (p.text ? [p.text] : [])).join('\n'),
    media: parts.flatMap((p) => {
      const mime = p.inlineData?.mimeType ?? p.fileData?.mimeType;
      return mime ? [mime] : [];
    }),
    body,
  };
}

export async function startGeminiMock(): Promise<GeminiMock> {
  const requests: RecordedRequest[] = [];
  let queued: MockReply[] = [];
  let handler: GenerateHandler = () => geminiError(500, 'No answer scripted for this request.');
  const timers = new Set<NodeJS.Timeout>();
  let uploads = 0;

  function send(response: ServerResponse, reply: MockReply): void {
    const payload = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
    const write = () => {
      if (response.destroyed) return;
      response.writeHead(reply.status ?? 200, { 'Content-Type': 'application/json', ...reply.headers }).end(payload);
    };
    if (!reply.delayMs) return write();
    const timer = setTimeout(() => {
      timers.delete(timer);
      write();
    }, reply.delayMs);
    timers.add(timer);
  }

  const server = createServer((request, response) => {
    void readBody(request).then((raw) => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      const isJson = (request.headers['content-type'] ?? '').includes('json');
      let body: unknown = raw.length;
      // Upload chunks arrive labelled as JSON too (the SDK's default header); their bytes stay a count.
      if (isJson && raw.length > 0) {
        try {
          body = JSON.parse(raw.toString('utf8')) as unknown;
        } catch {
          body = raw.length;
        }
      }
      requests.push({
        method: request.method ?? '',
        path: url.pathname,
        headers: request.headers,
        body,
        at: Date.now(),
      });

      const generate = /^\/v1beta\/models\/([^/:]+):generateContent$/.exec(url.pathname);
      if (generate && request.method === 'POST') {
        const reply = queued.shift() ?? handler(toGenerateRequest(generate[1]!, body as GenerateBody));
        return send(response, reply);
      }
      if (url.pathname === '/upload/v1beta/files' && request.method === 'POST') {
        uploads += 1;
        const { port } = server.address() as AddressInfo;
        return send(response, {
          headers: { 'x-goog-upload-url': `http://127.0.0.1:${port}/upload-session/${uploads}` },
          body: {},
        });
      }
      const session = /^\/upload-session\/(\d+)$/.exec(url.pathname);
      if (session && request.method === 'POST') {
        const mimeType = String(
          requests.findLast((r) => r.path === '/upload/v1beta/files')?.headers['x-goog-upload-header-content-type'] ??
            'application/octet-stream',
        );
        return send(response, {
          headers: { 'x-goog-upload-status': 'final' },
          body: {
            file: {
              name: `files/upload-${session[1]}`,
              uri: `https://generativelanguage.googleapis.com/v1beta/files/upload-${session[1]}`,
              mimeType,
              sizeBytes: String(raw.length),
              state: 'ACTIVE',
            },
          },
        });
      }
      if (/^\/v1beta\/files\/[^/]+$/.test(url.pathname) && request.method === 'DELETE') {
        return send(response, { body: {} });
      }
      send(response, geminiError(404, `The mock does not know ${request.method} ${url.pathname}.`));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    generateRequests: () =>
      requests
        .filter((r) => r.path.endsWith(':generateContent'))
        .map((r) => toGenerateRequest(/models\/([^/:]+):/.exec(r.path)?.[1] ?? '', r.body as GenerateBody)),
    queue: (...replies) => void queued.push(...replies),
    handle: (next) => void (handler = next),
    reset() {
      requests.length = 0;
      queued = [];
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
