import { z } from 'zod';

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

export const jobSettingsSchema = z.object({
  clipCount: z.number().int().min(1).max(20).default(5),
  captionsPath: z.string().nullable().default(null),
  outputDir: z.string(),
});
export type JobSettings = z.infer<typeof jobSettingsSchema>;
