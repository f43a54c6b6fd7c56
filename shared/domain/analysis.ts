import { z } from 'zod';

/** One educational part of a lecture, as `lectern analyze --json` prints it and the UI shows it. */
export const contentSegmentSchema = z.object({
  start: z.number(),
  end: z.number(),
  title: z.string(),
  topic: z.string(),
  importance: z.number().min(0).max(1),
  reasons: z.array(z.string()),
});
export type ContentSegment = z.infer<typeof contentSegmentSchema>;

/** A highlight worth cutting; `segment` is the index of the content segment it comes from. */
export const highlightSchema = z.object({
  start: z.number(),
  end: z.number(),
  title: z.string(),
  score: z.number().min(0).max(1),
  segment: z.number().int().nonnegative(),
});
export type Highlight = z.infer<typeof highlightSchema>;

export const analysisResultSchema = z.object({
  segments: z.array(contentSegmentSchema),
  highlights: z.array(highlightSchema),
});
export type AnalysisResult = z.infer<typeof analysisResultSchema>;

export const slideChangeSchema = z.object({ time: z.number(), score: z.number() });
export type SlideChange = z.infer<typeof slideChangeSchema>;
