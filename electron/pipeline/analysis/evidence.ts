import type { SlideChange } from '../../../shared/domain/analysis.ts';
import type { Sentence, TimeRange } from '../../../shared/domain/transcript.ts';

/**
 * Non-lexical boundary evidence at each sentence gap (gap g lies between sentence g-1 and sentence g; index g-1 in
 * the arrays returned). Speakers pause and change slides when they change topic: Galley et al. (2003), "Discourse
 * segmentation of multi-party conversation" (ACL), found pauses among the strongest non-lexical cues, and in
 * slide-based lectures a slide change is the lecturer's own segmentation.
 */

/** A slide change further than this from a gap is attributed to no gap: it happened mid-sentence. */
const slideReachSeconds = 4;
/** VAD pause edges and recogniser word edges disagree by a few hundred milliseconds. */
const pauseToleranceSeconds = 0.25;

function gapInterval(sentences: readonly Sentence[], g: number): [number, number] {
  const before = sentences[g - 1]!.end;
  const after = sentences[g]!.start;
  return before <= after ? [before, after] : [after, before];
}

/**
 * The longest pause overlapping each gap, in seconds. Pauses are sorted once and walked with the gaps, so this is
 * linear in their number.
 */
export function pauseAtGaps(sentences: readonly Sentence[], pauses: readonly TimeRange[]): number[] {
  const sorted = [...pauses].sort((a, b) => a.start - b.start);
  const result: number[] = [];
  let first = 0;
  for (let g = 1; g < sentences.length; g++) {
    const [from, to] = gapInterval(sentences, g);
    while (first < sorted.length && sorted[first]!.end < from - pauseToleranceSeconds) first++;
    let longest = 0;
    for (let p = first; p < sorted.length && sorted[p]!.start <= to + pauseToleranceSeconds; p++) {
      longest = Math.max(longest, sorted[p]!.end - sorted[p]!.start);
    }
    result.push(longest);
  }
  return result;
}

/**
 * Pause length as a rank among the lecture's own gaps (0 = no pause, near 1 = among its longest). Ranks make the
 * evidence independent of the speaker's tempo and of the pause detector's threshold.
 */
export function pauseEvidence(pauseSeconds: readonly number[]): number[] {
  const sorted = [...pauseSeconds].sort((a, b) => a - b);
  const n = sorted.length;
  return pauseSeconds.map((d) => {
    if (d <= 0 || n === 0) return 0;
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]! < d) lo = mid + 1;
      else hi = mid;
    }
    return lo / n;
  });
}

/**
 * Each slide change counts for the one gap nearest in time (a change is a single moment), with the detector's score
 * clamped to 0..1.
 */
export function slideEvidence(sentences: readonly Sentence[], slideChanges: readonly SlideChange[]): number[] {
  const gaps = sentences.length - 1;
  const result = new Array<number>(Math.max(0, gaps)).fill(0);
  if (gaps <= 0) return result;
  const centres = Array.from({ length: gaps }, (_, i) => gapInterval(sentences, i + 1));
  for (const change of slideChanges) {
    // Binary search for the first gap ending at or after the change, then compare it with its predecessor.
    let lo = 0;
    let hi = gaps - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (centres[mid]![1] < change.time) lo = mid + 1;
      else hi = mid;
    }
    let best = -1;
    let bestDistance = Infinity;
    for (const i of [lo - 1, lo]) {
      if (i < 0 || i >= gaps) continue;
      const [from, to] = centres[i]!;
      const distance = change.time < from ? from - change.time : change.time > to ? change.time - to : 0;
      if (distance < bestDistance) {
        best = i;
        bestDistance = distance;
      }
    }
    if (best >= 0 && bestDistance <= slideReachSeconds) {
      result[best] = Math.max(result[best]!, Math.min(1, Math.max(0, change.score)));
    }
  }
  return result;
}
