import { z } from 'zod';
import { appErrorSchema } from '../errors.ts';
import { mediaInfoSchema } from './media.ts';
import { jobStatusSchema, stageNameSchema, stageStatusSchema } from './stages.ts';

export const jobIdSchema = z.number().int().positive();
export type JobId = z.infer<typeof jobIdSchema>;

export const stageRunSchema = z.object({
  stage: stageNameSchema,
  status: stageStatusSchema,
  startedAt: z.number(),
  finishedAt: z.number().nullable(),
  durationMs: z.number().nullable(),
  attempts: z.number().int(),
});
export type StageRun = z.infer<typeof stageRunSchema>;

/** A job as the queue shows it. */
export const jobSummarySchema = z.object({
  id: jobIdSchema,
  sourcePath: z.string(),
  sourceName: z.string(),
  status: jobStatusSchema,
  stage: stageNameSchema.nullable(),
  progress: z.number().min(0).max(1),
  error: appErrorSchema.nullable(),
  media: mediaInfoSchema.nullable(),
  outputDir: z.string(),
  createdAt: z.number(),
  updatedAt: z.number(),
  finishedAt: z.number().nullable(),
  stages: z.array(stageRunSchema),
});
export type JobSummary = z.infer<typeof jobSummarySchema>;

/** Live progress, throttled by the engine; `etaSec` is null until there is enough history to say. */
export const jobProgressSchema = z.object({
  jobId: jobIdSchema,
  stage: stageNameSchema,
  stageFraction: z.number().min(0).max(1),
  overall: z.number().min(0).max(1),
  etaSec: z.number().nonnegative().nullable(),
});
export type JobProgress = z.infer<typeof jobProgressSchema>;
