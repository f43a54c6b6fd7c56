import { open } from 'node:fs/promises';
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  HeadObjectCommand,
  ListPartsCommand,
  UploadPartCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { and, eq } from 'drizzle-orm';
import type { LecternDb } from '../db/open.ts';
import { multipartParts, multipartUploads } from '../db/schema/index.ts';
import { withRetry } from './retry.ts';
import { s3ErrorFacts } from './s3Errors.ts';

/**
 * Large files go up as a multipart upload we drive ourselves (CreateMultipartUpload, UploadPart,
 * CompleteMultipartUpload) rather than with lib-storage's `Upload`: `Upload` keeps its upload id and part ETags in
 * memory and cannot continue an upload after a crash, a quit or a lost connection. Here the upload id is stored
 * before the first part is sent and each part's ETag as soon as the store confirms it, so the next attempt asks the
 * store which parts it holds (ListParts) and sends only the rest.
 */

export const partSizeBytes = 8 * 1024 * 1024;
/** Parts in flight at once per file: enough to fill a typical uplink without buffering much memory. */
const lanes = 2;

export interface UploadDestination {
  client: S3Client;
  db: LecternDb;
  bucket: string;
  /** '' for AWS itself: part of what identifies a resumable upload. */
  endpoint: string;
  signal: AbortSignal;
}

export interface LargeFile {
  key: string;
  path: string;
  size: number;
  sha256: string;
  contentType: string;
  metadata: Record<string, string>;
}

type UploadRow = typeof multipartUploads.$inferSelect;
type ConfirmedPart = { etag: string; size: number };

function expectedPartSize(file: LargeFile, partSize: number, partNumber: number): number {
  return Math.min(partSize, file.size - (partNumber - 1) * partSize);
}

/** Parts the store holds for this upload, or null when the upload is gone (completed, aborted or expired). */
async function partsOnStore(to: UploadDestination, row: UploadRow): Promise<Map<number, ConfirmedPart> | null> {
  const parts = new Map<number, ConfirmedPart>();
  let marker: string | undefined;
  try {
    do {
      const page = await withRetry(
        () =>
          to.client.send(
            new ListPartsCommand({ Bucket: to.bucket, Key: row.key, UploadId: row.uploadId, PartNumberMarker: marker }),
            { abortSignal: to.signal },
          ),
        { signal: to.signal },
      );
      for (const part of page.Parts ?? []) {
        if (part.PartNumber && part.ETag) parts.set(part.PartNumber, { etag: part.ETag, size: part.Size ?? 0 });
      }
      marker = page.IsTruncated ? page.NextPartNumberMarker : undefined;
    } while (marker);
  } catch (error) {
    const facts = s3ErrorFacts(error);
    if (facts.name === 'NoSuchUpload' || facts.status === 404) return null;
    throw error;
  }
  return parts;
}

/** The parts already confirmed, from the store's own list; what we stored is brought in line with it. */
async function resumeUpload(
  to: UploadDestination,
  file: LargeFile,
  row: UploadRow,
): Promise<Map<number, ConfirmedPart> | null> {
  const onStore = await partsOnStore(to, row);
  if (onStore === null) {
    to.db.delete(multipartUploads).where(eq(multipartUploads.id, row.id)).run();
    return null;
  }
  const confirmed = new Map<number, ConfirmedPart>();
  for (const [partNumber, part] of onStore) {
    // Every part of this upload id came from this file (the row is keyed by its SHA-256); a short one was cut off.
    if (part.size === expectedPartSize(file, row.partSize, partNumber)) confirmed.set(partNumber, part);
  }
  to.db.transaction((tx) => {
    tx.delete(multipartParts).where(eq(multipartParts.uploadRowId, row.id)).run();
    for (const [partNumber, part] of confirmed)
      tx.insert(multipartParts).values({ uploadRowId: row.id, partNumber, etag: part.etag, size: part.size }).run();
  });
  return confirmed;
}

async function startUpload(to: UploadDestination, file: LargeFile): Promise<UploadRow> {
  const created = await withRetry(
    () =>
      to.client.send(
        new CreateMultipartUploadCommand({
          Bucket: to.bucket,
          Key: file.key,
          ContentType: file.contentType,
          Metadata: file.metadata,
        }),
        { abortSignal: to.signal },
      ),
    { signal: to.signal },
  );
  if (!created.UploadId) throw new Error('The store started a multipart upload without an upload id.');
  return to.db
    .insert(multipartUploads)
    .values({
      endpoint: to.endpoint,
      bucket: to.bucket,
      key: file.key,
      sha256: file.sha256,
      uploadId: created.UploadId,
      partSize: partSizeBytes,
    })
    .returning()
    .get();
}

async function readPart(path: string, offset: number, length: number): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, offset);
    if (bytesRead !== length) throw new Error(`${path} changed while it was being published.`);
    return buffer;
  } finally {
    await handle.close();
  }
}

/** After a lost answer to CompleteMultipartUpload: the object may be complete already; it is ours if its checksum is. */
async function completedMeanwhile(to: UploadDestination, file: LargeFile): Promise<string | null> {
  try {
    const head = await to.client.send(new HeadObjectCommand({ Bucket: to.bucket, Key: file.key }), {
      abortSignal: to.signal,
    });
    return head.Metadata?.sha256 === file.sha256 && head.ETag ? head.ETag : null;
  } catch {
    return null;
  }
}

/**
 * Uploads (or continues uploading) a large file; answers the ETag once the store has assembled the whole object.
 * `onConfirmed` gets the bytes the store holds so far, parts kept from before included.
 */
export async function uploadLargeFile(
  to: UploadDestination,
  file: LargeFile,
  onConfirmed: (bytes: number) => void,
): Promise<string> {
  const existing = to.db
    .select()
    .from(multipartUploads)
    .where(
      and(
        eq(multipartUploads.endpoint, to.endpoint),
        eq(multipartUploads.bucket, to.bucket),
        eq(multipartUploads.key, file.key),
        eq(multipartUploads.sha256, file.sha256),
      ),
    )
    .get();
  // An upload of this key's older bytes can never complete now: let the store free its parts.
  await discardUploads(
    to,
    unfinishedUploads(to.db, to.endpoint, to.bucket, file.key).filter((upload) => upload.sha256 !== file.sha256),
  );
  let row = existing ?? null;
  let confirmed = row ? await resumeUpload(to, file, row) : null;
  if (!row || !confirmed) {
    row = await startUpload(to, file);
    confirmed = new Map();
  }
  const upload = row;
  const partCount = Math.max(1, Math.ceil(file.size / upload.partSize));
  const confirmedBytes = () => [...confirmed.values()].reduce((sum, part) => sum + part.size, 0);
  onConfirmed(confirmedBytes());
  const missing = Array.from({ length: partCount }, (_, i) => i + 1).filter((n) => !confirmed.has(n));
  let next = 0;
  const sendParts = async () => {
    while (next < missing.length) {
      const partNumber = missing[next++]!;
      const size = expectedPartSize(file, upload.partSize, partNumber);
      const body = await readPart(file.path, (partNumber - 1) * upload.partSize, size);
      const sent = await withRetry(
        () =>
          to.client.send(
            new UploadPartCommand({
              Bucket: to.bucket,
              Key: file.key,
              UploadId: upload.uploadId,
              PartNumber: partNumber,
              Body: body,
              ContentLength: size,
            }),
            { abortSignal: to.signal },
          ),
        { signal: to.signal },
      );
      if (!sent.ETag) throw new Error(`The store accepted part ${partNumber} of ${file.key} without an ETag.`);
      to.db.insert(multipartParts).values({ uploadRowId: upload.id, partNumber, etag: sent.ETag, size }).run();
      confirmed.set(partNumber, { etag: sent.ETag, size });
      onConfirmed(confirmedBytes());
    }
  };
  // Every lane is let finish before a failure is reported, so no part is still in flight when the caller aborts
  // the upload (a part landing after AbortMultipartUpload would leave stored bytes behind).
  const settled = await Promise.allSettled(Array.from({ length: Math.min(lanes, missing.length) }, sendParts));
  const failure = settled.find((lane) => lane.status === 'rejected');
  if (failure) throw failure.reason;

  const parts = [...confirmed.entries()]
    .sort(([a], [b]) => a - b)
    .map(([PartNumber, part]) => ({ PartNumber, ETag: part.etag }));
  let etag: string | null;
  try {
    const done = await withRetry(
      () =>
        to.client.send(
          new CompleteMultipartUploadCommand({
            Bucket: to.bucket,
            Key: file.key,
            UploadId: upload.uploadId,
            MultipartUpload: { Parts: parts },
          }),
          { abortSignal: to.signal },
        ),
      { signal: to.signal },
    );
    etag = done.ETag ?? null;
  } catch (error) {
    if (s3ErrorFacts(error).name !== 'NoSuchUpload') throw error;
    etag = await completedMeanwhile(to, file);
    if (etag === null) {
      to.db.delete(multipartUploads).where(eq(multipartUploads.id, upload.id)).run();
      throw error;
    }
  }
  to.db.delete(multipartUploads).where(eq(multipartUploads.id, upload.id)).run();
  if (!etag) throw new Error(`The store completed ${file.key} without an ETag.`);
  return etag;
}

/**
 * Asks the store to discard these unfinished uploads (parts left behind are billed and never seen) and forgets
 * them. Best effort: a store that cannot be reached keeps the parts until its lifecycle rules clear them.
 */
export async function discardUploads(
  to: Omit<UploadDestination, 'signal'>,
  uploads: readonly UploadRow[],
): Promise<void> {
  for (const upload of uploads) {
    try {
      await to.client.send(
        new AbortMultipartUploadCommand({ Bucket: to.bucket, Key: upload.key, UploadId: upload.uploadId }),
      );
    } catch {
      // Unreachable now: the store's lifecycle rules are the backstop.
    }
    to.db.delete(multipartUploads).where(eq(multipartUploads.id, upload.id)).run();
  }
}

/** Unfinished uploads Lectern started for this key, whatever bytes they were for. */
export function unfinishedUploads(db: LecternDb, endpoint: string, bucket: string, key: string): UploadRow[] {
  return db
    .select()
    .from(multipartUploads)
    .where(
      and(eq(multipartUploads.endpoint, endpoint), eq(multipartUploads.bucket, bucket), eq(multipartUploads.key, key)),
    )
    .all();
}
