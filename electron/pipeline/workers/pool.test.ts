import os from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { LecternError } from '../../../shared/errors.ts';
import type { FixtureTasks } from './fixtures/fixtureTasks.ts';
import { createWorkerPool, defaultPoolSize, type WorkerPool } from './pool.ts';

const fixtureWorkerUrl = new URL('./fixtures/fixtureWorker.ts', import.meta.url);
const pools: WorkerPool<FixtureTasks>[] = [];

function fixturePool(size: number, resourceLimits?: { maxOldGenerationSizeMb: number }): WorkerPool<FixtureTasks> {
  const pool = createWorkerPool<FixtureTasks>({
    workerUrl: fixtureWorkerUrl,
    size,
    ...(resourceLimits ? { resourceLimits } : {}),
  });
  pools.push(pool);
  return pool;
}

/** A gate for `hold` tasks: [0] opens it, [1] counts the tasks that have started. */
function createGate(): { gate: SharedArrayBuffer; started(): number; open(): number } {
  const gate = new SharedArrayBuffer(8);
  const cells = new Int32Array(gate);
  return {
    gate,
    started: () => Atomics.load(cells, 1),
    /** Returns how many threads were still waiting at the gate: a terminated thread no longer is. */
    open: () => {
      Atomics.store(cells, 0, 1);
      return Atomics.notify(cells, 0);
    },
  };
}

/** Resolves on the task's first progress report, i.e. once it is running inside a worker. */
function startedSignal(): { onProgress: () => void; running: Promise<void> } {
  let markRunning = (): void => undefined;
  const running = new Promise<void>((resolve) => {
    markRunning = resolve;
  });
  return { onProgress: () => markRunning(), running };
}

async function expectLecternError(promise: Promise<unknown>, code: string): Promise<LecternError> {
  const error = await promise.then(
    () => {
      throw new Error(`expected a LecternError '${code}', but the task succeeded`);
    },
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(LecternError);
  expect((error as LecternError).code).toBe(code);
  return error as LecternError;
}

afterEach(async () => {
  await Promise.all(pools.splice(0).map((pool) => pool.close()));
});

describe('createWorkerPool', () => {
  it('defaults to one thread per core, between 1 and 4', () => {
    const expected = Math.max(1, Math.min(4, os.availableParallelism()));
    expect(defaultPoolSize()).toBe(expected);
    const pool = createWorkerPool<FixtureTasks>({ workerUrl: fixtureWorkerUrl });
    pools.push(pool);
    expect(pool.size).toBe(expected);
    expect(pool.stats()).toMatchObject({ size: expected, workers: 0, busy: 0, queued: 0, spawned: 0 });
  });

  it('runs as many tasks at once as it has threads', async () => {
    const pool = fixturePool(3);
    const counter = new SharedArrayBuffer(4);
    const results = await Promise.all([1, 2, 3].map(() => pool.run('rendezvous', { counter, parties: 3 })));
    expect(results.map((result) => result.met)).toEqual([true, true, true]);
    expect(new Set(results.map((result) => result.threadId)).size).toBe(3);
    expect(pool.stats()).toMatchObject({ workers: 3, busy: 0, spawned: 3 });
  });

  it('queues tasks beyond its size and runs them in order on the freed threads', async () => {
    const pool = fixturePool(2);
    const { gate, started, open } = createGate();
    const first = startedSignal();
    const second = startedSignal();
    const a = pool.run('hold', { gate }, { onProgress: first.onProgress });
    const b = pool.run('hold', { gate }, { onProgress: second.onProgress });
    const c = pool.run('hold', { gate });
    await Promise.all([first.running, second.running]);

    expect(pool.stats()).toMatchObject({ workers: 2, busy: 2, queued: 1 });
    expect(started()).toBe(2);
    open();
    const [ra, rb, rc] = await Promise.all([a, b, c]);
    expect(rc.order).toBe(2);
    expect([ra.threadId, rb.threadId]).toContain(rc.threadId);
    expect(pool.stats()).toMatchObject({ workers: 2, busy: 0, queued: 0, spawned: 2 });
  });

  it('cancels a running task by replacing its thread, and keeps serving', async () => {
    const pool = fixturePool(1);
    const { gate, open } = createGate();
    const controller = new AbortController();
    const started = startedSignal();
    const held = pool.run('hold', { gate }, { signal: controller.signal, onProgress: started.onProgress });
    const queued = pool.run('whoAmI', { tag: 'after cancel' });
    await started.running;
    controller.abort(new Error('lecturer pressed cancel'));
    const error = await expectLecternError(held, 'cancelled');
    expect(error.message).toContain('hold');
    const next = await queued;
    expect(next.tag).toBe('after cancel');
    expect(pool.stats()).toMatchObject({ workers: 1, spawned: 2 });
    // The cancelled task's thread was terminated, not abandoned: nothing is left blocked at the gate.
    expect(open()).toBe(0);
  });

  it('rejects at once when the signal is already aborted', async () => {
    const pool = fixturePool(1);
    await expectLecternError(pool.run('whoAmI', { tag: 'too late' }, { signal: AbortSignal.abort() }), 'cancelled');
    expect(pool.stats()).toMatchObject({ workers: 0, queued: 0, spawned: 0 });
  });

  it('cancels a queued task without touching the running one', async () => {
    const pool = fixturePool(1);
    const { gate, started, open } = createGate();
    const controller = new AbortController();
    const running = startedSignal();
    const first = pool.run('hold', { gate }, { onProgress: running.onProgress });
    const second = pool.run('hold', { gate }, { signal: controller.signal });
    await running.running;
    controller.abort();
    await expectLecternError(second, 'cancelled');
    expect(pool.stats()).toMatchObject({ queued: 0, busy: 1 });
    open();
    await expect(first).resolves.toMatchObject({ order: 0 });
    expect(started()).toBe(1);
    expect(pool.stats().spawned).toBe(1);
  });

  it.each([
    ['uncaught', 'unexpected error: deliberate uncaught failure'],
    ['exit', 'exit code 7'],
  ] as const)('fails only its task when a thread dies (%s) and replaces it', async (how, why) => {
    const pool = fixturePool(1);
    const crashed = pool.run('crash', { how });
    const next = pool.run('whoAmI', { tag: 'survivor' });
    const error = await expectLecternError(crashed, 'worker-crashed');
    expect(error.message).toContain('"crash"');
    expect(error.message).toContain(why);
    await expect(next).resolves.toMatchObject({ tag: 'survivor' });
    expect(pool.stats()).toMatchObject({ workers: 1, busy: 0, spawned: 2 });
  });

  it('reports a thread that ran out of memory as a crash, not a hang', async () => {
    const pool = fixturePool(1, { maxOldGenerationSizeMb: 32 });
    const error = await expectLecternError(pool.run('crash', { how: 'oom' }), 'worker-crashed');
    expect(error.message).toContain('ran out of memory');
    await expect(pool.run('whoAmI', { tag: 'after oom' })).resolves.toMatchObject({ tag: 'after oom' });
  });

  it("rebuilds a task's error with its name, message and the worker's stack", async () => {
    const pool = fixturePool(1);
    const error = await pool.run('fail', { message: 'slide 12 has no timestamp' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    const rebuilt = error as Error;
    expect(rebuilt.name).toBe('RangeError');
    expect(rebuilt.message).toBe('slide 12 has no timestamp');
    expect(rebuilt.stack).toContain('failDeliberately');
    expect(rebuilt.stack).toContain('fixtureTasks.ts');
    // A task error is not a crash: the same thread serves the next task.
    await pool.run('whoAmI', { tag: 'same thread' });
    expect(pool.stats().spawned).toBe(1);
  });

  it('rejects running and queued tasks with cancelled when closed, and refuses new ones', async () => {
    const pool = fixturePool(1);
    const { gate, open } = createGate();
    const running = startedSignal();
    const held = pool.run('hold', { gate }, { onProgress: running.onProgress });
    const queued = pool.run('whoAmI', { tag: 'never' });
    await running.running;
    const outcomes = Promise.all([expectLecternError(held, 'cancelled'), expectLecternError(queued, 'cancelled')]);
    await pool.close();
    await outcomes;
    expect(open()).toBe(0);
    await expectLecternError(pool.run('whoAmI', { tag: 'late' }), 'cancelled');
    expect(pool.stats()).toMatchObject({ workers: 0, busy: 0, queued: 0 });
  });
});
