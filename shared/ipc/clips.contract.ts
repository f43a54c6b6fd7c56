import { z } from 'zod';
import { contentSegmentSchema, slideChangeSchema } from '../domain/analysis.ts';
import { clipEditSchema, clipSummarySchema } from '../domain/clip.ts';
import { jobIdSchema, jobSummarySchema } from '../domain/job.ts';
import { sentenceSchema } from '../domain/transcript.ts';
import { defineContract } from './contract.ts';

export const clipIdSchema = z.number().int().positive();

const jobRefSchema = z.strictObject({ jobId: jobIdSchema });

/** A content segment as stored: its row id lets the job view point at it (and at the clips cut from it). */
export const storedSegmentSchema = contentSegmentSchema.extend({ id: z.number().int() });

/**
 * Everything the job view draws beside the recording: what was said, the topics found, where the slides change,
 * and the waveform. Each part is empty (or null) until the stage that produces it has finished.
 */
export const jobAnalysisSchema = z.object({
  sentences: z.array(sentenceSchema),
  segments: z.array(storedSegmentSchema),
  layout: z.object({ slideChanges: z.array(slideChangeSchema) }).nullable(),
  /**
   * `[min, max]` float32 little-endian pairs, `peaksPerSecond` per second of audio. The renderer reads the file
   * through `mediaUrl(jobId, 'waveform')`; the path is for display and support only.
   */
  waveform: z.object({ path: z.string(), peaksPerSecond: z.number().positive() }).nullable(),
});
export type JobAnalysis = z.infer<typeof jobAnalysisSchema>;

export const clipsContracts = {
  list: defineContract({ channel: 'clips:list', input: jobRefSchema, output: z.array(clipSummarySchema) }),
  edit: defineContract({
    channel: 'clips:edit',
    // Strict at the boundary: a misspelt field ("tittle") is refused rather than silently dropped.
    input: z.strictObject({ clipId: clipIdSchema, edit: clipEditSchema.strict() }),
    output: clipSummarySchema,
  }),
  /** Queues the job to render again exactly the clips whose inputs changed; answers with the queued job. */
  render: defineContract({ channel: 'clips:render', input: jobRefSchema, output: jobSummarySchema }),
  analysis: defineContract({ channel: 'jobs:analysis', input: jobRefSchema, output: jobAnalysisSchema }),
};
