import { sql } from 'drizzle-orm';
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { jobs } from './jobs.ts';

export interface TranscriptWord {
  start: number;
  end: number;
  text: string;
}

export interface TranscriptSegment {
  start: number;
  end: number;
  text: string;
  words: TranscriptWord[] | null;
}

/** The words of a lecture with times in seconds on the source timeline, whichever engine produced them. */
export const transcripts = sqliteTable('transcripts', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  jobId: integer('job_id')
    .notNull()
    .unique()
    .references(() => jobs.id, { onDelete: 'cascade' }),
  source: text('source', { enum: ['captions', 'local', 'gemini'] }).notNull(),
  language: text('language'),
  /** Where the text came from: a caption file path, a model name. */
  origin: text('origin'),
  segments: text('segments', { mode: 'json' }).$type<TranscriptSegment[]>().notNull(),
  /** The lecturer's corrections are kept apart from what the engine heard. */
  editedAt: integer('edited_at'),
  createdAt: integer('created_at')
    .notNull()
    .default(sql`(cast(unixepoch('subsec') * 1000 as integer))`),
});
