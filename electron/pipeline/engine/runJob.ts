import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';
import type { JobProgress } from '../../../shared/domain/job.ts';
import type { InputLimits } from '../../../shared/domain/settings.ts';
import type { StageName } from '../../../shared/domain/stages.ts';
import { LecternError, toAppError } from '../../../shared/errors.ts';
import {
  addProcessingLog,
  findStage,
  getJob,
  markStageFinished,
  markStageStarted,
  stageRows,
  updateJob,
  type JobRow,
} from '../../db/jobsRepo.ts';
import type { LecternDb } from '../../db/open.ts';
import type { WorkerPool } from '../workers/pool.ts';
import { createProgressTracker } from './progress.ts';
import type { Stage, StageContext } from './stage.ts';

export interface RunJobDeps {
  db: LecternDb;
  pool: WorkerPool;
  logger: Logger;
  stages: readonly Stage<unknown>[];
  limits: InputLimits;
  dataDir: string;
  /** Per-job folders live under here: `<jobsDir>/<id>/`. */
  jobsDir: string;
  onProgress?: (progress: JobProgress) => void;
  onJobUpdated?: (job: JobRow) => void;
  progressIntervalMs?: number;
}

export type JobOutcome = 'done' | 'failed' | 'cancelled';

export function jobWorkDir(jobsDir: string, jobId: number): string {
  return path.join(jobsDir, String(jobId));
}

/**
 * Runs a job from its first unfinished stage to the end. Each stage's rows and its completion are written in one
 * transaction, so after a crash nothing half-done is taken for done, and nothing finished is redone.
 */
export async function runJob(jobId: number, deps: RunJobDeps, signal: AbortSignal): Promise<JobOutcome> {
  const { db } = deps;
  const log = deps.logger.child({ jobId });
  const finished = new Set(
    stageRows(db, jobId)
      .filter((s) => s.status === 'done')
      .map((s) => s.stage),
  );
  const tracker = createProgressTracker({
    jobId,
    plan: deps.stages.map((s) => ({ stage: s.name, weight: s.weight })),
    intervalMs: deps.progressIntervalMs ?? 250,
  });
  const workDir = jobWorkDir(deps.jobsDir, jobId);
  mkdirSync(workDir, { recursive: true });
  removeLeftoverTempDirs(workDir);

  const emitJob = (job: JobRow) => deps.onJobUpdated?.(job);
  emitJob(updateJob(db, jobId, { status: 'running', ownerPid: process.pid, error: null, finishedAt: null }));
  log.info({ resumeAfter: [...finished] }, 'job started');

  let current: StageName | null = null;
  try {
    for (const stage of deps.stages) {
      if (finished.has(stage.name)) {
        tracker.finishStage(stage.name);
        continue;
      }
      throwIfCancelled(signal);
      current = stage.name;
      await runStage(stage, jobId, deps, log, signal, tracker, workDir, emitJob);
      tracker.finishStage(stage.name);
    }
    const done = updateJob(db, jobId, { status: 'done', progress: 1, ownerPid: null, finishedAt: Date.now() });
    addProcessingLog(db, { jobId, stage: null, level: 'info', message: 'Finished.' });
    emitJob(done);
    log.info('job finished');
    return 'done';
  } catch (error) {
    const cancelled = signal.aborted || (error instanceof LecternError && error.code === 'cancelled');
    const appError = cancelled
      ? { code: 'cancelled' as const, message: 'Cancelled. Finished stages are kept; retry to continue.' }
      : toAppError(error);
    if (current) markStageFinished(db, jobId, current, 'failed', Date.now(), null);
    const row = updateJob(db, jobId, {
      status: cancelled ? 'cancelled' : 'failed',
      error: appError,
      ownerPid: null,
      cancelRequested: false,
      finishedAt: Date.now(),
    });
    addProcessingLog(db, { jobId, stage: current, level: cancelled ? 'warn' : 'error', message: appError.message });
    if (cancelled) log.warn({ stage: current }, 'job cancelled');
    else log.error({ stage: current, err: error }, 'job failed');
    emitJob(row);
    return cancelled ? 'cancelled' : 'failed';
  }
}

async function runStage(
  stage: Stage<unknown>,
  jobId: number,
  deps: RunJobDeps,
  log: Logger,
  signal: AbortSignal,
  tracker: ReturnType<typeof createProgressTracker>,
  workDir: string,
  emitJob: (job: JobRow) => void,
): Promise<void> {
  const { db } = deps;
  const startedAt = Date.now();
  markStageStarted(db, jobId, stage.name, startedAt);
  emitJob(updateJob(db, jobId, { stage: stage.name }));
  const stageLog = log.child({ stage: stage.name });
  const tempDir = mkdtempSync(path.join(workDir, `tmp-${stage.name}-`));
  const report = (fraction: number, force = false) => {
    const event = tracker.update(stage.name, fraction, force);
    if (!event) return;
    try {
      updateJob(db, jobId, { progress: event.overall });
    } catch (error) {
      // Progress is a nicety: a full disk or a busy database must fail the stage's real work, not its progress bar.
      stageLog.warn({ err: error }, 'could not store progress');
    }
    deps.onProgress?.(event);
  };
  report(0, true);
  try {
    const ctx: StageContext = {
      job: getJob(db, jobId),
      db,
      dataDir: deps.dataDir,
      workDir,
      tempDir,
      signal,
      pool: deps.pool,
      limits: deps.limits,
      log: stageLog,
      note: (level, message) => addProcessingLog(db, { jobId, stage: stage.name, level, message }),
      progress: (fraction) => report(fraction),
      resultOf: (name) => findStage(db, jobId, name)?.result ?? null,
    };
    const result = await stage.run(ctx);
    throwIfCancelled(signal);
    const finishedAt = Date.now();
    db.transaction((tx) => {
      const summary = stage.commit(tx, getJob(tx, jobId), result);
      markStageFinished(tx, jobId, stage.name, 'done', finishedAt, summary);
    });
    report(1, true);
    stageLog.info({ durationMs: finishedAt - startedAt }, 'stage finished');
  } finally {
    rmSync(tempDir, { recursive: true, force: true });
  }
}

/** Scratch folders of a run that was killed before its `finally` could delete them. */
function removeLeftoverTempDirs(workDir: string): void {
  for (const name of readdirSync(workDir)) {
    if (name.startsWith('tmp-')) rmSync(path.join(workDir, name), { recursive: true, force: true });
  }
}

function throwIfCancelled(signal: AbortSignal): void {
  if (signal.aborted) throw new LecternError('cancelled', 'Cancelled.');
}
