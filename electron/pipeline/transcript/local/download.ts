import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, readFileSync, statSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { LecternError, isLecternError } from '../../../../shared/errors.ts';
import type { CatalogueEntry } from './catalogue.ts';
import { hashFile, hashInto } from './fileHash.ts';
import { installArchive, type VerifyLoad } from './install.ts';
import { archivePath, type InstalledModel } from './modelStore.ts';

export interface DownloadProgress {
  phase: 'download' | 'extract' | 'verify';
  receivedBytes: number;
  /** Null until the server says, or when it never does. */
  totalBytes: number | null;
  /** Bytes that were already on disk from an earlier, interrupted attempt. */
  resumedFrom: number;
}

export interface DownloadFileOptions {
  url: string;
  dest: string;
  /** Lowercase hex; null when the publisher gives none (the digest is still computed and returned). */
  expectedSha256: string | null;
  /** What is being downloaded, for messages ("the model sherpa-onnx-whisper-tiny.en"). */
  label: string;
  signal?: AbortSignal;
  onProgress?: (progress: DownloadProgress) => void;
  /** Further attempts after an interrupted one; each resumes where the last stopped. */
  retries?: number;
  retryDelayMs?: number;
}

export interface DownloadedFile {
  path: string;
  bytes: number;
  sha256: string;
  /** Whether the last attempt continued from bytes already on disk. */
  resumed: boolean;
}

/** What `<dest>.partial.json` remembers, so a resume asks for the same file and notices when it has changed. */
const sidecarSchema = z.object({
  url: z.string(),
  etag: z.string().nullable(),
  lastModified: z.string().nullable(),
  totalBytes: z.number().nullable(),
});
type Sidecar = z.infer<typeof sidecarSchema>;

const unreachableCodes = new Set([
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNREFUSED',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
  'ETIMEDOUT',
]);
const importHint = 'you can import a model file instead: lectern models import <file>';
const progressIntervalMs = 100;

/** An attempt failed in a way another attempt may fix (cut connection, 5xx); it resumes from what is on disk. */
class RetryableDownloadError extends Error {}

/**
 * Downloads `url` to `dest` through `<dest>.partial`, resuming with an HTTP Range request from whatever an earlier
 * attempt left, hashing as it goes, and renaming into place only when complete and (if known) matching the checksum.
 */
export async function downloadFile(options: DownloadFileOptions): Promise<DownloadedFile> {
  const retries = options.retries ?? 2;
  for (let attempt = 0; ; attempt++) {
    try {
      return await attemptDownload(options);
    } catch (error) {
      if (options.signal?.aborted) throw cancelledError(options);
      if (!(error instanceof RetryableDownloadError)) throw error;
      if (attempt >= retries) throw interruptedError(options, error.message);
      await sleep(options.retryDelayMs ?? 1000 * (attempt + 1), undefined, { signal: options.signal }).catch(() => {
        throw cancelledError(options);
      });
    }
  }
}

export function partialPath(dest: string): string {
  return `${dest}.partial`;
}

export function sidecarPath(dest: string): string {
  return `${dest}.partial.json`;
}

async function attemptDownload(options: DownloadFileOptions): Promise<DownloadedFile> {
  const { url, dest, signal } = options;
  const partial = partialPath(dest);
  await mkdir(path.dirname(dest), { recursive: true });

  const sidecar = readSidecar(dest);
  let offset = existsSync(partial) ? statSync(partial).size : 0;
  if (offset > 0 && sidecar?.url !== url) offset = 0;
  if (offset > 0 && sidecar?.totalBytes === offset) {
    return finish(options, offset, await hashFile(partial), true);
  }

  // Byte counts and ranges must refer to the file itself, not to a compressed transfer of it.
  const headers: Record<string, string> = { 'accept-encoding': 'identity' };
  if (offset > 0) {
    headers.range = `bytes=${offset}-`;
    // If-Range makes a server whose file changed send the whole new file (200) instead of a mismatched tail.
    const validator = sidecar?.etag && !sidecar.etag.startsWith('W/') ? sidecar.etag : sidecar?.lastModified;
    if (validator) headers['if-range'] = validator;
  }

  let response: Response;
  try {
    response = await fetch(url, { headers, signal, redirect: 'follow' });
  } catch (error) {
    if (signal?.aborted) throw cancelledError(options);
    throw connectError(options, error);
  }

  let total: number | null;
  if (response.status === 206) {
    const range = parseContentRange(response.headers.get('content-range'));
    if (!range || range.start !== offset) {
      await response.body?.cancel();
      await discardPartial(dest);
      throw new RetryableDownloadError('the server resumed at the wrong place');
    }
    total = range.total;
  } else if (response.status === 200) {
    offset = 0;
    total = numberOrNull(response.headers.get('content-length'));
  } else if (response.status === 416 && offset > 0) {
    // Our partial is longer than the file now is: it changed on the server. Start again.
    await response.body?.cancel();
    await discardPartial(dest);
    throw new RetryableDownloadError('the file changed on the server');
  } else {
    await response.body?.cancel();
    throw httpError(options, response);
  }
  if (!response.body) throw new RetryableDownloadError('the server sent no data');

  const next: Sidecar = {
    url,
    etag: response.headers.get('etag') ?? (offset > 0 ? (sidecar?.etag ?? null) : null),
    lastModified: response.headers.get('last-modified') ?? (offset > 0 ? (sidecar?.lastModified ?? null) : null),
    totalBytes: total,
  };
  await writeFile(sidecarPath(dest), JSON.stringify(next));

  const hash = createHash('sha256');
  if (offset > 0) await pipeline(createReadStream(partial), hashInto(hash));
  let received = offset;
  let lastReport = 0;
  const report = (force: boolean) => {
    const now = Date.now();
    if (!force && now - lastReport < progressIntervalMs) return;
    lastReport = now;
    options.onProgress?.({ phase: 'download', receivedBytes: received, totalBytes: total, resumedFrom: offset });
  };
  report(true);

  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      received += chunk.length;
      report(false);
      callback(null, chunk);
    },
  });
  const file = createWriteStream(partial, { flags: offset > 0 ? 'a' : 'w' });
  try {
    await pipeline(Readable.fromWeb(response.body as NodeReadableStream<Uint8Array>), counter, file, { signal });
  } catch (error) {
    // pipeline() rejects as soon as one stream fails, while the file's last write may still be in flight: wait for
    // the file to close, so the partial's size on disk is settled before anyone resumes from it.
    if (!file.closed) await new Promise<void>((resolve) => file.once('close', () => resolve()));
    if (signal?.aborted) throw cancelledError(options);
    if (isDiskFull(error)) throw diskFullError(options, dest);
    throw new RetryableDownloadError(describeCause(error));
  }
  report(true);
  if (total !== null && received !== total)
    throw new RetryableDownloadError(`the connection closed after ${received} of ${total} bytes`);
  return finish(options, received, hash.digest('hex'), offset > 0);
}

async function finish(
  options: DownloadFileOptions,
  bytes: number,
  sha256: string,
  resumed: boolean,
): Promise<DownloadedFile> {
  const { dest, expectedSha256 } = options;
  if (expectedSha256 && sha256 !== expectedSha256.toLowerCase()) {
    await discardPartial(dest);
    throw new LecternError(
      'internal',
      `The download of ${options.label} is damaged: its checksum is ${sha256}, but it should be ${expectedSha256}. ` +
        `The broken file was deleted; run the same command to download it again, or ${importHint}.`,
    );
  }
  await rename(partialPath(dest), dest);
  await rm(sidecarPath(dest), { force: true });
  return { path: dest, bytes, sha256, resumed };
}

async function discardPartial(dest: string): Promise<void> {
  await rm(partialPath(dest), { force: true });
  await rm(sidecarPath(dest), { force: true });
}

function readSidecar(dest: string): Sidecar | null {
  try {
    const parsed = sidecarSchema.safeParse(JSON.parse(readFileSync(sidecarPath(dest), 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function parseContentRange(value: string | null): { start: number; end: number; total: number | null } | null {
  const match = value?.match(/^bytes\s+(\d+)-(\d+)\/(\d+|\*)$/i);
  if (!match) return null;
  return { start: Number(match[1]), end: Number(match[2]), total: match[3] === '*' ? null : Number(match[3]) };
}

function numberOrNull(value: string | null): number | null {
  if (value === null || value.trim() === '') return null;
  const n = Number(value);
  return Number.isFinite(n) && n >= 0 ? n : null;
}

function errorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; current && depth < 4; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

function describeCause(error: unknown): string {
  const code = errorCode(error);
  const message = error instanceof Error ? error.message : String(error);
  return code ? `${message} (${code})` : message;
}

function isDiskFull(error: unknown): boolean {
  return errorCode(error) === 'ENOSPC';
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

function connectError(options: DownloadFileOptions, error: unknown): Error {
  const code = errorCode(error);
  if (code && unreachableCodes.has(code)) {
    return new LecternError(
      'internal',
      `Cannot reach ${hostOf(options.url)} to download ${options.label} (${code}). Check the internet connection and try again, or ${importHint}.`,
      { cause: error },
    );
  }
  return new RetryableDownloadError(describeCause(error));
}

function httpError(options: DownloadFileOptions, response: Response): Error {
  const status = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
  if (response.status >= 500 || response.status === 429)
    return new RetryableDownloadError(`the server answered ${status}`);
  const what = response.status === 404 ? 'has no file there; the model may have moved' : 'refused the download';
  return new LecternError(
    'internal',
    `Cannot download ${options.label}: ${hostOf(options.url)} ${what} (${status} for ${options.url}). Update Lectern, or ${importHint}.`,
  );
}

function interruptedError(options: DownloadFileOptions, reason: string): LecternError {
  const kept = existsSync(partialPath(options.dest)) ? statSync(partialPath(options.dest)).size : 0;
  return new LecternError(
    'internal',
    `The download of ${options.label} was interrupted (${reason}); ${formatMB(kept)} are kept. ` +
      `Run the same command again to continue where it stopped, or ${importHint}.`,
  );
}

function cancelledError(options: DownloadFileOptions): LecternError {
  const kept = existsSync(partialPath(options.dest)) ? statSync(partialPath(options.dest)).size : 0;
  return new LecternError(
    'cancelled',
    `Download of ${options.label} stopped; ${formatMB(kept)} are kept, and the same command continues from there.`,
  );
}

function diskFullError(options: DownloadFileOptions, dest: string): LecternError {
  return new LecternError(
    'disk-full',
    `The disk is full: ${options.label} cannot be saved in ${path.dirname(dest)}. Free some space and run the same command again to continue.`,
  );
}

export function formatMB(bytes: number): string {
  return `${(bytes / 1_000_000).toFixed(bytes < 10_000_000 ? 1 : 0)} MB`;
}

export interface DownloadModelOptions {
  onProgress?: (progress: DownloadProgress) => void;
  signal?: AbortSignal;
  /** Loads the unpacked model once in a child process before it is installed; null skips that (tests, fake models). */
  verifyLoad: VerifyLoad | null;
  retries?: number;
  retryDelayMs?: number;
}

/** `lectern models download <name>`: download (resumable), check, unpack, verify and install a catalogue model. */
export async function downloadModel(
  dataDir: string,
  entry: CatalogueEntry,
  options: DownloadModelOptions,
): Promise<InstalledModel> {
  const { name, url } = entry;
  const label = `the model ${name}`;
  const dest = archivePath(dataDir, name);
  const downloaded = existsSync(dest)
    ? await reuseCompleteArchive(dest, entry.sha256, label)
    : await downloadFile({
        url,
        dest,
        expectedSha256: entry.sha256,
        label,
        signal: options.signal,
        onProgress: options.onProgress,
        retries: options.retries,
        retryDelayMs: options.retryDelayMs,
      });
  try {
    const installed = await installArchive(dataDir, downloaded.path, {
      name,
      source: 'download',
      origin: url,
      archiveSha256: downloaded.sha256,
      verifyLoad: options.verifyLoad,
      signal: options.signal,
      onPhase: (phase) =>
        options.onProgress?.({ phase, receivedBytes: downloaded.bytes, totalBytes: downloaded.bytes, resumedFrom: 0 }),
    });
    await rm(dest, { force: true });
    return installed;
  } catch (error) {
    // Cancelled while unpacking: keep the complete archive so the next run need not fetch it again. Any other
    // failure means the archive itself is wrong, and keeping hundreds of MB of it helps no one.
    if (!(isLecternError(error) && error.code === 'cancelled')) await rm(dest, { force: true });
    throw error;
  }
}

/** An archive finished downloading earlier but was not installed (cancelled while unpacking): check it again. */
async function reuseCompleteArchive(
  dest: string,
  expectedSha256: string | null,
  label: string,
): Promise<DownloadedFile> {
  const sha256 = await hashFile(dest);
  if (expectedSha256 && sha256 !== expectedSha256) {
    await rm(dest, { force: true });
    throw new LecternError(
      'internal',
      `The saved download of ${label} is damaged (checksum ${sha256}); it was deleted. Run the same command to download it again, or ${importHint}.`,
    );
  }
  return { path: dest, bytes: statSync(dest).size, sha256, resumed: true };
}
