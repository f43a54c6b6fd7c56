import { and, eq, inArray } from 'drizzle-orm';
import { LecternError } from '../../../shared/errors.ts';
import { addProcessingLog, getJob, listJobs, updateJob, type JobRow } from '../../db/jobsRepo.ts';
import { jobs } from '../../db/schema/index.ts';
import { runJob, type JobOutcome, type RunJobDeps } from './runJob.ts';

export interface JobQueueOptions extends RunJobDeps {
  /** How many lectures run at once; each already uses FFmpeg threads and the worker pool. */
  concurrency: number;
  /** How often to look for a cancel requested by another process (`lectern cancel`). */
  cancelPollMs?: number;
}

/** Why a running job was stopped: the user cancelled it, or the app is quitting and it should resume later. */
const shutdownReason = new LecternError('cancelled', 'Lectern is quitting; the job will resume at next start.');

/**
 * The in-process side of the persisted queue: runs queued jobs up to `concurrency` at a time. The database is the
 * truth; this only holds what this process is doing right now.
 */
export function createJobQueue(options: JobQueueOptions) {
  const { db } = options;
  const pending: number[] = [];
  const running = new Map<number, { controller: AbortController; done: Promise<JobOutcome> }>();
  const idleWaiters: (() => void)[] = [];
  let closed = false;

  const cancelPoll = setInterval(pollCancelRequests, options.cancelPollMs ?? 500);
  cancelPoll.unref();

  function pump(): void {
    while (!closed && running.size < options.concurrency && pending.length > 0) {
      const jobId = pending.shift()!;
      start(jobId);
    }
    if (running.size === 0 && pending.length === 0) idleWaiters.splice(0).forEach((resolve) => resolve());
  }

  function start(jobId: number): void {
    const controller = new AbortController();
    const done = runJob(jobId, options, controller.signal)
      .catch((error: unknown) => {
        // runJob records its own failures; reaching here means the database itself failed.
        options.logger.error({ jobId, err: error }, 'job runner crashed');
        return 'failed' as const;
      })
      .then((outcome) => {
        if (controller.signal.reason === shutdownReason) requeueAfterShutdown(jobId);
        running.delete(jobId);
        pump();
        return outcome;
      });
    running.set(jobId, { controller, done });
  }

  function requeueAfterShutdown(jobId: number): void {
    const job = updateJob(db, jobId, { status: 'queued', error: null, finishedAt: null });
    addProcessingLog(db, {
      jobId,
      stage: job.stage,
      level: 'info',
      message: 'Paused because Lectern quit; it resumes at next start.',
    });
    options.onJobUpdated?.(job);
  }

  function pollCancelRequests(): void {
    if (running.size === 0) return;
    const ids = [...running.keys()];
    const requested = db
      .select({ id: jobs.id })
      .from(jobs)
      .where(and(inArray(jobs.id, ids), eq(jobs.cancelRequested, true)))
      .all();
    for (const { id } of requested) running.get(id)?.controller.abort();
  }

  /** Adds a job to this process's queue; it runs from its first unfinished stage. */
  function enqueue(jobId: number): void {
    if (running.has(jobId) || pending.includes(jobId)) return;
    const job = updateJob(db, jobId, { status: 'queued', error: null, cancelRequested: false, finishedAt: null });
    options.onJobUpdated?.(job);
    pending.push(jobId);
    pump();
  }

  /** Stops a job wherever it runs: here (abort), queued here (dropped), or in another process (flagged in the DB). */
  function cancel(jobId: number): JobRow {
    const job = getJob(db, jobId);
    const here = running.get(jobId);
    if (here) {
      here.controller.abort();
      return job;
    }
    const index = pending.indexOf(jobId);
    if (index >= 0) pending.splice(index, 1);
    if (
      job.status === 'running' &&
      job.ownerPid !== null &&
      job.ownerPid !== process.pid &&
      isProcessAlive(job.ownerPid)
    ) {
      return updateJob(db, jobId, { cancelRequested: true });
    }
    if (job.status === 'done' || job.status === 'cancelled' || job.status === 'failed') return job;
    const cancelled = updateJob(db, jobId, {
      status: 'cancelled',
      ownerPid: null,
      error: { code: 'cancelled', message: 'Cancelled. Finished stages are kept; retry to continue.' },
      finishedAt: Date.now(),
    });
    addProcessingLog(db, { jobId, stage: job.stage, level: 'warn', message: 'Cancelled.' });
    options.onJobUpdated?.(cancelled);
    pump();
    return cancelled;
  }

  function whenIdle(): Promise<void> {
    if (running.size === 0 && pending.length === 0) return Promise.resolve();
    return new Promise((resolve) => idleWaiters.push(resolve));
  }

  /** Stops everything for a quit: running jobs go back to 'queued' and resume from their last finished stage. */
  async function shutdown(): Promise<void> {
    closed = true;
    clearInterval(cancelPoll);
    pending.splice(0);
    const all = [...running.values()];
    for (const { controller } of all) controller.abort(shutdownReason);
    await Promise.all(all.map((r) => r.done));
  }

  return {
    enqueue,
    cancel,
    whenIdle,
    shutdown,
    isRunning: (jobId: number) => running.has(jobId),
    outcome: (jobId: number) => running.get(jobId)?.done,
  };
}

export type JobQueue = ReturnType<typeof createJobQueue>;

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Jobs left 'running' by a process that no longer exists (a crash, a kill, a power cut) go back to 'queued'.
 * Their finished stages stay finished.
 */
export function recoverInterruptedJobs(db: RunJobDeps['db']): JobRow[] {
  const recovered: JobRow[] = [];
  for (const job of listJobs(db, ['running'])) {
    if (job.ownerPid !== null && job.ownerPid !== process.pid && isProcessAlive(job.ownerPid)) continue;
    recovered.push(updateJob(db, job.id, { status: 'queued', ownerPid: null, cancelRequested: false }));
    addProcessingLog(db, {
      jobId: job.id,
      stage: job.stage,
      level: 'warn',
      message: `Interrupted during "${job.stage ?? 'start'}"; finished stages are kept and it resumes from there.`,
    });
  }
  return recovered;
}
