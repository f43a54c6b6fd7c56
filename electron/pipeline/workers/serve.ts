import type { MessagePort } from 'node:worker_threads';
import { LecternError } from '../../../shared/errors.ts';
import {
  runMessageSchema,
  serializeError,
  type RunMessage,
  type TaskRegistry,
  type WorkerMessage,
} from './protocol.ts';

/** Progress finer than 1% only costs messages: a VAD pass reports per 32 ms frame. */
const progressStep = 0.01;

/**
 * The worker side of the pool: answers each `run` with progress, then exactly one `result` or `error`.
 * A task's own exception is an `error` reply and the worker lives on; only what escapes (an async throw, exit,
 * running out of memory) kills the thread, and the pool replaces it.
 */
export function serveTasks(port: MessagePort, registry: TaskRegistry): void {
  port.on('message', (raw: unknown) => {
    const parsed = runMessageSchema.safeParse(raw);
    // No id to answer to: crash loudly so the pool fails the task instead of waiting forever.
    if (!parsed.success) throw new Error(`Worker received a malformed message: ${parsed.error.message}`);
    void runTask(port, registry, parsed.data);
  });
}

async function runTask(port: MessagePort, registry: TaskRegistry, message: RunMessage): Promise<void> {
  const { id, task, input } = message;
  const post = (reply: WorkerMessage): void => port.postMessage(reply);
  let lastReported = -1;
  const reportProgress = (fraction: number): void => {
    if (!Number.isFinite(fraction)) return;
    const clamped = Math.min(1, Math.max(0, fraction));
    if (clamped - lastReported < progressStep && !(clamped === 1 && lastReported < 1)) return;
    lastReported = clamped;
    post({ type: 'progress', id, fraction: clamped });
  };
  try {
    const run = Object.hasOwn(registry, task) ? registry[task] : undefined;
    if (!run) throw new LecternError('internal', `The worker has no task called "${task}".`);
    // The input was typed against this very registry by the pool's run<T>(); structured clone kept its shape.
    const output = await run(input as never, { reportProgress });
    post({ type: 'result', id, output });
  } catch (error) {
    post({ type: 'error', id, error: serializeError(error) });
  }
}
