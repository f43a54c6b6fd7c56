import { z } from 'zod';

/**
 * Codes that mean "the input you gave is wrong" (CLI exit 2): the lecture file itself, where results go, a job or
 * argument that does not exist.
 */
const inputErrorCodes = [
  'file-missing',
  'file-unreadable',
  'file-empty',
  'not-media',
  'truncated',
  'no-audio',
  'unsupported-codec',
  'unsupported-container',
  'too-large',
  'too-long',
  'output-unwritable',
  'job-not-found',
  'invalid-input',
  // Publishing and online services the lecturer configured wrongly: fixable in Settings.
  's3-not-configured',
  's3-access-denied',
  's3-bucket-missing',
  'sign-in-required',
] as const;

/**
 * Every failure a lecturer can meet has a code the UI and CLI can act on, and a message written for them:
 * what happened, to which file, and what to do next. Internal details (stderr, stacks) go to the log, not here.
 * The codes after the input errors mean "something broke" (CLI exit 1).
 */
export const errorCodes = [
  ...inputErrorCodes,
  'disk-full',
  'ffmpeg-missing',
  'worker-crashed',
  'cancelled',
  'job-busy',
  'secrets-unavailable',
  's3-unreachable',
  'publish-failed',
  'gemini-failed',
  'internal',
] as const;

export const errorCodeSchema = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

const inputErrors: ReadonlySet<ErrorCode> = new Set<ErrorCode>(inputErrorCodes);

export function isInputError(code: ErrorCode): boolean {
  return inputErrors.has(code);
}

export const appErrorSchema = z.object({ code: errorCodeSchema, message: z.string() });
export type AppError = z.infer<typeof appErrorSchema>;

export class LecternError extends Error {
  override readonly name = 'LecternError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  toJSON(): AppError {
    return { code: this.code, message: this.message };
  }
}

export function isLecternError(value: unknown): value is LecternError {
  return value instanceof LecternError;
}

/** Turns anything thrown into something safe to show: known errors keep their words, the rest become 'internal'. */
export function toAppError(error: unknown): AppError {
  if (isLecternError(error)) return error.toJSON();
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'internal', message: `Something went wrong inside Lectern: ${message}` };
}
