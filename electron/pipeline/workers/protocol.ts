import { z } from 'zod';
import { errorCodeSchema, isLecternError, LecternError } from '../../../shared/errors.ts';

/**
 * The contract between the pool (main thread) and a worker thread. Every message carries the sequence id of the
 * task it belongs to, so a late message can never be taken for another task's answer. Both sides parse what they
 * receive: structured clone keeps data, not types.
 */

export interface TaskContext {
  /** 0..1 of the task done; the worker thins these out before they cross to the main thread. */
  reportProgress(fraction: number): void;
}

/** A registry maps task names to functions run inside the worker. `never` input lets any input type register. */
export type TaskRegistry = Record<string, (input: never, ctx: TaskContext) => unknown>;

export const serializedErrorSchema = z.object({
  name: z.string(),
  message: z.string(),
  stack: z.string().optional(),
  /** Set when the worker threw a LecternError, so 'invalid-input' stays 'invalid-input' on this side. */
  code: errorCodeSchema.optional(),
});
export type SerializedError = z.infer<typeof serializedErrorSchema>;

export const runMessageSchema = z.object({
  type: z.literal('run'),
  id: z.number().int(),
  task: z.string(),
  input: z.unknown(),
});
export type RunMessage = z.infer<typeof runMessageSchema>;

export const workerMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('progress'), id: z.number().int(), fraction: z.number().min(0).max(1) }),
  z.object({ type: z.literal('result'), id: z.number().int(), output: z.unknown() }),
  z.object({ type: z.literal('error'), id: z.number().int(), error: serializedErrorSchema }),
]);
export type WorkerMessage = z.infer<typeof workerMessageSchema>;

export function serializeError(error: unknown): SerializedError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const serialized: SerializedError = { name: error.name, message: error.message };
  if (error.stack !== undefined) serialized.stack = error.stack;
  if (isLecternError(error)) serialized.code = error.code;
  return serialized;
}

/** The error the caller sees carries the worker's stack: that is where the bug is, not in the pool. */
export function rebuildError(serialized: SerializedError): Error {
  let error: Error;
  if (serialized.code !== undefined) {
    error = new LecternError(serialized.code, serialized.message);
  } else {
    error = new Error(serialized.message);
    error.name = serialized.name;
  }
  if (serialized.stack !== undefined) error.stack = serialized.stack;
  return error;
}
