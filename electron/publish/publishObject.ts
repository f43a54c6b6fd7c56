import { HeadObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { S3Settings } from '../../shared/domain/appSettings.ts';
import type { PublishFileState } from '../../shared/domain/publish.ts';
import type { LecternDb } from '../db/open.ts';
import { contentTypes, objectMetadata } from './objectMetadata.ts';
import type { PlannedObject } from './publishPlan.ts';
import { discardUploads, partSizeBytes, unfinishedUploads, uploadLargeFile } from './resumableUpload.ts';
import { withRetry } from './retry.ts';
import { s3ErrorFacts } from './s3Errors.ts';
import { uploadSmallFile } from './smallUpload.ts';

/** Files above this go up in resumable parts; below, one request is quicker and nothing is worth resuming. */
export const multipartThresholdBytes = 2 * partSizeBytes;

export interface PublishContext {
  client: S3Client;
  db: LecternDb;
  settings: S3Settings;
  signal: AbortSignal;
}

export interface ObjectReport {
  state(state: PublishFileState): void;
  /** Bytes on their way (many small steps). */
  sent(bytes: number): void;
  /** Bytes the store has confirmed, a part at a time: each is news worth showing at once. */
  confirmed(bytes: number): void;
}

/** The ETag of an identical copy already in the bucket (same SHA-256 in its metadata, same size), else null. */
async function identicalCopy(to: PublishContext, object: PlannedObject): Promise<string | null> {
  try {
    const head = await withRetry(
      () =>
        to.client.send(new HeadObjectCommand({ Bucket: to.settings.bucket, Key: object.key }), {
          abortSignal: to.signal,
        }),
      { signal: to.signal },
    );
    const same = head.Metadata?.sha256 === object.sha256 && head.ContentLength === object.size;
    return same && head.ETag ? head.ETag : null;
  } catch (error) {
    const facts = s3ErrorFacts(error);
    if (facts.status === 404 || facts.name === 'NotFound' || facts.name === 'NoSuchKey') return null;
    throw error;
  }
}

/** Puts one object in the bucket unless an identical one is there; answers once the store holds it whole. */
export async function publishObject(
  to: PublishContext,
  object: PlannedObject,
  report: ObjectReport,
): Promise<{ etag: string; unchanged: boolean }> {
  report.state('checking');
  const existing = await identicalCopy(to, object);
  if (existing) return { etag: existing, unchanged: true };
  report.state('uploading');
  const file = {
    key: object.key,
    size: object.size,
    contentType: contentTypes[object.kind],
    metadata: objectMetadata(object),
  };
  if ('path' in object.source && object.size > multipartThresholdBytes) {
    const etag = await uploadLargeFile(
      {
        client: to.client,
        db: to.db,
        bucket: to.settings.bucket,
        endpoint: to.settings.endpoint ?? '',
        signal: to.signal,
      },
      { ...file, path: object.source.path, sha256: object.sha256 },
      report.confirmed,
    );
    return { etag, unchanged: false };
  }
  const etag = await withRetry(
    () => uploadSmallFile(to.client, to.settings.bucket, { ...file, source: object.source }, to.signal, report.sent),
    { signal: to.signal },
  );
  return { etag, unchanged: false };
}

/** After the lecturer cancels: the unfinished upload of `key` is discarded on the store and forgotten. */
export async function abortUnfinishedUploads(to: Omit<PublishContext, 'signal'>, key: string): Promise<void> {
  const destination = {
    client: to.client,
    db: to.db,
    bucket: to.settings.bucket,
    endpoint: to.settings.endpoint ?? '',
  };
  await discardUploads(destination, unfinishedUploads(to.db, destination.endpoint, destination.bucket, key));
}
