import type { Sentence, TimeRange } from '../domain/transcript.ts';

/** Which handle is moving: an in point wants the silence just before speech, an out point the silence just after. */
export type Edge = 'in' | 'out';

export interface SnapOptions {
  /** How far (seconds) a handle is pulled to a boundary; beyond that it stays where the lecturer put it. */
  toleranceSec: number;
  /** Silence kept between the cut and the speech, so no syllable is clipped (as the engine's cuts keep). */
  marginSec: number;
}

export const defaultSnapOptions: SnapOptions = { toleranceSec: 0.4, marginSec: 0.15 };

/**
 * The cut inside a pause near `time`: for an in point `margin` before the speech after the pause resumes, for an out
 * point `margin` after the speech before it stops, never past the pause's middle. The nearest pause within the
 * tolerance wins; null when none is that close.
 */
export function snapToPause(
  time: number,
  pauses: readonly TimeRange[],
  edge: Edge,
  options: SnapOptions = defaultSnapOptions,
): number | null {
  let best: number | null = null;
  let bestDistance = options.toleranceSec;
  for (const pause of pauses) {
    const distance = time < pause.start ? pause.start - time : time > pause.end ? time - pause.end : 0;
    if (distance > bestDistance || (best !== null && distance === bestDistance)) continue;
    const middle = (pause.start + pause.end) / 2;
    best =
      edge === 'in'
        ? Math.max(pause.end - options.marginSec, middle)
        : Math.min(pause.start + options.marginSec, middle);
    bestDistance = distance;
  }
  return best;
}

/** Word timings where the transcript has them, else each sentence as one long "word". */
export function wordSpans(sentences: readonly Sentence[]): TimeRange[] {
  return sentences.flatMap((s) =>
    s.words && s.words.length > 0
      ? s.words.map(({ start, end }) => ({ start, end }))
      : [{ start: s.start, end: s.end }],
  );
}

/**
 * The nearest word boundary that suits the handle: a word's start for an in point, a word's end for an out point,
 * within the tolerance; null when none is that close. A handle dropped inside a word is moved out of it.
 */
export function snapToWordBoundary(
  time: number,
  words: readonly TimeRange[],
  edge: Edge,
  options: SnapOptions = defaultSnapOptions,
): number | null {
  let best: number | null = null;
  let bestDistance = options.toleranceSec;
  for (const word of words) {
    const boundary = edge === 'in' ? word.start : word.end;
    const distance = Math.abs(boundary - time);
    if (distance < bestDistance) [best, bestDistance] = [boundary, distance];
  }
  return best;
}

export interface SnapTargets {
  pauses: readonly TimeRange[];
  words: readonly TimeRange[];
}

/** Where a handle dropped at `time` lands: in a pause if one is near, else on a word boundary, else where it was put. */
export function snapEdge(time: number, targets: SnapTargets, edge: Edge, options = defaultSnapOptions): number {
  return (
    snapToPause(time, targets.pauses, edge, options) ?? snapToWordBoundary(time, targets.words, edge, options) ?? time
  );
}
