import type { Sentence, TimeRange } from '../../../shared/domain/transcript.ts';

export interface BoundaryOptions {
  /** Silence kept before the first word and after the last, so no syllable is clipped. */
  marginSec: number;
  /** How far from a sentence edge we look for a pause to cut in. */
  searchSec: number;
}

/** Speech edges of a run of sentences: word times when the transcript has them, else the sentence times. */
export function speechEdges(first: Sentence, last: Sentence): TimeRange {
  const start = first.words?.[0]?.start ?? first.start;
  const end = last.words?.at(-1)?.end ?? last.end;
  return { start, end };
}

/**
 * Where to cut before speech that begins at `speechStart`: inside the pause that precedes it, `margin` before the
 * first word if the pause is long enough, never before the previous sentence's last word.
 */
export function cutBefore(speechStart: number, previousEnd: number, pauses: readonly TimeRange[], options: BoundaryOptions): number {
  const pause = nearestPause(pauses, speechStart, 'before', options.searchSec);
  const floor = Math.max(0, previousEnd);
  if (pause) {
    // The detector's pause may end a little before or after the transcript's word onset; trust the earlier one.
    const onset = Math.min(pause.end, speechStart);
    return clamp(onset - options.marginSec, Math.max(floor, pause.start), onset);
  }
  return clamp(speechStart - options.marginSec, floor, speechStart);
}

/** Mirror of `cutBefore` for the end of a clip. */
export function cutAfter(speechEnd: number, nextStart: number, pauses: readonly TimeRange[], options: BoundaryOptions): number {
  const pause = nearestPause(pauses, speechEnd, 'after', options.searchSec);
  if (pause) {
    const offset = Math.max(pause.start, speechEnd);
    return clamp(offset + options.marginSec, offset, Math.min(nextStart, pause.end));
  }
  return clamp(speechEnd + options.marginSec, speechEnd, nextStart);
}

/** The pause closest to `time` whose far edge is on the given side of it (within `searchSec`). */
function nearestPause(pauses: readonly TimeRange[], time: number, side: 'before' | 'after', searchSec: number): TimeRange | null {
  let best: TimeRange | null = null;
  let bestDistance = Infinity;
  for (const pause of pauses) {
    const edge = side === 'before' ? pause.end : pause.start;
    const distance = Math.abs(edge - time);
    const contains = pause.start <= time && time <= pause.end;
    if ((distance <= searchSec || contains) && distance < bestDistance) {
      best = pause;
      bestDistance = contains ? 0 : distance;
    }
  }
  return best;
}

function clamp(value: number, min: number, max: number): number {
  return min > max ? max : Math.min(max, Math.max(min, value));
}

/**
 * Pauses implied by the transcript alone (gaps between words or sentences), for `lectern analyze` where no audio
 * exists, and as a fallback when pause detection found nothing near a boundary.
 */
export function pausesFromTranscript(sentences: readonly Sentence[], minGapSec = 0.2): TimeRange[] {
  const spans: TimeRange[] = sentences.flatMap((s) => (s.words && s.words.length > 0 ? s.words : [s]));
  const pauses: TimeRange[] = [];
  for (let i = 1; i < spans.length; i++) {
    const gapStart = spans[i - 1]!.end;
    const gapEnd = spans[i]!.start;
    if (gapEnd - gapStart >= minGapSec) pauses.push({ start: gapStart, end: gapEnd });
  }
  return pauses;
}
