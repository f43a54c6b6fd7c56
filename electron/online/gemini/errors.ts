/**
 * Why a call to Gemini did not give a usable answer. Every kind means the same to the pipeline: use the local path
 * instead and say so in the job's processing log; the kind only chooses the words and whether to try again.
 */
export type GeminiFailureKind =
  'timeout' | 'rate-limited' | 'quota' | 'server' | 'invalid-output' | 'rejected' | 'network' | 'cancelled';

export class GeminiFailure extends Error {
  override readonly name = 'GeminiFailure';
  constructor(
    readonly kind: GeminiFailureKind,
    message: string,
    /** Seconds the service asked us to wait (Retry-After, or RetryInfo in the error body), if it said. */
    readonly retryAfterSec: number | null = null,
  ) {
    super(message);
  }
}

/** Rate limits and server trouble pass; a timeout, a quota used up or a refusal will not pass by waiting a little. */
export function isRetryable(failure: GeminiFailure): boolean {
  return failure.kind === 'rate-limited' || failure.kind === 'server' || failure.kind === 'network';
}

/** `Retry-After` is either seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, (at - now) / 1000);
}

/** Gemini's 429 body carries `RetryInfo.retryDelay` ("30s", "1.5s") and, for a used-up quota, a QuotaFailure. */
export function classifyHttpError(status: number, body: string, retryAfterHeader: string | null): GeminiFailure {
  const delay = /"retryDelay"\s*:\s*"(\d+(?:\.\d+)?)s"/.exec(body);
  const retryAfterSec = parseRetryAfter(retryAfterHeader) ?? (delay ? Number(delay[1]) : null);
  if (status === 429) {
    // A per-day (or billing) quota does not come back in seconds; a per-minute rate limit does.
    if (/PerDay|per day|billing|exceeded your current quota/i.test(body) && !/PerMinute/i.test(body)) {
      return new GeminiFailure('quota', 'the Gemini quota for this API key is used up', retryAfterSec);
    }
    return new GeminiFailure('rate-limited', 'Gemini is limiting how often this key may ask (HTTP 429)', retryAfterSec);
  }
  if (status === 408 || status >= 500) {
    return new GeminiFailure('server', `Gemini had a problem on its side (HTTP ${status})`, retryAfterSec);
  }
  if (status === 401 || status === 403) {
    return new GeminiFailure('rejected', `Gemini refused the API key (HTTP ${status}); check it in Settings`);
  }
  return new GeminiFailure('rejected', `Gemini refused the request (HTTP ${status})`);
}

export interface BackoffPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  /** A wait longer than this is not worth it: the lecturer gets the local result now instead. */
  maxDelayMs: number;
}

export const defaultBackoff: BackoffPolicy = { maxAttempts: 4, baseDelayMs: 1000, maxDelayMs: 30_000 };

/**
 * How long to wait before attempt `attempt + 1` (attempt counts from 1), or null to stop. Exponential with full
 * jitter (AWS Architecture Blog, "Exponential Backoff And Jitter"), but never sooner than the service asked.
 */
export function nextDelayMs(
  attempt: number,
  failure: GeminiFailure,
  policy: BackoffPolicy,
  random: () => number = Math.random,
): number | null {
  if (!isRetryable(failure) || attempt >= policy.maxAttempts) return null;
  const exponential = policy.baseDelayMs * 2 ** (attempt - 1);
  const jittered = exponential / 2 + (random() * exponential) / 2;
  const asked = failure.retryAfterSec !== null ? failure.retryAfterSec * 1000 : 0;
  const delay = Math.max(jittered, asked);
  return delay > policy.maxDelayMs ? null : Math.round(delay);
}
