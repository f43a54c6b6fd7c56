import { z } from 'zod';
import { contentSegmentSchema, slideChangeSchema } from '../domain/analysis.ts';
import { clipEditSchema, clipSummarySchema } from '../domain/clip.ts';
import { jobIdSchema, jobSummarySchema } from '../domain/job.ts';
import { sentenceSchema, timeRangeSchema } from '../domain/transcript.ts';
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
  /** Where the lecturer pauses, in time order: the editor's in and out handles snap into them. */
  pauses: z.array(timeRangeSchema),
});
export type JobAnalysis = z.infer<typeof jobAnalysisSchema>;

const secondsSchema = z.number().nonnegative().max(1e7);

/** A highlight the lecturer adds by hand, from a segment or a selection on the waveform. */
export const clipAddSchema = z
  .strictObject({
    jobId: jobIdSchema,
    start: secondsSchema,
    end: secondsSchema,
    title: z.string().trim().min(1).max(120).optional(),
    /**
     * Move the edges to the nearest sentence end inside a pause (as the engine cuts), default true. Undoing a
     * delete passes false, so the highlight comes back exactly where it was.
     */
    snap: z.boolean().optional(),
  })
  .refine((input) => input.end > input.start, { message: 'end must come after start' });
export type ClipAdd = z.infer<typeof clipAddSchema>;

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
  add: defineContract({ channel: 'clips:add', input: clipAddSchema, output: clipSummarySchema }),
  /**
   * Removes the highlight and its files from the export folder, and answers with the job's remaining highlights.
   * A finished job is queued to render again so the manifest, EDL and file numbers match what is left.
   */
  delete: defineContract({
    channel: 'clips:delete',
    input: z.strictObject({ clipId: clipIdSchema }),
    output: z.array(clipSummarySchema),
  }),
  /** Shows the job's export folder in the system's file manager; answers with the folder's path. */
  openFolder: defineContract({
    channel: 'clips:openFolder',
    input: jobRefSchema,
    output: z.object({ path: z.string() }),
  }),
};
