import type { TimeRange } from '../../../shared/domain/transcript.ts';

/**
 * Pure interval arithmetic shared by both detectors. Every function takes and returns ranges sorted by start and
 * never mutates its input; times are seconds on the recording's timeline.
 */

export interface SpeechShapeOptions {
  /** Silences shorter than this are breaths between words, not pauses: they become speech. */
  minPauseSec: number;
  /** Speech shorter than this (a cough, a click, a chair) is dropped. */
  minSpeechSec: number;
  /** Added on both sides of speech so cuts never clip a word's onset or its decaying end. */
  paddingSec: number;
}

export const defaultSpeechShape: SpeechShapeOptions = { minPauseSec: 0.3, minSpeechSec: 0.15, paddingSec: 0.05 };

/** Sorted union: overlapping or touching ranges become one. Accepts ranges in any order. */
export function unionRanges(ranges: readonly TimeRange[]): TimeRange[] {
  const sorted = ranges.filter((r) => r.end > r.start).sort((a, b) => a.start - b.start || a.end - b.end);
  const out: TimeRange[] = [];
  for (const r of sorted) {
    const last = out.at(-1);
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else out.push({ start: r.start, end: r.end });
  }
  return out;
}

/** Joins neighbouring speech ranges whose gap is shorter than `minPauseSec`. */
export function mergeShortPauses(speech: readonly TimeRange[], minPauseSec: number): TimeRange[] {
  const out: TimeRange[] = [];
  for (const r of speech) {
    const last = out.at(-1);
    if (last && r.start - last.end < minPauseSec) last.end = Math.max(last.end, r.end);
    else out.push({ start: r.start, end: r.end });
  }
  return out;
}

export function dropShortSpeech(speech: readonly TimeRange[], minSpeechSec: number): TimeRange[] {
  return speech.filter((r) => r.end - r.start >= minSpeechSec).map((r) => ({ start: r.start, end: r.end }));
}

/** Widens each range by `paddingSec`, clamped to [0, durationSec]; ranges that come to overlap are joined. */
export function padRanges(speech: readonly TimeRange[], paddingSec: number, durationSec: number): TimeRange[] {
  return unionRanges(
    speech.map((r) => ({ start: Math.max(0, r.start - paddingSec), end: Math.min(durationSec, r.end + paddingSec) })),
  );
}

/** What `speech` leaves uncovered of [0, durationSec]. */
export function complementRanges(speech: readonly TimeRange[], durationSec: number): TimeRange[] {
  const out: TimeRange[] = [];
  let cursor = 0;
  for (const r of speech) {
    if (r.start > cursor) out.push({ start: cursor, end: Math.min(r.start, durationSec) });
    cursor = Math.max(cursor, r.end);
    if (cursor >= durationSec) break;
  }
  if (cursor < durationSec) out.push({ start: cursor, end: durationSec });
  return out.filter((r) => r.end > r.start);
}

/**
 * Turns a detector's raw speech into the final speech and pauses. Short pauses are merged before short speech is
 * dropped, so the quick words of one phrase count together; after padding, pauses that shrank below the minimum
 * are merged again, so every pause in the result, the leading and trailing ones included, lasts `minPauseSec`.
 */
export function shapeSpeech(
  rawSpeech: readonly TimeRange[],
  durationSec: number,
  options: SpeechShapeOptions = defaultSpeechShape,
): { speech: TimeRange[]; pauses: TimeRange[] } {
  const clamped = unionRanges(
    rawSpeech.map((r) => ({ start: Math.max(0, r.start), end: Math.min(durationSec, r.end) })),
  );
  const merged = mergeShortPauses(clamped, options.minPauseSec);
  const kept = dropShortSpeech(merged, options.minSpeechSec);
  const padded = padRanges(kept, options.paddingSec, durationSec);
  const speech = absorbShortEdges(mergeShortPauses(padded, options.minPauseSec), durationSec, options.minPauseSec);
  return { speech, pauses: complementRanges(speech, durationSec) };
}

function absorbShortEdges(speech: TimeRange[], durationSec: number, minPauseSec: number): TimeRange[] {
  const first = speech[0];
  const last = speech.at(-1);
  if (first && first.start < minPauseSec) first.start = 0;
  if (last && durationSec - last.end < minPauseSec) last.end = durationSec;
  return speech;
}

/**
 * The point inside a pause nearest to `time`, if one lies within `maxShiftSec`: `time` itself when it already falls
 * in a pause, else the closer edge of the nearest pause. Null when no pause is in reach, so a caller can decide
 * whether to cut mid-speech or look elsewhere. `pauses` must be sorted and non-overlapping.
 */
export function snapToPause(time: number, pauses: readonly TimeRange[], maxShiftSec: number): number | null {
  // First pause that ends at or after `time`: it and the one before it are the only candidates.
  let lo = 0;
  let hi = pauses.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((pauses[mid]?.end ?? Infinity) < time) lo = mid + 1;
    else hi = mid;
  }
  let best: number | null = null;
  let bestDistance = Infinity;
  for (const pause of [pauses[lo - 1], pauses[lo]]) {
    if (!pause) continue;
    const point = Math.min(Math.max(time, pause.start), pause.end);
    const distance = Math.abs(point - time);
    if (distance < bestDistance) {
      best = point;
      bestDistance = distance;
    }
  }
  return bestDistance <= maxShiftSec ? best : null;
}
