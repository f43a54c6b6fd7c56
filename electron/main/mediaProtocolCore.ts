import { and, eq } from 'drizzle-orm';
import { open } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { parseMediaUrl, type MediaRef } from '../../shared/ipc/mediaUrl.ts';
import { findJob } from '../db/jobsRepo.ts';
import type { LecternDb } from '../db/open.ts';
import { clips } from '../db/schema/index.ts';
import { jobWaveform } from '../services/clipActions.ts';

/**
 * The part of `lectern-media:` that needs no Electron: which file a URL names, and the HTTP answer for it.
 * electron/main/mediaProtocol.ts only registers the scheme and hands each request to `respondToMediaRequest`.
 */

/** The absolute path of the file a media URL names, or null when the URL is malformed or names nothing we know. */
export type MediaResolver = (url: string) => string | null;

/**
 * Only files the database records for a job are served: its recording, its waveform, its clips' outputs. The URL
 * carries ids, never a path (shared/ipc/mediaUrl.ts parses it strictly), so there is nothing to traverse with.
 */
export function createMediaResolver(db: LecternDb): MediaResolver {
  return (url) => {
    const ref = parseMediaUrl(url);
    const file = ref ? mediaFile(db, ref) : null;
    // Stored paths are absolute; a relative one would resolve against wherever the app was started.
    return file && path.isAbsolute(file) ? file : null;
  };
}

function mediaFile(db: LecternDb, ref: MediaRef): string | null {
  const job = findJob(db, ref.jobId);
  if (!job) return null;
  switch (ref.kind) {
    case 'source':
      return job.sourcePath;
    case 'waveform':
      return jobWaveform(db, job.id)?.path ?? null;
    default: {
      // A clip id is looked up within its job: asking job 1 for job 2's clip finds nothing.
      const clip = db
        .select({ outputs: clips.outputs })
        .from(clips)
        .where(and(eq(clips.id, ref.clipId), eq(clips.jobId, job.id)))
        .get();
      const outputs = clip?.outputs;
      if (!outputs) return null;
      return ref.kind === 'clip' ? outputs.video : outputs[ref.kind];
    }
  }
}

export interface MediaResponse {
  status: 200 | 206 | 404 | 405 | 416;
  headers: Record<string, string>;
  /** Exactly the bytes promised by Content-Length; null for HEAD and for answers without a body. */
  body: Readable | null;
}

const contentTypes: Record<string, string> = {
  '.mp4': 'video/mp4',
  '.m4v': 'video/mp4',
  '.mov': 'video/quicktime',
  '.webm': 'video/webm',
  '.mkv': 'video/x-matroska',
  '.weba': 'audio/webm',
  '.m4a': 'audio/mp4',
  '.mp3': 'audio/mpeg',
  '.aac': 'audio/aac',
  '.wav': 'audio/wav',
  '.ogg': 'audio/ogg',
  '.oga': 'audio/ogg',
  '.opus': 'audio/ogg',
  '.flac': 'audio/flac',
  '.vtt': 'text/vtt; charset=utf-8',
  '.srt': 'application/x-subrip; charset=utf-8',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
};

/** By extension: the file is ours (the database named it), so its name is as good as sniffing, and far cheaper. */
export function contentTypeFor(filePath: string): string {
  return contentTypes[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

export type ByteRange = { start: number; end: number };

/**
 * A `Range` header against a file of `size` bytes (RFC 9110 §14.1.2): the inclusive byte range to send, 'unsatisfiable'
 * (416), or null to ignore the header and send the whole file. Only one range is served: a header that is not
 * `bytes=`, is malformed, or asks for several ranges is ignored, which §14.2 allows ("A server MAY ignore the Range
 * header field") and media elements never send. A 416 there would wrongly say the ranges lie outside the file.
 */
export function parseRange(header: string | null | undefined, size: number): ByteRange | 'unsatisfiable' | null {
  if (!header) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match) return null;
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') return null;
  if (first === '') {
    // bytes=-n: the last n bytes; bytes=-0 asks for nothing and cannot be satisfied.
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  // bytes=5-3 is not a range at all (§14.1.1), so the header is ignored rather than refused.
  if (last !== '' && Number(last) < start) return null;
  if (start >= size) return 'unsatisfiable';
  return { start, end: last === '' ? size - 1 : Math.min(Number(last), size - 1) };
}

const commonHeaders = {
  'Accept-Ranges': 'bytes',
  // A re-render rewrites a clip under the same name; never let a cached copy play instead.
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
};

function notFound(): MediaResponse {
  return { status: 404, headers: { 'Cache-Control': 'no-store' }, body: null };
}

/**
 * The answer to a GET (or, with `head`, a HEAD) of `filePath`: 200 with the whole file, 206 with exactly the one
 * range asked for, 416 when that range lies past the end, 404 when the file is gone or is not a regular file.
 * The file is opened once and read through that handle, so it cannot change between the size check and the read.
 */
export async function serveFile(
  filePath: string,
  rangeHeader: string | null | undefined,
  options: { head?: boolean } = {},
): Promise<MediaResponse> {
  const handle = await open(filePath, 'r').catch(() => null);
  if (!handle) return notFound();
  let handedOver = false;
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) return notFound();
    const size = stat.size;
    const headers: Record<string, string> = { ...commonHeaders, 'Content-Type': contentTypeFor(filePath) };
    const range = parseRange(rangeHeader, size);
    if (range === 'unsatisfiable') {
      return {
        status: 416,
        headers: { ...headers, 'Content-Range': `bytes */${size}`, 'Content-Length': '0' },
        body: null,
      };
    }
    const { start, end } = range ?? { start: 0, end: size - 1 };
    const length = end - start + 1;
    headers['Content-Length'] = String(length);
    if (range) headers['Content-Range'] = `bytes ${start}-${end}/${size}`;
    const status = range ? 206 : 200;
    if (options.head || length === 0) return { status, headers, body: options.head ? null : Readable.from([]) };
    handedOver = true;
    // autoClose: the stream closes the handle when it ends, fails, or is destroyed by a cancelled request.
    return { status, headers, body: handle.createReadStream({ start, end, autoClose: true }) };
  } finally {
    if (!handedOver) await handle.close();
  }
}

export interface MediaRequest {
  method: string;
  url: string;
  range: string | null;
}

/** The whole life of one `lectern-media:` request apart from Electron. */
export async function answerMediaRequest(resolve: MediaResolver, request: MediaRequest): Promise<MediaResponse> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return { status: 405, headers: { Allow: 'GET, HEAD' }, body: null };
  }
  const file = resolve(request.url);
  if (!file) return notFound();
  return serveFile(file, request.range, { head: request.method === 'HEAD' });
}

/**
 * The same request as a fetch `Request`/`Response` pair, which is what Electron's `protocol.handle` speaks (Node has
 * the same globals, so this runs in tests). Cancelling the response body, as a seek does with the old request,
 * destroys the file stream, which closes the file.
 */
export async function respondToMediaRequest(resolve: MediaResolver, request: Request): Promise<Response> {
  const answer = await answerMediaRequest(resolve, {
    method: request.method,
    url: request.url,
    range: request.headers.get('range'),
  });
  const body = answer.body ? Readable.toWeb(answer.body) : null;
  return new Response(body, { status: answer.status, headers: answer.headers });
}
