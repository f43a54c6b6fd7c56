import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { stageNames } from '../../../shared/domain/stages.ts';
import { jobs } from './jobs.ts';

/** What happened to a job, in words the lecturer can read in the UI; the detailed log goes to files. */
export const processingLogs = sqliteTable(
  'processing_logs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    jobId: integer('job_id').references(() => jobs.id, { onDelete: 'cascade' }),
    stage: text('stage', { enum: stageNames }),
    level: text('level', { enum: ['debug', 'info', 'warn', 'error'] }).notNull(),
    message: text('message').notNull(),
    at: integer('at').notNull(),
  },
  (t) => [index('processing_logs_job_idx').on(t.jobId, t.at)],
);
