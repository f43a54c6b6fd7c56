import { z } from 'zod';

/** Times are seconds on the source recording's timeline. */
export const wordSchema = z.object({ start: z.number(), end: z.number(), text: z.string() });
export type Word = z.infer<typeof wordSchema>;

/** A sentence (or a caption cue when punctuation is missing), the unit analysis and subtitles work on. */
export const sentenceSchema = z.object({
  start: z.number(),
  end: z.number(),
  text: z.string(),
  words: z.array(wordSchema).nullable(),
});
export type Sentence = z.infer<typeof sentenceSchema>;

export const timeRangeSchema = z.object({ start: z.number(), end: z.number() });
export type TimeRange = z.infer<typeof timeRangeSchema>;

export const transcriptSourceSchema = z.enum(['captions', 'local', 'gemini']);
export type TranscriptSource = z.infer<typeof transcriptSourceSchema>;
