import os from 'node:os';
import { Worker, type ResourceLimits, type TransferListItem } from 'node:worker_threads';
import { LecternError } from '../../../shared/errors.ts';
import {
  rebuildError,
  workerMessageSchema,
  type RunMessage,
  type TaskRegistry,
  type WorkerMessage,
} from './protocol.ts';
import type { TaskInput, TaskName, TaskOutput, Tasks } from './tasks.ts';
import { workerStart } from './workerUrl.ts';

export interface WorkerPoolOptions {
  /** The worker entry, usually `defaultWorkerUrl()`; tests pass a fixture entry. */
  workerUrl: URL;
  size?: number;
  /** Caps each thread's heap, so a runaway task kills its worker rather than the whole app. */
  resourceLimits?: ResourceLimits;
}

export interface RunOptions {
  signal?: AbortSignal;
  onProgress?: (fraction: number) => void;
  /** ArrayBuffers and ports to move into the worker instead of copying them. */
  transferList?: readonly TransferListItem[];
}

export interface WorkerPoolStats {
  size: number;
  /** Threads alive now, busy or idle. Threads start on demand, so this grows up to `size`. */
  workers: number;
  busy: number;
  queued: number;
  /** Threads started since the pool was made; a crash or a cancel adds one when the thread is replaced. */
  spawned: number;
}

export interface WorkerPool<R extends TaskRegistry = Tasks> {
  readonly size: number;
  run<T extends TaskName<R>>(task: T, input: TaskInput<T, R>, options?: RunOptions): Promise<TaskOutput<T, R>>;
  stats(): WorkerPoolStats;
  /** Stops every thread; running and queued tasks reject with 'cancelled'. */
  close(): Promise<void>;
}

interface Job {
  id: number;
  task: string;
  input: unknown;
  options: RunOptions;
  resolve(output: unknown): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  job: Job | undefined;
  /** The error the thread died of, when it threw one; `exit` follows it. */
  crash: Error | undefined;
  /** Set when the pool terminated the thread itself, so its `exit` is not taken for a crash. */
  retired: boolean;
}

/**
 * One thread per core, up to four. The main process only coordinates, and the stages that use the pool (pauses,
 * analysis) do not overlap with FFmpeg's heavy work, so on a 2-core laptop both cores should scan audio.
 */
export function defaultPoolSize(): number {
  return Math.max(1, Math.min(4, os.availableParallelism()));
}

/**
 * Runs CPU-bound tasks on worker threads, one task per thread at a time, queueing the rest. Cancelling a running
 * task terminates its thread (a busy loop cannot be interrupted any other way); a thread that dies fails only its
 * own task. Either way the next queued task gets a fresh thread.
 */
export function createWorkerPool<R extends TaskRegistry = Tasks>(options: WorkerPoolOptions): WorkerPool<R> {
  const size = Math.max(1, Math.floor(options.size ?? defaultPoolSize()));
  const start = workerStart(options.workerUrl);
  const slots: Slot[] = [];
  const queue: Job[] = [];
  let nextId = 1;
  let spawned = 0;
  let closed = false;

  function spawn(): Slot {
    const worker = new Worker(start.filename, {
      workerData: start.workerData,
      ...(options.resourceLimits ? { resourceLimits: options.resourceLimits } : {}),
    });
    const slot: Slot = { worker, job: undefined, crash: undefined, retired: false };
    worker.on('message', (raw: unknown) => onMessage(slot, raw));
    worker.on('messageerror', (error: Error) => failAndReplace(slot, error));
    worker.on('error', (error: Error) => {
      slot.crash = error;
    });
    worker.on('exit', (code: number) => onExit(slot, code));
    slots.push(slot);
    spawned++;
    return slot;
  }

  function onMessage(slot: Slot, raw: unknown): void {
    const job = slot.job;
    const parsed = workerMessageSchema.safeParse(raw);
    if (!parsed.success) {
      failAndReplace(slot, new Error(`The worker sent a malformed message: ${parsed.error.message}`));
      return;
    }
    const message: WorkerMessage = parsed.data;
    if (!job || message.id !== job.id) return;
    if (message.type === 'progress') {
      job.options.onProgress?.(message.fraction);
      return;
    }
    slot.job = undefined;
    // An idle thread must not keep a CLI process alive after its last task.
    slot.worker.unref();
    if (message.type === 'result') job.resolve(message.output);
    else job.reject(rebuildError(message.error));
    drain();
  }

  function onExit(slot: Slot, code: number): void {
    removeSlot(slot);
    if (slot.retired) return;
    const job = slot.job;
    slot.job = undefined;
    if (job) job.reject(crashedError(job.task, slot.crash, code));
    drain();
  }

  function failAndReplace(slot: Slot, error: Error): void {
    const job = slot.job;
    retire(slot);
    job?.reject(error);
    drain();
  }

  function retire(slot: Slot): void {
    slot.retired = true;
    slot.job = undefined;
    removeSlot(slot);
    // terminate() resolves once the thread is gone; nothing is waiting on it here except close().
    slot.worker.terminate().catch(() => undefined);
  }

  function removeSlot(slot: Slot): void {
    const index = slots.indexOf(slot);
    if (index >= 0) slots.splice(index, 1);
  }

  function drain(): void {
    while (!closed && queue.length > 0) {
      const slot = slots.find((candidate) => !candidate.job) ?? (slots.length < size ? spawn() : undefined);
      if (!slot) return;
      const job = queue.shift();
      if (job) assign(slot, job);
    }
  }

  function assign(slot: Slot, job: Job): void {
    slot.job = job;
    slot.worker.ref();
    const message: RunMessage = { type: 'run', id: job.id, task: job.task, input: job.input };
    try {
      slot.worker.postMessage(message, job.options.transferList);
    } catch (error) {
      // Input that cannot be cloned (a function, a class instance with private state) never reaches the thread.
      slot.job = undefined;
      slot.worker.unref();
      job.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  function cancel(job: Job, reason: unknown): void {
    const queuedAt = queue.indexOf(job);
    if (queuedAt >= 0) queue.splice(queuedAt, 1);
    const slot = slots.find((candidate) => candidate.job === job);
    if (slot) retire(slot);
    job.reject(cancelledError(job.task, reason));
    drain();
  }

  function run<T extends TaskName<R>>(
    task: T,
    input: TaskInput<T, R>,
    runOptions: RunOptions = {},
  ): Promise<TaskOutput<T, R>> {
    const { signal } = runOptions;
    if (closed)
      return Promise.reject(new LecternError('cancelled', `The worker pool is closed; "${task}" did not run.`));
    if (signal?.aborted) return Promise.reject(cancelledError(task, signal.reason));
    return new Promise<TaskOutput<T, R>>((resolve, reject) => {
      const onAbort = (): void => cancel(job, signal?.reason);
      const settle = (): void => signal?.removeEventListener('abort', onAbort);
      const job: Job = {
        id: nextId++,
        task,
        input,
        options: runOptions,
        // The worker ran registry[task], whose return type is TaskOutput<T, R>.
        resolve: (output) => {
          settle();
          resolve(output as TaskOutput<T, R>);
        },
        reject: (error) => {
          settle();
          reject(error);
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      queue.push(job);
      drain();
    });
  }

  async function close(): Promise<void> {
    closed = true;
    for (const job of queue.splice(0)) job.reject(closedError(job.task));
    const stopping = slots.splice(0).map((slot) => {
      slot.retired = true;
      slot.job?.reject(closedError(slot.job.task));
      slot.job = undefined;
      return slot.worker.terminate();
    });
    await Promise.allSettled(stopping);
  }

  function stats(): WorkerPoolStats {
    const busy = slots.filter((slot) => slot.job).length;
    return { size, workers: slots.length, busy, queued: queue.length, spawned };
  }

  return { size, run, stats, close };
}

function crashedError(task: string, crash: Error | undefined, exitCode: number): LecternError {
  const outOfMemory = crash !== undefined && 'code' in crash && crash.code === 'ERR_WORKER_OUT_OF_MEMORY';
  const why = outOfMemory
    ? 'it ran out of memory'
    : crash
      ? `it hit an unexpected error: ${crash.message}`
      : `it stopped with exit code ${exitCode}`;
  return new LecternError(
    'worker-crashed',
    `Lectern's background worker crashed while running "${task}" (${why}). The next task gets a fresh worker; try again.`,
    { cause: crash },
  );
}

function cancelledError(task: string, reason: unknown): LecternError {
  return new LecternError('cancelled', `"${task}" was cancelled.`, { cause: reason });
}

function closedError(task: string): LecternError {
  return new LecternError('cancelled', `"${task}" was stopped because Lectern is shutting down its workers.`);
}
