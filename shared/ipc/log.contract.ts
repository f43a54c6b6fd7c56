import { z } from 'zod';
import { jobIdSchema } from '../domain/job.ts';
import { stageNameSchema } from '../domain/stages.ts';
import { defineContract } from './contract.ts';

/** One line of a job's processing log: what happened, in the lecturer's words (e.g. "Gemini was not used…"). */
export const processingLogEntrySchema = z.object({
  id: z.number().int(),
  stage: stageNameSchema.nullable(),
  level: z.enum(['debug', 'info', 'warn', 'error']),
  message: z.string(),
  at: z.number(),
});
export type ProcessingLogEntry = z.infer<typeof processingLogEntrySchema>;

export const logContracts = {
  forJob: defineContract({
    channel: 'jobs:log',
    input: z.strictObject({ jobId: jobIdSchema }),
    output: z.array(processingLogEntrySchema),
  }),
};
