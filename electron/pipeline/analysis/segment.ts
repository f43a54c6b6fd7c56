import type { SlideChange } from '../../../shared/domain/analysis.ts';
import type { Sentence, TimeRange } from '../../../shared/domain/transcript.ts';
import { depthScores, gapSimilarities, inverseSentenceFrequency, smoothByWords } from './cohesion.ts';
import { pauseAtGaps, pauseEvidence, slideEvidence } from './evidence.ts';
import { contentStems, tokenize } from './text.ts';

export interface SegmentationEvidence {
  slideChanges?: readonly SlideChange[];
  pauses?: readonly TimeRange[];
}

export interface SegmentationOptions {
  minSegments?: number;
  maxSegments?: number;
  /** Words in each block of the lexical comparison, as a share of the expected segment length. */
  blockShare?: number;
  /** Words averaged on each side when smoothing the similarity curve, as a share of the expected segment length. */
  smoothingShare?: number;
  /** How much a long pause or a slide change adds to a gap's boundary strength, on the scale of the deepest valley. */
  pauseWeight?: number;
  slideWeight?: number;
  /** Expected length of one topic in spoken words; sets the number of segments. */
  wordsPerTopic?: number;
}

/**
 * Block and smoothing widths were chosen on the 24 physics transcripts from a grid of blockShare 0.25–0.75 and
 * smoothingShare 0–0.5: without smoothing the block curve is too ragged (Pk 0.44–0.50), past 0.25 it blurs real
 * boundaries, and everything in 0.4–0.6 × 0.05–0.15 lies within 0.03 Pk of the chosen point. The pause weight makes
 * little difference on MaViLS between 0.1 and 1 (Pk 0.385–0.392); most of what pauses give comes from snapping.
 * The slide weight is set equal to it untested: the only slide-annotated data is the gold of the MaViLS evaluation.
 */
export const defaultSegmentationParameters = {
  minSegments: 5,
  maxSegments: 15,
  blockShare: 0.5,
  smoothingShare: 0.1,
  pauseWeight: 0.5,
  slideWeight: 0.5,
  // About six minutes of speech at a lecturer's 150 words per minute.
  wordsPerTopic: 900,
} satisfies Required<SegmentationOptions>;

/** What segmentLecture computed at each gap, for callers that explain or score segments. */
export interface GapProfile {
  similarity: number[];
  depth: number[];
  evidence: number[];
  strength: number[];
  words: number[];
}

/** Spoken words per sentence, the unit every length in the segmenter is measured in. */
export function wordCounts(sentences: readonly Sentence[]): number[] {
  return sentences.map((s) => tokenize(s.text).length);
}

/**
 * Lexical valleys plus evidence, per gap (index g-1 for the gap before sentence g). Block and smoothing widths scale
 * with `segmentWords`, the expected segment length, so that a 20-minute and a 90-minute lecture are looked at with
 * the same relative resolution.
 */
export function profileGaps(
  sentences: readonly Sentence[],
  words: readonly number[],
  evidence: SegmentationEvidence,
  params: Required<SegmentationOptions>,
  segmentWords: number,
): GapProfile {
  const stems = sentences.map((s) => contentStems(s.text));
  const weight = inverseSentenceFrequency(stems);
  const raw = gapSimilarities(stems, words, params.blockShare * segmentWords, weight);
  const similarity = smoothByWords(raw, words, params.smoothingShare * segmentWords);
  const depth = depthScores(similarity);
  const maxDepth = depth.reduce((a, b) => Math.max(a, b), 0);
  const pause = evidence.pauses?.length ? pauseEvidence(pauseAtGaps(sentences, evidence.pauses)) : null;
  const slide = evidence.slideChanges?.length ? slideEvidence(sentences, evidence.slideChanges) : null;
  const extra = similarity.map(
    (_, i) => params.pauseWeight * (pause?.[i] ?? 0) + params.slideWeight * (slide?.[i] ?? 0),
  );
  // Depth is rescaled to 0..1 within the lecture so that evidence weights mean the same in every lecture.
  const strength = depth.map((d, i) => (maxDepth > 0 ? d / maxDepth : 0) + extra[i]!);
  return { similarity, depth, evidence: extra, strength, words: [...words] };
}

/**
 * How many segments: one per `wordsPerTopic` spoken words, kept within the product's range; a transcript of fewer
 * than ten sentences gets segments of at least two sentences (one segment below four sentences).
 *
 * The depth distribution was tried as a count signal (number of valleys, and of valleys deeper than mean + sd/2 or
 * mean + sd) and did not track the human segment counts of the 24 physics transcripts (correlation -0.33 to 0.09),
 * while this length rule scored as well as being told the true count (Pk 0.32 against 0.33). So depth decides where
 * the boundaries go, not how many.
 */
export function segmentCount(sentenceCount: number, totalWords: number, params: Required<SegmentationOptions>): number {
  const byLength = Math.round(totalWords / params.wordsPerTopic);
  const ceiling = Math.max(1, Math.floor(sentenceCount / 2));
  return Math.min(ceiling, Math.max(params.minSegments, Math.min(params.maxSegments, byLength)));
}

/**
 * Picks up to `count - 1` boundaries among the gaps with any strength (a valley or evidence), strongest first, never
 * leaving a segment shorter than `minWords`. Equal strengths go to the lower similarity, then the earlier gap.
 */
export function pickBoundaries(
  profile: Pick<GapProfile, 'strength' | 'similarity' | 'words'>,
  count: number,
  minWords: number,
): number[] {
  const { strength, similarity, words } = profile;
  const cumulative = [0];
  for (const w of words) cumulative.push(cumulative.at(-1)! + w);
  const total = cumulative.at(-1)!;
  const order = strength
    .map((_, i) => i)
    .filter((i) => strength[i]! > 0)
    .sort((a, b) => strength[b]! - strength[a]! || similarity[a]! - similarity[b]! || a - b);
  const chosen: number[] = [];
  for (const gap of order) {
    if (chosen.length >= count - 1) break;
    const at = cumulative[gap + 1]!;
    if (at < minWords || total - at < minWords) continue;
    if (chosen.some((c) => Math.abs(cumulative[c]! - at) < minWords)) continue;
    chosen.push(gap + 1);
  }
  return chosen.sort((a, b) => a - b);
}

/**
 * Adds boundaries where the text gives no signal. The missing segments go to the longest segments (each next one to
 * the segment with the most words per part, as in a largest-average apportionment), and each segment is then cut
 * into its parts of equal length at the nearest sentence gaps. Every sentence counts as at least one word, so a
 * transcript of empty captions is still split evenly.
 */
export function splitEvenly(boundaries: readonly number[], words: readonly number[], count: number): number[] {
  const cumulative = [0];
  for (const w of words) cumulative.push(cumulative.at(-1)! + Math.max(1, w));
  const starts = [0, ...boundaries];
  const ends = [...boundaries, words.length];
  const parts = starts.map(() => 1);
  const length = (i: number) => cumulative[ends[i]!]! - cumulative[starts[i]!]!;
  for (let missing = count - starts.length; missing > 0; missing--) {
    let best = -1;
    for (let i = 0; i < starts.length; i++) {
      if (ends[i]! - starts[i]! <= parts[i]!) continue;
      if (best < 0 || length(i) / parts[i]! > length(best) / parts[best]!) best = i;
    }
    if (best < 0) break;
    parts[best]!++;
  }
  const result = [...boundaries];
  starts.forEach((from, i) => {
    const to = ends[i]!;
    let g = from + 1;
    for (let p = 1; p < parts[i]!; p++) {
      const target = cumulative[from]! + (length(i) * p) / parts[i]!;
      // Walk forward to the gap nearest the target, leaving room for the parts still to come.
      while (g < to - (parts[i]! - p) && Math.abs(cumulative[g + 1]! - target) < Math.abs(cumulative[g]! - target)) g++;
      result.push(g);
      g++;
    }
  });
  return result.sort((x, y) => x - y);
}

/**
 * The smoothed lexical curve knows roughly where a topic changes, to within its smoothing width; a pause or a slide
 * change inside that width says exactly where. Each boundary moves to the gap with the strongest evidence within
 * `radiusWords`, if there is any evidence there, without crossing its neighbours.
 */
export function snapToEvidence(
  boundaries: readonly number[],
  profile: Pick<GapProfile, 'evidence' | 'words'>,
  radiusWords: number,
): number[] {
  const { evidence, words } = profile;
  const cumulative = [0];
  for (const w of words) cumulative.push(cumulative.at(-1)! + w);
  return boundaries.map((b, i) => {
    const lowest = i > 0 ? boundaries[i - 1]! + 1 : 1;
    const highest = i < boundaries.length - 1 ? boundaries[i + 1]! - 1 : words.length - 1;
    let best = b;
    for (let c = lowest; c <= highest; c++) {
      if (Math.abs(cumulative[c]! - cumulative[b]!) > radiusWords) continue;
      if (evidence[c - 1]! > evidence[best - 1]!) best = c;
    }
    return best;
  });
}

function resolve(options: SegmentationOptions): Required<SegmentationOptions> {
  return { ...defaultSegmentationParameters, ...options };
}

/**
 * Splits a lecture into topic segments. Returns boundaries: the sorted indices of the sentences that start a new
 * segment (never 0). Lexical cohesion after TextTiling (see cohesion.ts) finds where the vocabulary changes; long
 * pauses and slide changes at a gap strengthen it; the count follows the lecture's length within
 * `minSegments..maxSegments`. No randomness and no clock: the same input always gives the same boundaries.
 */
export function segmentLecture(
  sentences: readonly Sentence[],
  evidence: SegmentationEvidence = {},
  options: SegmentationOptions = {},
): number[] {
  if (sentences.length < 2) return [];
  const params = resolve(options);
  const words = wordCounts(sentences);
  const totalWords = words.reduce((a, b) => a + b, 0);
  const count = segmentCount(sentences.length, totalWords, params);
  const segmentWords = totalWords / count;
  const profile = profileGaps(sentences, words, evidence, params, segmentWords);
  // At least half an average segment: short enough for a real short topic, long enough to keep two valleys of one
  // idea apart. Too few valleys that far apart (a short or monotone text): accept closer ones, down to an eighth,
  // then halve the longest segments rather than return fewer segments than promised.
  let boundaries: number[] = [];
  for (const share of [1 / 2, 1 / 4, 1 / 8]) {
    boundaries = pickBoundaries(profile, count, Math.floor(segmentWords * share));
    if (boundaries.length >= count - 1) break;
  }
  boundaries = splitEvenly(boundaries, words, count);
  return snapToEvidence(boundaries, profile, params.smoothingShare * segmentWords);
}
