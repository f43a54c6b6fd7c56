/**
 * Segmentation error metrics over sentence sequences. A segmentation of n sentences is given by its boundaries: the
 * sorted indices (1..n-1) of the sentences that start a new segment.
 *
 * Pk: Beeferman, Berger & Lafferty (1999), "Statistical models for text segmentation", Machine Learning 34.
 * WindowDiff: Pevzner & Hearst (2002), "A critique and improvement of an evaluation metric for text segmentation",
 * Computational Linguistics 28(1). Both slide a window of k sentences; lower is better, 0 is a perfect match.
 */

/** Segment number of every sentence. */
function segmentLabels(n: number, boundaries: readonly number[]): Int32Array {
  const labels = new Int32Array(n);
  const sorted = [...boundaries].sort((a, b) => a - b);
  let segment = 0;
  let next = 0;
  for (let i = 0; i < n; i++) {
    while (next < sorted.length && sorted[next]! <= i) {
      if (sorted[next]! > 0) segment++;
      next++;
    }
    labels[i] = segment;
  }
  return labels;
}

/** k as both papers set it: half the mean segment length of the reference, at least 1. */
export function windowSize(n: number, referenceBoundaries: readonly number[]): number {
  const segments = referenceBoundaries.filter((b) => b > 0 && b < n).length + 1;
  return Math.max(1, Math.round(n / segments / 2));
}

/** Probability that two sentences k apart are wrongly put in the same or in different segments. */
export function pk(n: number, reference: readonly number[], hypothesis: readonly number[], k?: number): number {
  const width = k ?? windowSize(n, reference);
  if (n <= width) return 0;
  const ref = segmentLabels(n, reference);
  const hyp = segmentLabels(n, hypothesis);
  let errors = 0;
  for (let i = 0; i + width < n; i++) {
    const sameRef = ref[i] === ref[i + width];
    const sameHyp = hyp[i] === hyp[i + width];
    if (sameRef !== sameHyp) errors++;
  }
  return errors / (n - width);
}

/**
 * Share of windows in which the two segmentations have a different number of boundaries. Unlike Pk it penalises a
 * near miss and an extra boundary equally, and does not forgive several boundaries inside one window.
 */
export function windowDiff(n: number, reference: readonly number[], hypothesis: readonly number[], k?: number): number {
  const width = k ?? windowSize(n, reference);
  if (n <= width) return 0;
  // The label difference across a window is the number of boundaries inside it.
  const ref = segmentLabels(n, reference);
  const hyp = segmentLabels(n, hypothesis);
  let errors = 0;
  for (let i = 0; i + width < n; i++) {
    if (ref[i + width]! - ref[i]! !== hyp[i + width]! - hyp[i]!) errors++;
  }
  return errors / (n - width);
}
