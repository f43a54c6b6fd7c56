import type { Sentence } from '../../../../shared/domain/transcript.ts';
import { defaultSegmentationParameters, profileGaps, segmentCount, wordCounts } from '../segment.ts';

/**
 * The baselines a segmenter has to beat before its numbers mean anything. Each returns boundaries: indices of the
 * sentences that start a new segment.
 */

/** Equal-length segments by sentence count. */
export function evenSplit(n: number, segments: number): number[] {
  const boundaries: number[] = [];
  for (let s = 1; s < segments; s++) {
    const b = Math.round((s * n) / segments);
    if (b > 0 && b < n && b !== boundaries.at(-1)) boundaries.push(b);
  }
  return boundaries;
}

/** mulberry32: a tiny, well-mixed 32-bit PRNG, so a "random" baseline is the same on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `segments - 1` distinct boundaries drawn uniformly from the n-1 gaps. */
export function randomSplit(n: number, segments: number, seed: number): number[] {
  const random = seededRandom(seed);
  const gaps = Array.from({ length: Math.max(0, n - 1) }, (_, i) => i + 1);
  const count = Math.min(gaps.length, Math.max(0, segments - 1));
  // Partial Fisher-Yates: the first `count` entries become a uniform sample without replacement.
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(random() * (gaps.length - i));
    [gaps[i], gaps[j]] = [gaps[j]!, gaps[i]!];
  }
  return gaps.slice(0, count).sort((a, b) => a - b);
}

/**
 * Plain TextTiling: the same lexical-cohesion curve as `segmentLecture`, with no evidence, no limits on the number of
 * segments, and Hearst's own rule: a boundary at every valley deeper than mean - sd/2 of the valley depths.
 */
export function textTiling(sentences: readonly Sentence[]): number[] {
  const params = defaultSegmentationParameters;
  // The same block and smoothing widths segmentLecture would use for this lecture.
  const words = wordCounts(sentences);
  const totalWords = words.reduce((a, b) => a + b, 0);
  const segmentWords = totalWords / segmentCount(sentences.length, totalWords, params);
  const { depth } = profileGaps(sentences, words, {}, params, segmentWords);
  const valleys = depth.filter((d) => d > 0);
  if (valleys.length === 0) return [];
  const mean = valleys.reduce((a, b) => a + b, 0) / valleys.length;
  const sd = Math.sqrt(valleys.reduce((a, b) => a + (b - mean) ** 2, 0) / valleys.length);
  const cutoff = mean - sd / 2;
  const boundaries: number[] = [];
  depth.forEach((d, gap) => {
    if (d > 0 && d > cutoff) boundaries.push(gap + 1);
  });
  return boundaries;
}
