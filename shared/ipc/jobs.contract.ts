import { z } from 'zod';
import { appErrorSchema } from '../errors.ts';
import { jobIdSchema, jobProgressSchema, jobSummarySchema } from '../domain/job.ts';
import { defineContract, defineEvent } from './contract.ts';

/**
 * A file as the operating system names it. Relative paths are refused: the main process does not share the
 * renderer's idea of a working directory, so "lecture.mp4" would silently mean some other file.
 */
export const absoluteFilePathSchema = z
  .string()
  .min(1)
  .max(4096)
  .refine((path) => !path.includes('\0'), 'A file path cannot contain a NUL character.')
  .refine(
    (path) => path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path) || path.startsWith('\\\\'),
    'Expected an absolute file path.',
  );

const jobRefSchema = z.strictObject({ id: jobIdSchema });

/** Mirrors `AddLectureResult` in electron/services/types.ts: one answer per dropped file, queued or refused. */
export const addLectureResultSchema = z.union([
  z.strictObject({ path: z.string(), job: jobSummarySchema, error: z.null() }),
  z.strictObject({ path: z.string(), job: z.null(), error: appErrorSchema }),
]);

export const jobsContracts = {
  list: defineContract({ channel: 'jobs:list', input: z.void(), output: z.array(jobSummarySchema) }),
  get: defineContract({ channel: 'jobs:get', input: jobRefSchema, output: jobSummarySchema }),
  add: defineContract({
    channel: 'jobs:add',
    // A lecturer drops a handful of recordings, not a disk; the cap stops a runaway caller from flooding the queue.
    input: z.array(absoluteFilePathSchema).min(1).max(500),
    output: z.array(addLectureResultSchema),
  }),
  cancel: defineContract({ channel: 'jobs:cancel', input: jobRefSchema, output: jobSummarySchema }),
  retry: defineContract({ channel: 'jobs:retry', input: jobRefSchema, output: jobSummarySchema }),
};

export const jobsEvents = {
  progress: defineEvent({ channel: 'jobs:progress', payload: jobProgressSchema }),
  updated: defineEvent({ channel: 'jobs:updated', payload: jobSummarySchema }),
};
