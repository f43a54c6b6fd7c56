import { z } from 'zod';

/** What Lectern knows about a recording after probing it; stored on the Job and shown in the UI. */
export const audioStreamSchema = z.object({
  index: z.number().int(),
  codec: z.string(),
  sampleRate: z.number().int().positive(),
  channels: z.number().int().positive(),
  language: z.string().nullable(),
});

export const videoStreamSchema = z.object({
  index: z.number().int(),
  codec: z.string(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  frameRate: z.number().positive().nullable(),
});

export const subtitleStreamSchema = z.object({
  index: z.number().int(),
  codec: z.string(),
  language: z.string().nullable(),
  title: z.string().nullable(),
});

export const mediaInfoSchema = z.object({
  container: z.string(),
  durationSec: z.number().nonnegative(),
  sizeBytes: z.number().int().nonnegative(),
  bitRate: z.number().nonnegative().nullable(),
  audio: audioStreamSchema.nullable(),
  /** The main picture, if any; cover art embedded in audio files is not counted as video. */
  video: videoStreamSchema.nullable(),
  subtitles: z.array(subtitleStreamSchema),
});

export type AudioStreamInfo = z.infer<typeof audioStreamSchema>;
export type VideoStreamInfo = z.infer<typeof videoStreamSchema>;
export type SubtitleStreamInfo = z.infer<typeof subtitleStreamSchema>;
export type MediaInfo = z.infer<typeof mediaInfoSchema>;

/** File extensions the drop zone and file picker offer; validation itself is by probing, never by extension. */
export const lectureExtensions = ['mp4', 'mkv', 'mov', 'webm', 'm4a', 'mp3', 'wav', 'ogg', 'opus', 'flac'] as const;
