import type { Highlight } from '../../../shared/domain/analysis.ts';
import type { MediaInfo } from '../../../shared/domain/media.ts';
import { secondsToFrames, type ExportFrameRate } from './frameRate.ts';

/** What the editing exports (EDL, FCPXML) describe: the highlights as cuts from one recording. */
export interface EditListInput {
  /** The EDL's TITLE and the FCPXML project's name. */
  title: string;
  /** Absolute path of the recording, so an NLE can relink it. */
  sourcePath: string;
  media: MediaInfo;
  highlights: readonly Highlight[];
}

/** One highlight on the editing timeline, in whole frames: source range and where it sits on the record side. */
export interface TimelineClip {
  title: string;
  sourceIn: number;
  sourceOut: number;
  recordIn: number;
  recordOut: number;
}

/**
 * Lays the highlights back to back in the order given (selection returns them by start time), each cut on the
 * nearest source frames. Record lengths come from the rounded source frames so the two sides always agree;
 * a highlight shorter than half a frame would vanish, so it keeps one frame. `sourceFrames` keeps cuts inside
 * the recording.
 */
export function layOutClips(
  highlights: readonly Highlight[],
  rate: ExportFrameRate,
  recordStart: number,
  sourceFrames: number = Number.POSITIVE_INFINITY,
): TimelineClip[] {
  const clips: TimelineClip[] = [];
  let record = recordStart;
  for (const highlight of highlights) {
    const sourceIn = Math.min(secondsToFrames(Math.max(0, highlight.start), rate), Math.max(0, sourceFrames - 1));
    const sourceOut = Math.min(Math.max(secondsToFrames(highlight.end, rate), sourceIn + 1), sourceFrames);
    const length = sourceOut - sourceIn;
    clips.push({ title: highlight.title, sourceIn, sourceOut, recordIn: record, recordOut: record + length });
    record += length;
  }
  return clips;
}

/**
 * Frames in the recording, counting a last partial frame (the decoder still shows it). Unknown duration (0)
 * means no limit.
 */
export function sourceFrameCount(media: MediaInfo, rate: ExportFrameRate): number {
  if (media.durationSec <= 0) return Number.POSITIVE_INFINITY;
  const exact = (media.durationSec * rate.frameDen) / rate.frameNum;
  // 10 s at 25 fps is 250 frames, not 251 from 250.00000000000003.
  return Math.ceil(exact - 1e-6);
}

/** Titles go on one line in every format here: newlines and runs of spaces become single spaces. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
