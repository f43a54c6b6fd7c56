import { index, integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { jobs } from './jobs.ts';

/** One educational part of a lecture (5–15 per lecture) and why it matters. */
export const contentSegments = sqliteTable(
  'content_segments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    jobId: integer('job_id')
      .notNull()
      .references(() => jobs.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    start: real('start').notNull(),
    end: real('end').notNull(),
    title: text('title').notNull(),
    topic: text('topic').notNull(),
    importance: real('importance').notNull(),
    reasons: text('reasons', { mode: 'json' }).$type<string[]>().notNull(),
    source: text('source', { enum: ['local', 'gemini'] })
      .notNull()
      .default('local'),
  },
  (t) => [index('content_segments_job_idx').on(t.jobId, t.position)],
);
