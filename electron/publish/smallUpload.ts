import { readFile } from 'node:fs/promises';
import type { S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import type { PlannedSource } from './publishPlan.ts';

export interface SmallFile {
  key: string;
  source: PlannedSource;
  size: number;
  contentType: string;
  metadata: Record<string, string>;
}

/**
 * A file below the multipart threshold (subtitles, thumbnails, the manifest, short clips) in one request, through
 * lib-storage's `Upload`, which reports bytes sent and stops on abort. Nothing to resume: sending it again is cheap.
 */
export async function uploadSmallFile(
  client: S3Client,
  bucket: string,
  file: SmallFile,
  signal: AbortSignal,
  onSent: (bytes: number) => void,
): Promise<string> {
  const body = 'bytes' in file.source ? file.source.bytes : await readFile(file.source.path);
  const abortController = new AbortController();
  const abort = () => abortController.abort();
  signal.addEventListener('abort', abort, { once: true });
  try {
    const upload = new Upload({
      client,
      params: {
        Bucket: bucket,
        Key: file.key,
        Body: body,
        ContentLength: body.length,
        ContentType: file.contentType,
        Metadata: file.metadata,
      },
      // Larger than any small file, so this is always a single PutObject.
      partSize: Math.max(5 * 1024 * 1024, body.length + 1),
      queueSize: 1,
      leavePartsOnError: false,
      abortController,
    });
    upload.on('httpUploadProgress', (progress) => onSent(Math.min(progress.loaded ?? 0, body.length)));
    const result = await upload.done();
    if (!result.ETag) throw new Error(`The store accepted ${file.key} without an ETag.`);
    onSent(body.length);
    return result.ETag;
  } finally {
    signal.removeEventListener('abort', abort);
  }
}
