import { z } from 'zod';
import { appErrorSchema } from '../errors.ts';
import { jobIdSchema } from './job.ts';

/**
 * Publishing a job's clips to the institution's S3 bucket: what goes up, how far it has got, and what is there now.
 * An object is listed as published only once the store has confirmed the whole object (never for a part).
 */

/** What a published file is: a clip, its subtitles, its thumbnail, or the job's manifest. */
export const publishedKinds = ['video', 'srt', 'vtt', 'thumbnail', 'manifest'] as const;
export const publishedKindSchema = z.enum(publishedKinds);
export type PublishedKind = z.infer<typeof publishedKindSchema>;

export const publishFileStates = ['waiting', 'checking', 'uploading', 'uploaded', 'unchanged', 'failed'] as const;
export const publishFileStateSchema = z.enum(publishFileStates);
export type PublishFileState = z.infer<typeof publishFileStateSchema>;

/** One file on its way up. `unchanged`: the bucket already had an identical copy, so nothing was sent. */
export const publishFileProgressSchema = z.object({
  key: z.string(),
  kind: publishedKindSchema,
  clipId: z.number().int().nullable(),
  size: z.number().int().nonnegative(),
  /** Bytes the store has confirmed, counting parts kept from an earlier, interrupted upload. */
  sentBytes: z.number().int().nonnegative(),
  state: publishFileStateSchema,
});
export type PublishFileProgress = z.infer<typeof publishFileProgressSchema>;

export const publicationStatuses = ['uploading', 'complete', 'failed', 'cancelled'] as const;
export const publicationStatusSchema = z.enum(publicationStatuses);
export type PublicationStatus = z.infer<typeof publicationStatusSchema>;

/** Sent while a publication runs (throttled), and once more when it ends. */
export const publishProgressSchema = z.object({
  jobId: jobIdSchema,
  publicationId: z.number().int().positive(),
  status: publicationStatusSchema,
  files: z.array(publishFileProgressSchema),
  sentBytes: z.number().int().nonnegative(),
  totalBytes: z.number().int().nonnegative(),
});
export type PublishProgress = z.infer<typeof publishProgressSchema>;

/** An object the store holds completely, with a pre-signed link to download it. */
export const publishedObjectSchema = z.object({
  key: z.string(),
  etag: z.string(),
  size: z.number().int().nonnegative(),
  url: z.string(),
  kind: publishedKindSchema,
  clipId: z.number().int().nullable(),
  /** The clip's title, for labelling its link; null for the manifest. */
  title: z.string().nullable(),
  /** Epoch ms after which `url` no longer works. */
  urlExpiresAt: z.number(),
});
export type PublishedObject = z.infer<typeof publishedObjectSchema>;

/** A publication as stored: where it went, how it ended, and the objects that are complete in the bucket. */
export const publicationSummarySchema = z.object({
  id: z.number().int().positive(),
  jobId: jobIdSchema,
  status: publicationStatusSchema,
  bucket: z.string(),
  /** null for AWS itself. */
  endpoint: z.string().nullable(),
  startedAt: z.number(),
  finishedAt: z.number().nullable(),
  error: appErrorSchema.nullable(),
  /** Files this publication set out to upload. */
  fileCount: z.number().int().nonnegative(),
  /** Of those, already in the bucket unchanged, so not sent again. */
  unchangedCount: z.number().int().nonnegative(),
  objects: z.array(publishedObjectSchema),
});
export type PublicationSummary = z.infer<typeof publicationSummarySchema>;

/** The answer to "Test connection": the bucket was reached with these credentials. */
export const connectionCheckSchema = z.object({
  bucket: z.string(),
  endpoint: z.string().nullable(),
  message: z.string(),
});
export type ConnectionCheck = z.infer<typeof connectionCheckSchema>;
