import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { AppError } from '../../../shared/errors.ts';
import type { MediaInfo } from '../../../shared/domain/media.ts';
import type { JobSettings } from '../../../shared/domain/settings.ts';
import { jobStatuses, stageNames } from '../../../shared/domain/stages.ts';

const now = sql`(cast(unixepoch('subsec') * 1000 as integer))`;

/** One lecture recording on its way to highlights. */
export const jobs = sqliteTable(
  'jobs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    sourcePath: text('source_path').notNull(),
    status: text('status', { enum: jobStatuses }).notNull().default('queued'),
    /** The stage running now, or the last one that ran. */
    stage: text('stage', { enum: stageNames }),
    progress: real('progress').notNull().default(0),
    error: text('error', { mode: 'json' }).$type<AppError>(),
    media: text('media', { mode: 'json' }).$type<MediaInfo>(),
    settings: text('settings', { mode: 'json' }).$type<JobSettings>().notNull(),
    /** The process working on this job; a dead pid means the job was interrupted and can resume. */
    ownerPid: integer('owner_pid'),
    cancelRequested: integer('cancel_requested', { mode: 'boolean' }).notNull().default(false),
    createdAt: integer('created_at').notNull().default(now),
    updatedAt: integer('updated_at').notNull().default(now),
    finishedAt: integer('finished_at'),
  },
  (t) => [index('jobs_status_idx').on(t.status)],
);

/** One row per stage a job has started; `done` rows are what resume skips. */
export const jobStages = sqliteTable(
  'job_stages',
  {
    jobId: integer('job_id')
      .notNull()
      .references(() => jobs.id, { onDelete: 'cascade' }),
    stage: text('stage', { enum: stageNames }).notNull(),
    status: text('status', { enum: ['running', 'done', 'failed'] }).notNull(),
    attempts: integer('attempts').notNull().default(1),
    startedAt: integer('started_at').notNull(),
    finishedAt: integer('finished_at'),
    durationMs: integer('duration_ms'),
    /** Small stage outputs (file paths, counts); bulky results live in their own tables. */
    result: text('result', { mode: 'json' }).$type<Record<string, unknown>>(),
  },
  (t) => [primaryKey({ columns: [t.jobId, t.stage] })],
);
