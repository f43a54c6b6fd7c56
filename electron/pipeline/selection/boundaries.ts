import type { Sentence, TimeRange } from '../../../shared/domain/transcript.ts';

export interface BoundaryOptions {
  /** Silence kept before the first word and after the last, so no syllable is clipped. */
  marginSec: number;
  /**
   * How far the pause detector and the transcript may disagree about where speech stops. Transcript word times
   * (especially from caption files) are often a few hundred milliseconds off the audio.
   */
  toleranceSec: number;
}

/** Where a clip that ends at this gap stops, and where one that starts at it begins. `end <= start` always. */
export interface GapCut {
  end: number;
  start: number;
}

/** Speech edges of a run of sentences: word times when the transcript has them, else the sentence times. */
export function speechEdges(first: Sentence, last: Sentence): TimeRange {
  const start = first.words?.[0]?.start ?? first.start;
  const end = last.words?.at(-1)?.end ?? last.end;
  return { start, end };
}

/**
 * The cut at the gap between speech ending at `previousEnd` and speech starting at `nextStart`: inside the detected
 * pause that lies in that gap, `margin` from the speech on either side where the pause is long enough, never crossing
 * its middle (so two adjacent clips never overlap). Null when no pause lies there: the speaker runs on, and a cut
 * would clip a word even if the transcript says a sentence ends.
 */
export function cutAtGap(
  previousEnd: number,
  nextStart: number,
  pauses: readonly TimeRange[],
  options: BoundaryOptions,
): GapCut | null {
  let best: { lo: number; hi: number } | null = null;
  for (const pause of pauses) {
    const lo = Math.max(pause.start, previousEnd - options.toleranceSec);
    const hi = Math.min(pause.end, nextStart + options.toleranceSec);
    if (lo > hi) continue;
    if (!best || hi - lo > best.hi - best.lo) best = { lo, hi };
  }
  if (!best) return null;
  const middle = (best.lo + best.hi) / 2;
  return { end: Math.min(best.lo + options.marginSec, middle), start: Math.max(best.hi - options.marginSec, middle) };
}

/**
 * A cut for every gap between sentences: index i is the gap before sentence i, the last index the gap after the
 * final sentence. The recording's start and end are always places to cut.
 */
export function gapCuts(
  sentences: readonly Sentence[],
  pauses: readonly TimeRange[],
  options: BoundaryOptions,
): (GapCut | null)[] {
  const edges = sentences.map((s) => speechEdges(s, s));
  return Array.from({ length: sentences.length + 1 }, (_, i) => {
    const previousEnd = i === 0 ? 0 : edges[i - 1]!.end;
    const nextStart = i === sentences.length ? Infinity : edges[i]!.start;
    const cut = cutAtGap(previousEnd, nextStart, pauses, options);
    if (cut) return cut;
    if (i === 0) return { end: 0, start: Math.max(0, nextStart - options.marginSec) };
    if (i === sentences.length) return { end: previousEnd + options.marginSec, start: previousEnd + options.marginSec };
    return null;
  });
}

/** Cuts at every sentence edge regardless of pauses: for transcripts with no timing gaps at all. */
export function sentenceEdgeCuts(sentences: readonly Sentence[], options: BoundaryOptions): GapCut[] {
  const edges = sentences.map((s) => speechEdges(s, s));
  return Array.from({ length: sentences.length + 1 }, (_, i) => {
    const previousEnd = i === 0 ? 0 : edges[i - 1]!.end;
    const nextStart = i === sentences.length ? previousEnd + 2 * options.marginSec : edges[i]!.start;
    const middle = (previousEnd + Math.max(previousEnd, nextStart)) / 2;
    return {
      end: Math.min(previousEnd + options.marginSec, middle),
      start: Math.max(0, Math.max(nextStart - options.marginSec, middle)),
    };
  });
}

/**
 * Pauses implied by the transcript alone (gaps between words or sentences), for `lectern analyze` where no audio
 * exists.
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
