import { z } from 'zod';

export const aspectPresets = ['original', '9:16', '1:1'] as const;
export const aspectSchema = z.enum(aspectPresets);
export type Aspect = z.infer<typeof aspectSchema>;

export const subtitleModes = ['burn', 'soft', 'none'] as const;
export const subtitleModeSchema = z.enum(subtitleModes);
export type SubtitleMode = z.infer<typeof subtitleModeSchema>;

export const subtitleSizes = ['small', 'medium', 'large'] as const;
export const subtitlePositions = ['bottom', 'top'] as const;

/** How burnt-in subtitles look. Soft subtitles and SRT/VTT files are styled by the player instead. */
export const subtitleStyleSchema = z.object({
  size: z.enum(subtitleSizes).default('medium'),
  position: z.enum(subtitlePositions).default('bottom'),
});
export type SubtitleStyle = z.infer<typeof subtitleStyleSchema>;
export const defaultSubtitleStyle: SubtitleStyle = { size: 'medium', position: 'bottom' };

/** The choices a lecturer makes about a clip's picture and sound, apart from how its subtitles look. */
export const renderChoicesSchema = z.object({
  aspect: aspectSchema.default('original'),
  subtitles: subtitleModeSchema.default('burn'),
  /** EBU R128 loudness normalisation, so every clip plays at the same volume. */
  loudnorm: z.boolean().default(false),
});

/**
 * How a job's clips are rendered; part of every clip's render hash, so changing it re-renders. Jobs stored before
 * subtitle styles existed have none and get the default, which renders exactly as those jobs always did.
 */
export const renderSettingsSchema = renderChoicesSchema.extend({
  subtitleStyle: subtitleStyleSchema.default(defaultSubtitleStyle),
});
export type RenderSettings = z.infer<typeof renderSettingsSchema>;
export const defaultRenderSettings: RenderSettings = {
  aspect: 'original',
  subtitles: 'burn',
  loudnorm: false,
  subtitleStyle: defaultSubtitleStyle,
};

/** A subtitle cue on the clip's own timeline (0 = clip start). */
export const clipCueSchema = z.object({
  start: z.number().nonnegative(),
  end: z.number().nonnegative(),
  text: z.string(),
});
export type ClipCue = z.infer<typeof clipCueSchema>;

export const clipStateSchema = z.enum(['draft', 'rendering', 'rendered', 'failed']);

export const clipSummarySchema = z.object({
  id: z.number().int(),
  jobId: z.number().int(),
  state: clipStateSchema,
  start: z.number(),
  end: z.number(),
  title: z.string(),
  score: z.number(),
  /** Subtitle cues the lecturer corrected, or null to use the transcript. */
  subtitleText: z.array(clipCueSchema).nullable(),
  outputs: z
    .object({
      video: z.string(),
      srt: z.string().nullable(),
      vtt: z.string().nullable(),
      thumbnail: z.string().nullable(),
    })
    .nullable(),
  /** True when an input changed since the last render (or it was never rendered). */
  needsRender: z.boolean(),
  /**
   * The subtitles as the next render will draw them (the lecturer's corrections, else cues built from the
   * transcript), so the editor lists exactly what will be burnt in.
   */
  cues: z.array(clipCueSchema),
  /** Changes whenever the clip's files are rendered from different inputs: a cache key for its preview. */
  renderVersion: z.string().nullable(),
});
export type ClipSummary = z.infer<typeof clipSummarySchema>;

/** What the lecturer can change about a highlight. */
export const clipEditSchema = z.object({
  start: z.number().nonnegative().optional(),
  end: z.number().positive().optional(),
  title: z.string().trim().min(1).max(120).optional(),
  subtitleText: z.array(clipCueSchema).nullable().optional(),
});
export type ClipEdit = z.infer<typeof clipEditSchema>;
