import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { AppError } from '../../../shared/errors.ts';
import { publicationStatuses, publishedKinds } from '../../../shared/domain/publish.ts';
import { clips } from './clips.ts';
import { jobs } from './jobs.ts';

const now = sql`(cast(unixepoch('subsec') * 1000 as integer))`;

/** One "Publish" of a job to a bucket: where it went and how it ended. */
export const publications = sqliteTable(
  'publications',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    jobId: integer('job_id')
      .notNull()
      .references(() => jobs.id, { onDelete: 'cascade' }),
    status: text('status', { enum: publicationStatuses }).notNull().default('uploading'),
    bucket: text('bucket').notNull(),
    endpoint: text('endpoint'),
    region: text('region').notNull(),
    error: text('error', { mode: 'json' }).$type<AppError>(),
    startedAt: integer('started_at').notNull().default(now),
    finishedAt: integer('finished_at'),
  },
  (t) => [index('publications_job_idx').on(t.jobId)],
);

/**
 * A file of a publication. `status` becomes 'complete' only when the store confirmed the whole object (PutObject
 * or CompleteMultipartUpload answered, or HeadObject found an identical copy): links are given for those alone.
 */
export const publishedObjects = sqliteTable(
  'published_objects',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    publicationId: integer('publication_id')
      .notNull()
      .references(() => publications.id, { onDelete: 'cascade' }),
    clipId: integer('clip_id').references(() => clips.id, { onDelete: 'set null' }),
    kind: text('kind', { enum: publishedKinds }).notNull(),
    key: text('key').notNull(),
    title: text('title'),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    status: text('status', { enum: ['pending', 'complete', 'failed'] })
      .notNull()
      .default('pending'),
    /** True when an identical object was already in the bucket and nothing was sent. */
    unchanged: integer('unchanged', { mode: 'boolean' }).notNull().default(false),
    etag: text('etag'),
    url: text('url'),
    urlExpiresAt: integer('url_expires_at'),
    completedAt: integer('completed_at'),
  },
  (t) => [index('published_objects_publication_idx').on(t.publicationId)],
);
