import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { LecternError, type AppError } from '../../shared/errors.ts';
import type { JobId, JobSummary, StageRun } from '../../shared/domain/job.ts';
import type { MediaInfo } from '../../shared/domain/media.ts';
import type { JobSettings } from '../../shared/domain/settings.ts';
import type { JobStatus, StageName } from '../../shared/domain/stages.ts';
import type { LecternDb } from './open.ts';
import { jobStages, jobs, processingLogs } from './schema/index.ts';

export type JobRow = typeof jobs.$inferSelect;
export type StageRow = typeof jobStages.$inferSelect;
/** A drizzle transaction or the database itself: repository writes work inside either. */
export type DbOrTx = Pick<LecternDb, 'select' | 'insert' | 'update' | 'delete'>;

export function createJob(db: DbOrTx, sourcePath: string, settings: JobSettings, media: MediaInfo | null): JobRow {
  return db.insert(jobs).values({ sourcePath, settings, media, status: 'queued' }).returning().get();
}

export function findJob(db: DbOrTx, id: JobId): JobRow | undefined {
  return db.select().from(jobs).where(eq(jobs.id, id)).get();
}

export function getJob(db: DbOrTx, id: JobId): JobRow {
  const job = findJob(db, id);
  if (!job) throw new LecternError('job-not-found', `There is no job ${id}. Run "lectern jobs" to see the queue.`);
  return job;
}

export function listJobs(db: DbOrTx, statuses?: JobStatus[]): JobRow[] {
  const query = db.select().from(jobs);
  return (statuses ? query.where(inArray(jobs.status, statuses)) : query).orderBy(asc(jobs.id)).all();
}

export function updateJob(db: DbOrTx, id: JobId, patch: Partial<Omit<JobRow, 'id' | 'createdAt'>>): JobRow {
  const row = db
    .update(jobs)
    .set({ ...patch, updatedAt: Date.now() })
    .where(eq(jobs.id, id))
    .returning()
    .get();
  if (!row) throw new LecternError('job-not-found', `There is no job ${id}.`);
  return row;
}

export function stageRows(db: DbOrTx, jobId: JobId): StageRow[] {
  return db.select().from(jobStages).where(eq(jobStages.jobId, jobId)).orderBy(asc(jobStages.startedAt)).all();
}

export function findStage(db: DbOrTx, jobId: JobId, stage: StageName): StageRow | undefined {
  return db
    .select()
    .from(jobStages)
    .where(and(eq(jobStages.jobId, jobId), eq(jobStages.stage, stage)))
    .get();
}

/** Records that a stage started; a stage left 'running' by a crash counts as another attempt. */
export function markStageStarted(db: DbOrTx, jobId: JobId, stage: StageName, at: number): StageRow {
  const previous = findStage(db, jobId, stage);
  const attempts = (previous?.attempts ?? 0) + 1;
  return db
    .insert(jobStages)
    .values({ jobId, stage, status: 'running', attempts, startedAt: at })
    .onConflictDoUpdate({
      target: [jobStages.jobId, jobStages.stage],
      set: { status: 'running', attempts, startedAt: at, finishedAt: null, durationMs: null, result: null },
    })
    .returning()
    .get();
}

export function markStageFinished(
  db: DbOrTx,
  jobId: JobId,
  stage: StageName,
  status: 'done' | 'failed',
  at: number,
  result: Record<string, unknown> | null,
): void {
  const row = findStage(db, jobId, stage);
  db.update(jobStages)
    .set({ status, finishedAt: at, durationMs: row ? at - row.startedAt : null, result })
    .where(and(eq(jobStages.jobId, jobId), eq(jobStages.stage, stage)))
    .run();
}

/** Forgets a job's stages from `stages` on, so a retry with changed inputs redoes them. */
export function clearStages(db: DbOrTx, jobId: JobId, stages: StageName[]): void {
  if (stages.length === 0) return;
  db.delete(jobStages)
    .where(and(eq(jobStages.jobId, jobId), inArray(jobStages.stage, stages)))
    .run();
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export function addProcessingLog(
  db: DbOrTx,
  entry: { jobId: JobId | null; stage: StageName | null; level: LogLevel; message: string },
): void {
  db.insert(processingLogs)
    .values({ ...entry, at: Date.now() })
    .run();
}

export function processingLogFor(db: DbOrTx, jobId: JobId, limit = 200) {
  return db
    .select()
    .from(processingLogs)
    .where(eq(processingLogs.jobId, jobId))
    .orderBy(desc(processingLogs.at), desc(processingLogs.id))
    .limit(limit)
    .all()
    .reverse();
}

function baseName(filePath: string): string {
  return filePath.split(/[\\/]/).pop() ?? filePath;
}

export function toStageRun(row: StageRow): StageRun {
  return {
    stage: row.stage,
    status: row.status,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
    durationMs: row.durationMs,
    attempts: row.attempts,
  };
}

export function toJobSummary(job: JobRow, stages: StageRow[]): JobSummary {
  const error: AppError | null = job.error ?? null;
  return {
    id: job.id,
    sourcePath: job.sourcePath,
    sourceName: baseName(job.sourcePath),
    status: job.status,
    stage: job.stage,
    progress: job.progress,
    error,
    media: job.media ?? null,
    outputDir: job.settings.outputDir,
    createdAt: job.createdAt,
    updatedAt: job.updatedAt,
    finishedAt: job.finishedAt,
    stages: stages.map(toStageRun),
  };
}

export function jobSummary(db: DbOrTx, id: JobId): JobSummary {
  return toJobSummary(getJob(db, id), stageRows(db, id));
}

/** Summaries for the whole queue in two queries, not one per job. */
export function jobSummaries(db: DbOrTx): JobSummary[] {
  const rows = listJobs(db);
  const stagesByJob = new Map<number, StageRow[]>();
  for (const stage of db.select().from(jobStages).orderBy(asc(jobStages.startedAt)).all()) {
    const list = stagesByJob.get(stage.jobId) ?? [];
    list.push(stage);
    stagesByJob.set(stage.jobId, list);
  }
  return rows.map((row) => toJobSummary(row, stagesByJob.get(row.id) ?? []));
}
