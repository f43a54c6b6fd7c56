import { z } from 'zod';
import { defaultRenderSettings, renderSettingsSchema } from './clip.ts';

/**
 * Where a lecture's words may come from: `auto` uses captions, then the local model, then Gemini when the lecturer
 * set it up; `local` never leaves the machine; `gemini` asks Gemini first and falls back to captions or the local model.
 */
export const transcriptionChoiceSchema = z.enum(['auto', 'local', 'gemini']);
export type TranscriptionChoice = z.infer<typeof transcriptionChoiceSchema>;
/** Who finds the topics: the local analysis, or Gemini with the local analysis as its fallback. */
export const analysisEngineChoiceSchema = z.enum(['local', 'gemini']);
export type AnalysisEngineChoice = z.infer<typeof analysisEngineChoiceSchema>;

/** Limits a media team may tighten; defaults fit a long lecture on a laptop. */
export const inputLimitsSchema = z.object({
  maxFileBytes: z
    .number()
    .int()
    .positive()
    .default(20 * 1024 ** 3),
  maxDurationSec: z
    .number()
    .positive()
    .default(6 * 3600),
  /** Keep this much disk free beyond what a job needs, so the laptop never fills up because of us. */
  minFreeBytes: z
    .number()
    .int()
    .nonnegative()
    .default(512 * 1024 ** 2),
});
export type InputLimits = z.infer<typeof inputLimitsSchema>;

/** A highlight's length range in seconds: long enough to make a point, short enough for a feed. */
export const clipLengthSchema = z
  .object({ minSec: z.number().min(5).max(600), maxSec: z.number().min(5).max(600) })
  .refine((l) => l.maxSec >= l.minSec + 5, {
    message: 'the longest clip must be at least 5 s longer than the shortest',
  });
export type ClipLength = z.infer<typeof clipLengthSchema>;
export const defaultClipLength: ClipLength = { minSec: 20, maxSec: 90 };

export const jobSettingsSchema = z.object({
  clipCount: z.number().int().min(1).max(20).default(5),
  clipLength: clipLengthSchema.default(defaultClipLength),
  render: renderSettingsSchema.default(defaultRenderSettings),
  captionsPath: z.string().nullable().default(null),
  transcription: transcriptionChoiceSchema.default('auto'),
  analysis: analysisEngineChoiceSchema.default('local'),
  outputDir: z.string(),
});
export type JobSettings = z.infer<typeof jobSettingsSchema>;
