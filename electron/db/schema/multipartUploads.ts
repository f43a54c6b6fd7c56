import { sql } from 'drizzle-orm';
import { integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * A multipart upload started but not completed: enough to resume it after a crash or a lost connection. Keyed by
 * where it goes and by the file's checksum, so a file that changed since never continues an upload of its old bytes.
 * The row (and its parts) is deleted once the store has completed or aborted the upload.
 */
export const multipartUploads = sqliteTable(
  'multipart_uploads',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** The endpoint URL, or '' for AWS itself. */
    endpoint: text('endpoint').notNull(),
    bucket: text('bucket').notNull(),
    key: text('key').notNull(),
    sha256: text('sha256').notNull(),
    uploadId: text('upload_id').notNull(),
    partSize: integer('part_size').notNull(),
    createdAt: integer('created_at')
      .notNull()
      .default(sql`(cast(unixepoch('subsec') * 1000 as integer))`),
  },
  (t) => [uniqueIndex('multipart_uploads_target_idx').on(t.endpoint, t.bucket, t.key, t.sha256)],
);

/** A part the store confirmed (its ETag), written as soon as it is confirmed. */
export const multipartParts = sqliteTable(
  'multipart_parts',
  {
    uploadRowId: integer('upload_row_id')
      .notNull()
      .references(() => multipartUploads.id, { onDelete: 'cascade' }),
    partNumber: integer('part_number').notNull(),
    etag: text('etag').notNull(),
    size: integer('size').notNull(),
  },
  (t) => [primaryKey({ columns: [t.uploadRowId, t.partNumber] })],
);
