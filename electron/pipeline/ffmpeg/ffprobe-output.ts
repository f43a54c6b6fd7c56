import { z } from 'zod';

/**
 * The parts of `ffprobe -print_format json -show_format -show_streams` Lectern reads. ffprobe prints most numbers
 * as strings ("44100", "42.400000", "N/A") and omits fields it cannot determine, so everything is optional here and
 * turned into numbers by the helpers below.
 */
const dispositionSchema = z.object({
  default: z.number().optional(),
  attached_pic: z.number().optional(),
});

export const ffprobeStreamSchema = z.object({
  index: z.number().int(),
  codec_type: z.string().optional(),
  codec_name: z.string().optional(),
  sample_rate: z.union([z.string(), z.number()]).optional(),
  channels: z.number().optional(),
  width: z.number().optional(),
  height: z.number().optional(),
  avg_frame_rate: z.string().optional(),
  r_frame_rate: z.string().optional(),
  duration: z.string().optional(),
  disposition: dispositionSchema.optional(),
  tags: z.record(z.string(), z.string()).optional(),
});

export const ffprobeFormatSchema = z.object({
  format_name: z.string(),
  duration: z.string().optional(),
  size: z.string().optional(),
  bit_rate: z.string().optional(),
  tags: z.record(z.string(), z.string()).optional(),
});

export const ffprobeOutputSchema = z.object({
  streams: z.array(ffprobeStreamSchema).default([]),
  format: ffprobeFormatSchema.optional(),
});

export type FfprobeStream = z.infer<typeof ffprobeStreamSchema>;
export type FfprobeFormat = z.infer<typeof ffprobeFormatSchema>;
export type FfprobeOutput = z.infer<typeof ffprobeOutputSchema>;

/** "42.400000" → 42.4; "N/A", "", missing, negative or non-finite → null. */
export function parseNonNegative(value: string | number | undefined): number | null {
  if (value === undefined || value === '') return null;
  const n = Number(value);
  return Number.isFinite(n) && n >= 0 ? n : null;
}

/** "30000/1001" → 29.97; "0/0" (ffprobe's "unknown") → null. */
export function parseRate(value: string | undefined): number | null {
  const match = value === undefined ? null : /^(\d+)\/(\d+)$/.exec(value);
  if (!match) return null;
  const rate = Number(match[1]) / Number(match[2]);
  return Number.isFinite(rate) && rate > 0 ? rate : null;
}

/** Matroska writes tag keys in upper case (LANGUAGE, TITLE), MP4 in lower case. */
export function tag(tags: Readonly<Record<string, string>> | undefined, key: string): string | null {
  if (!tags) return null;
  for (const [name, value] of Object.entries(tags)) {
    if (name.toLowerCase() === key && value.trim() !== '') return value.trim();
  }
  return null;
}
