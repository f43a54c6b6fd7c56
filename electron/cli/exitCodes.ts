import type { JobSummary } from '../../shared/domain/job.ts';
import { isInputError, type AppError } from '../../shared/errors.ts';

export const exitCodes = { ok: 0, failed: 1, invalidInput: 2 } as const;
export type ExitCode = (typeof exitCodes)[keyof typeof exitCodes];

/** 2 when any input was refused (before or during processing), 1 when anything else failed, else 0. */
export function exitCodeFor(refused: AppError[], jobs: JobSummary[]): ExitCode {
  const errors = [...refused, ...jobs.flatMap((j) => (j.status === 'done' ? [] : j.error ? [j.error] : []))];
  if (errors.some((e) => isInputError(e.code))) return exitCodes.invalidInput;
  if (errors.length > 0 || jobs.some((j) => j.status !== 'done')) return exitCodes.failed;
  return exitCodes.ok;
}
