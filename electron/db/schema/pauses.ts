import { index, integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { jobs } from './jobs.ts';

/** Speech and pause intervals of a lecture; highlight boundaries snap to pauses. */
export const silenceRegions = sqliteTable(
  'silence_regions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    jobId: integer('job_id')
      .notNull()
      .references(() => jobs.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['pause', 'speech'] }).notNull(),
    start: real('start').notNull(),
    end: real('end').notNull(),
    detector: text('detector', { enum: ['silero', 'energy'] }).notNull(),
  },
  (t) => [index('silence_regions_job_idx').on(t.jobId, t.start)],
);
