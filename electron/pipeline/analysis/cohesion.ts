/**
 * Lexical cohesion across sentence gaps, after TextTiling's block comparison (Hearst 1997, "TextTiling: Segmenting
 * text into multi-paragraph subtopic passages", Computational Linguistics 23(1)).
 *
 * Gap g sits between sentence g-1 and sentence g. Hearst's blocks are a fixed number of 20-token pseudo-sentences;
 * here a block is the run of whole sentences next to the gap that reaches a given number of words, because transcript
 * "sentences" range from a two-word ASR fragment to a sixty-word run-on, and boundaries may only fall between them.
 */

export type TermCounts = Map<string, number>;

function addInto(target: TermCounts, terms: readonly string[], sign: 1 | -1): void {
  for (const t of terms) {
    const next = (target.get(t) ?? 0) + sign;
    if (next === 0) target.delete(t);
    else target.set(t, next);
  }
}

/**
 * Cosine similarity of two bags of terms, each term weighted by `weight` (1 for Hearst's raw counts).
 */
export function cosine(a: TermCounts, b: TermCounts, weight: (term: string) => number): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [t, ca] of a) {
    const w = weight(t);
    na += (ca * w) ** 2;
    const cb = b.get(t);
    if (cb !== undefined) dot += ca * cb * w * w;
  }
  for (const [t, cb] of b) nb += (cb * weight(t)) ** 2;
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

/**
 * Inverse sentence frequency within the lecture. A word the lecturer uses in every part ("force" in a mechanics
 * lecture) says nothing about where a topic changes, so it should not dominate the block similarity.
 */
export function inverseSentenceFrequency(stems: readonly (readonly string[])[]): (term: string) => number {
  const df = new Map<string, number>();
  for (const sentence of stems) for (const t of new Set(sentence)) df.set(t, (df.get(t) ?? 0) + 1);
  const n = Math.max(1, stems.length);
  return (term) => Math.log(1 + n / (df.get(term) ?? 1));
}

/**
 * Block-comparison similarity at every gap (length = sentences - 1). Blocks grow and shrink incrementally as the gap
 * moves, so the cost is linear in the transcript's length.
 */
export function gapSimilarities(
  stems: readonly (readonly string[])[],
  wordCounts: readonly number[],
  blockWords: number,
  weight: (term: string) => number,
): number[] {
  const n = stems.length;
  const result: number[] = [];
  const left: TermCounts = new Map();
  const right: TermCounts = new Map();
  // Left block is sentences [leftStart, g), right block is [g, rightEnd).
  let leftStart = 0;
  let leftWords = 0;
  let rightEnd = 0;
  let rightWords = 0;
  for (let g = 1; g < n; g++) {
    addInto(left, stems[g - 1]!, 1);
    leftWords += wordCounts[g - 1]!;
    while (leftStart < g - 1 && leftWords - wordCounts[leftStart]! >= blockWords) {
      addInto(left, stems[leftStart]!, -1);
      leftWords -= wordCounts[leftStart]!;
      leftStart++;
    }
    if (rightEnd < g) {
      rightEnd = g;
      right.clear();
      rightWords = 0;
    } else {
      addInto(right, stems[g - 1]!, -1);
      rightWords -= wordCounts[g - 1]!;
    }
    while (rightEnd < n && rightWords < blockWords) {
      addInto(right, stems[rightEnd]!, 1);
      rightWords += wordCounts[rightEnd]!;
      rightEnd++;
    }
    result.push(cosine(left, right, weight));
  }
  return result;
}

/**
 * Moving average over the gaps within `radiusWords` spoken words on either side. Measuring the window in words, not
 * gaps, smooths a curve of short ASR fragments as much as one of long written sentences.
 */
export function smoothByWords(values: readonly number[], words: readonly number[], radiusWords: number): number[] {
  // position[i] is the word offset of gap i (between sentence i and i+1).
  const position: number[] = [];
  let offset = 0;
  for (let i = 0; i < values.length; i++) {
    offset += words[i]!;
    position.push(offset);
  }
  const result: number[] = [];
  let from = 0;
  let to = 0;
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    while (to < values.length && position[to]! <= position[i]! + radiusWords) sum += values[to++]!;
    while (position[from]! < position[i]! - radiusWords) sum -= values[from++]!;
    result.push(sum / (to - from));
  }
  return result;
}

/**
 * Hearst's depth score: how far the similarity at a gap lies below the nearest peaks on either side, found by
 * climbing while the curve keeps rising. Only valleys (local minima) get a depth; elsewhere it is 0, so a slope is
 * never mistaken for a boundary.
 */
export function depthScores(similarity: readonly number[]): number[] {
  const n = similarity.length;
  return similarity.map((s, i) => {
    const prev = i > 0 ? similarity[i - 1]! : Infinity;
    const next = i < n - 1 ? similarity[i + 1]! : Infinity;
    // A plateau counts once, at its first gap.
    if (!(s < prev && s <= next)) return 0;
    let l = i;
    while (l > 0 && similarity[l - 1]! >= similarity[l]!) l--;
    let r = i;
    while (r < n - 1 && similarity[r + 1]! >= similarity[r]!) r++;
    const depth = similarity[l]! - s + (similarity[r]! - s);
    // Rounding in the cosine makes identical blocks differ by ~1e-16; that is not a valley.
    return depth > 1e-9 ? depth : 0;
  });
}
