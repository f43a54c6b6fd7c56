import { jobSettingsSchema } from '../../../shared/domain/settings.ts';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createJob, getJob, processingLogFor, stageRows, updateJob } from '../../db/jobsRepo.ts';
import { closeDatabase, openDatabase, type LecternDb } from '../../db/open.ts';
import { processingLogs } from '../../db/schema/index.ts';
import { createWorkerPool, type WorkerPool } from '../workers/pool.ts';
import type { FixtureTasks } from '../workers/fixtures/fixtureTasks.ts';
import { createJobQueue, recoverInterruptedJobs } from './queue.ts';
import { runJob, type RunJobDeps } from './runJob.ts';
import { defineStage, type Stage } from './stage.ts';

const fixtureWorkerUrl = new URL('../workers/fixtures/fixtureWorker.ts', import.meta.url);

/** A stage that records each run and writes one log row per run through commit (replacing earlier ones). */
function countingStage(
  name: Stage<unknown>['name'],
  runs: string[],
  behaviour?: (signal: AbortSignal) => Promise<void>,
) {
  return defineStage<{ value: string }>({
    name,
    weight: 1,
    async run(ctx) {
      runs.push(name);
      ctx.progress(0.5);
      await behaviour?.(ctx.signal);
      return { value: `${name} result` };
    },
    commit(tx, job, result) {
      tx.insert(processingLogs)
        .values({ jobId: job.id, stage: name, level: 'debug', message: result.value, at: 0 })
        .run();
      return { value: result.value };
    },
  });
}

function waitForAbort(signal: AbortSignal): Promise<void> {
  return new Promise((_, reject) =>
    signal.addEventListener('abort', () => reject(new Error('aborted')), { once: true }),
  );
}

describe('runJob and the queue', () => {
  let db: LecternDb;
  let dir: string;
  let pool: WorkerPool<FixtureTasks>;
  let deps: Omit<RunJobDeps, 'stages'>;

  beforeEach(() => {
    db = openDatabase(':memory:');
    dir = mkdtempSync(path.join(os.tmpdir(), 'lectern-engine-'));
    pool = createWorkerPool<FixtureTasks>({ workerUrl: fixtureWorkerUrl, size: 1 });
    deps = {
      db,
      pool: pool as unknown as RunJobDeps['pool'],
      logger: pino({ level: 'silent' }),
      limits: { maxFileBytes: 1e12, maxDurationSec: 1e6, minFreeBytes: 0 },
      dataDir: dir,
      jobsDir: path.join(dir, 'jobs'),
      progressIntervalMs: 0,
    };
  });
  afterEach(async () => {
    await pool.close();
    closeDatabase(db);
    rmSync(dir, { recursive: true, force: true });
  });

  const newJob = () => createJob(db, '/lectures/week 1.mp4', jobSettingsSchema.parse({ outputDir: dir }), null).id;

  it('runs the stages in order and records each one done with its duration', async () => {
    const runs: string[] = [];
    const stages = [countingStage('probe', runs), countingStage('audio', runs)];
    const id = newJob();
    const progress: number[] = [];
    expect(
      await runJob(id, { ...deps, stages, onProgress: (p) => progress.push(p.overall) }, new AbortController().signal),
    ).toBe('done');
    expect(runs).toEqual(['probe', 'audio']);
    expect(stageRows(db, id).map((s) => [s.stage, s.status, s.result])).toEqual([
      ['probe', 'done', { value: 'probe result' }],
      ['audio', 'done', { value: 'audio result' }],
    ]);
    expect(stageRows(db, id).every((s) => (s.durationMs ?? -1) >= 0)).toBe(true);
    expect(getJob(db, id)).toMatchObject({ status: 'done', progress: 1, ownerPid: null });
    expect(progress.at(-1)).toBe(1);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    // The scratch folders are gone.
    expect(readdirSync(path.join(dir, 'jobs', String(id)))).toEqual([]);
  });

  it('resumes after a failure without redoing finished stages, and commits are idempotent', async () => {
    const runs: string[] = [];
    let failOnce = true;
    const flaky = countingStage('audio', runs, async () => {
      if (failOnce) {
        failOnce = false;
        throw new Error('disk hiccup');
      }
    });
    const stages = [countingStage('probe', runs), flaky, countingStage('pauses', runs)];
    const id = newJob();
    expect(await runJob(id, { ...deps, stages }, new AbortController().signal)).toBe('failed');
    expect(getJob(db, id).error).toEqual({
      code: 'internal',
      message: 'Something went wrong inside Lectern: disk hiccup',
    });
    expect(stageRows(db, id).map((s) => [s.stage, s.status])).toEqual([
      ['probe', 'done'],
      ['audio', 'failed'],
    ]);
    expect(await runJob(id, { ...deps, stages }, new AbortController().signal)).toBe('done');
    expect(runs).toEqual(['probe', 'audio', 'audio', 'pauses']);
    const committed = processingLogFor(db, id)
      .filter((l) => l.level === 'debug')
      .map((l) => l.message);
    expect(committed).toEqual(['probe result', 'audio result', 'pauses result']);
    expect(stageRows(db, id).find((s) => s.stage === 'audio')?.attempts).toBe(2);
  });

  it('fails the job with a clear error when its worker thread crashes, and the next job still runs', async () => {
    const runs: string[] = [];
    const crashing = defineStage<unknown>({
      name: 'pauses',
      weight: 1,
      run: (ctx) => pool.run('crash', { how: 'exit' }, { signal: ctx.signal }),
      commit: () => ({}),
    });
    const first = newJob();
    expect(
      await runJob(first, { ...deps, stages: [countingStage('probe', runs), crashing] }, new AbortController().signal),
    ).toBe('failed');
    expect(getJob(db, first).error?.code).toBe('worker-crashed');
    expect(getJob(db, first).error?.message).toMatch(/crash/);
    const healthy = defineStage<unknown>({
      name: 'pauses',
      weight: 1,
      run: () => pool.run('whoAmI', { tag: 'after the crash' }),
      commit: () => ({}),
    });
    const second = newJob();
    expect(await runJob(second, { ...deps, stages: [healthy] }, new AbortController().signal)).toBe('done');
  });

  it('cancels a running job, keeps its finished stages, and a retry continues', async () => {
    const runs: string[] = [];
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    const slow = countingStage('audio', runs, (signal) => {
      started();
      return waitForAbort(signal);
    });
    const queue = createJobQueue({ ...deps, stages: [countingStage('probe', runs), slow], concurrency: 1 });
    const id = newJob();
    queue.enqueue(id);
    await running;
    queue.cancel(id);
    await queue.whenIdle();
    expect(getJob(db, id)).toMatchObject({ status: 'cancelled', error: { code: 'cancelled' } });
    expect(stageRows(db, id).find((s) => s.stage === 'probe')?.status).toBe('done');
    await queue.shutdown();

    const retried = createJobQueue({
      ...deps,
      stages: [countingStage('probe', runs), countingStage('audio', runs)],
      concurrency: 1,
    });
    retried.enqueue(id);
    await retried.whenIdle();
    await retried.shutdown();
    expect(getJob(db, id).status).toBe('done');
    expect(runs).toEqual(['probe', 'audio', 'audio']);
  });

  it('puts running jobs back in the queue on shutdown, and a dead owner is recovered at start', async () => {
    const runs: string[] = [];
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    const slow = countingStage('audio', runs, (signal) => {
      started();
      return waitForAbort(signal);
    });
    const queue = createJobQueue({ ...deps, stages: [countingStage('probe', runs), slow], concurrency: 1 });
    const id = newJob();
    queue.enqueue(id);
    await running;
    await queue.shutdown();
    expect(getJob(db, id).status).toBe('queued');

    // A process that died mid-job leaves it 'running' with its pid; a pid that no longer exists is recovered.
    updateJob(db, id, { status: 'running', ownerPid: 2 ** 22 + 12345 });
    expect(recoverInterruptedJobs(db).map((j) => j.id)).toEqual([id]);
    expect(getJob(db, id)).toMatchObject({ status: 'queued', ownerPid: null });
    expect(existsSync(path.join(dir, 'jobs', String(id)))).toBe(true);
  });
});
