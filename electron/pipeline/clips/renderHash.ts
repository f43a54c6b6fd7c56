import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { defaultSubtitleStyle, type ClipCue, type RenderSettings } from '../../../shared/domain/clip.ts';

/** Bump when the renderer's output for the same inputs changes (new encoder settings, subtitle style). */
export const rendererVersion = 1;

export interface ClipRenderInputs {
  sourcePath: string;
  start: number;
  end: number;
  /** The cues as they will be drawn: the lecturer's corrections, else those built from the transcript. */
  cues: readonly ClipCue[];
  settings: RenderSettings;
}

/** Identifies the recording's content cheaply: a replaced or re-exported file gets a new size or time. */
function sourceIdentity(sourcePath: string): string {
  try {
    const stat = statSync(sourcePath);
    return `${sourcePath}|${stat.size}|${Math.round(stat.mtimeMs)}`;
  } catch {
    return `${sourcePath}|missing`;
  }
}

/**
 * The subtitle style changes only burnt-in pixels, so it counts only when subtitles are burnt in; and the default
 * style adds nothing, so clips rendered before styles existed keep their hash and are not rendered again.
 */
function styleIdentity(settings: RenderSettings): string[] {
  const { size, position } = settings.subtitleStyle;
  if (settings.subtitles !== 'burn') return [];
  if (size === defaultSubtitleStyle.size && position === defaultSubtitleStyle.position) return [];
  return [size, position];
}

/**
 * Everything that changes a clip's files, hashed: a clip re-renders only when this differs from the hash stored
 * when it was last rendered.
 */
export function clipRenderHash(inputs: ClipRenderInputs): string {
  const { settings } = inputs;
  const canonical = JSON.stringify({
    v: rendererVersion,
    source: sourceIdentity(inputs.sourcePath),
    range: [inputs.start.toFixed(3), inputs.end.toFixed(3)],
    cues: inputs.cues.map((c) => [c.start.toFixed(3), c.end.toFixed(3), c.text]),
    settings: [settings.aspect, settings.subtitles, settings.loudnorm, ...styleIdentity(settings)],
  });
  return createHash('sha256').update(canonical).digest('hex');
}
