import type { SegmentationEvidence } from '../segment.ts';
import { segmentLecture } from '../segment.ts';
import { evenSplit, randomSplit, textTiling } from './baselines.ts';
import type { EvalLecture } from './datasets.ts';
import { pk, windowDiff } from './metrics.ts';

/**
 * Scores segmentLecture and the baselines on a set of annotated lectures, for the test that asserts the method beats
 * them and for `bench/segmentation.ts`. Scores are means over lectures of per-lecture Pk and WindowDiff, each with
 * k = half the lecture's mean reference segment length.
 */

export const randomSeeds = 20;

export type MethodName = 'lectern' | 'even' | 'random' | 'texttiling' | 'even-own-count' | 'none';

export const methodLabels: Record<MethodName, string> = {
  lectern: 'Lectern (cohesion + evidence, 5–15)',
  even: 'even split (reference count)',
  random: `random split (ref. count, ${randomSeeds} seeds)`,
  texttiling: 'plain TextTiling (Hearst cutoff)',
  'even-own-count': "even split (Lectern's count)",
  none: 'no boundaries (one segment)',
};

export interface MethodScore {
  method: MethodName;
  pk: number;
  windowDiff: number;
  /** Mean number of segments the method produced. */
  segments: number;
}

export interface DatasetScore {
  dataset: string;
  lectures: number;
  referenceSegments: number;
  scores: MethodScore[];
}

/**
 * `evidenceFor` says what the method may use besides the text. The baselines never get evidence. Even and random
 * splits are given the reference's segment count, which the method does not know. Two extra rows keep the comparison
 * honest: "even split (Lectern's count)" shows how much of the score comes from where the method puts boundaries
 * rather than how many, and "no boundaries" how far a degenerate answer gets when the reference is dense (MaViLS has
 * ~60 slide segments per lecture, and Pk and WindowDiff then reward proposing few boundaries).
 */
export function scoreDataset(
  dataset: string,
  lectures: readonly EvalLecture[],
  evidenceFor: (lecture: EvalLecture) => SegmentationEvidence,
): DatasetScore {
  const sums = new Map<MethodName, { pk: number; windowDiff: number; segments: number }>();
  const add = (method: MethodName, n: number, reference: number[], hypothesis: number[], weight = 1) => {
    const s = sums.get(method) ?? { pk: 0, windowDiff: 0, segments: 0 };
    s.pk += weight * pk(n, reference, hypothesis);
    s.windowDiff += weight * windowDiff(n, reference, hypothesis);
    s.segments += weight * (hypothesis.length + 1);
    sums.set(method, s);
  };
  let referenceSegments = 0;
  for (const lecture of lectures) {
    const n = lecture.sentences.length;
    const reference = lecture.boundaries;
    const count = reference.length + 1;
    referenceSegments += count;
    const ours = segmentLecture(lecture.sentences, evidenceFor(lecture));
    add('lectern', n, reference, ours);
    add('even', n, reference, evenSplit(n, count));
    for (let seed = 1; seed <= randomSeeds; seed++) {
      add('random', n, reference, randomSplit(n, count, seed), 1 / randomSeeds);
    }
    add('texttiling', n, reference, textTiling(lecture.sentences));
    add('even-own-count', n, reference, evenSplit(n, ours.length + 1));
    add('none', n, reference, []);
  }
  const m = Math.max(1, lectures.length);
  return {
    dataset,
    lectures: lectures.length,
    referenceSegments: referenceSegments / m,
    scores: [...sums].map(([method, s]) => ({
      method,
      pk: s.pk / m,
      windowDiff: s.windowDiff / m,
      segments: s.segments / m,
    })),
  };
}

/** Mean of several datasets' scores, weighted by their number of lectures. */
export function combineScores(dataset: string, parts: readonly DatasetScore[]): DatasetScore {
  const lectures = parts.reduce((sum, p) => sum + p.lectures, 0);
  const w = (p: DatasetScore) => p.lectures / Math.max(1, lectures);
  const methods = parts[0]?.scores.map((s) => s.method) ?? [];
  return {
    dataset,
    lectures,
    referenceSegments: parts.reduce((sum, p) => sum + w(p) * p.referenceSegments, 0),
    scores: methods.map((method) => {
      const of = (p: DatasetScore) => p.scores.find((s) => s.method === method)!;
      return {
        method,
        pk: parts.reduce((sum, p) => sum + w(p) * of(p).pk, 0),
        windowDiff: parts.reduce((sum, p) => sum + w(p) * of(p).windowDiff, 0),
        segments: parts.reduce((sum, p) => sum + w(p) * of(p).segments, 0),
      };
    }),
  };
}

export function scoreOf(result: DatasetScore, method: MethodName): MethodScore {
  const score = result.scores.find((s) => s.method === method);
  if (!score) throw new Error(`no score for ${method} on ${result.dataset}`);
  return score;
}

/** A plain-text table, one block per dataset, for test logs and the bench. */
export function formatScores(results: readonly DatasetScore[]): string {
  const lines: string[] = [];
  for (const r of results) {
    lines.push(
      `${r.dataset} (${r.lectures} lectures, ${r.referenceSegments.toFixed(1)} reference segments on average)`,
    );
    lines.push(`  ${'method'.padEnd(38)} ${'Pk'.padStart(6)} ${'WinDiff'.padStart(8)} ${'segments'.padStart(9)}`);
    for (const s of r.scores) {
      const label = methodLabels[s.method].padEnd(38);
      lines.push(
        `  ${label} ${s.pk.toFixed(3).padStart(6)} ${s.windowDiff.toFixed(3).padStart(8)} ${s.segments.toFixed(1).padStart(9)}`,
      );
    }
  }
  return lines.join('\n');
}
