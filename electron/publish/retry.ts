import { setTimeout as sleep } from 'node:timers/promises';
import { isTransientS3Error } from './s3Errors.ts';

export interface RetryOptions {
  signal: AbortSignal;
  /** Tries in all, the first included. */
  attempts?: number;
  baseDelayMs?: number;
  /** Called before each wait, e.g. to log why. */
  onRetry?: (error: unknown, attempt: number, delayMs: number) => void;
}

/**
 * Runs one step again after transient failures (connection lost, timeouts, 5xx, throttling), waiting
 * base × 2^n with full jitter (AWS Architecture Blog, "Exponential Backoff And Jitter"). Permanent errors
 * (denied, missing bucket) and cancel are thrown at once.
 */
export async function withRetry<T>(step: () => Promise<T>, options: RetryOptions): Promise<T> {
  const attempts = options.attempts ?? 4;
  const base = options.baseDelayMs ?? 250;
  for (let attempt = 1; ; attempt++) {
    options.signal.throwIfAborted();
    try {
      return await step();
    } catch (error) {
      if (options.signal.aborted || attempt >= attempts || !isTransientS3Error(error)) throw error;
      const delayMs = Math.round(Math.random() * base * 2 ** (attempt - 1)) + 50;
      options.onRetry?.(error, attempt, delayMs);
      await sleep(delayMs, undefined, { signal: options.signal });
    }
  }
}
