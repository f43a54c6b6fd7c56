import { breakPenalty } from './breakPenalty.ts';

export interface LineLimits {
  maxCharsPerLine: number;
  maxLines: number;
}

// Weighs line balance against break quality: a comma break still wins over a plain one with lines ~20 characters
// apart, but not ~30 (then the short line looks orphaned).
const balanceWeight = 4;

/**
 * Lays `text` out in as few lines as fit `maxCharsPerLine` (one when it fits), choosing the breaks that read best and
 * keep the lines' lengths close. Null when it needs more than `maxLines`. A single word longer than a line gets a line
 * of its own rather than being cut.
 */
export function wrapLines(text: string, limits: LineLimits): string[] | null {
  const words = splitWords(text);
  if (words.length === 0) return [];
  const oneLine = words.join(' ');
  if (oneLine.length <= limits.maxCharsPerLine || words.length === 1) return [oneLine];
  for (let lineCount = 2; lineCount <= Math.min(limits.maxLines, words.length); lineCount++) {
    const lines = bestLines(words, lineCount, limits.maxCharsPerLine);
    if (lines) return lines;
  }
  return null;
}

/** The words of a text, whatever whitespace or line breaks it came with. */
export function splitWords(text: string): string[] {
  return text.split(/\s+/).filter((w) => w !== '');
}

interface Step {
  cost: number;
  from: number;
}

/** Knuth–Plass style: the cheapest way to put `words` into exactly `lineCount` lines, by dynamic programming. */
function bestLines(words: readonly string[], lineCount: number, maxChars: number): string[] | null {
  const n = words.length;
  const ideal = (words.join(' ').length - (lineCount - 1)) / lineCount;
  // best[k][i]: cheapest layout of words[0..i) in k lines.
  const best: (Step | undefined)[][] = Array.from({ length: lineCount + 1 }, () => new Array<Step | undefined>(n + 1));
  best[0]![0] = { cost: 0, from: -1 };
  for (let k = 1; k <= lineCount; k++) {
    for (let i = k; i <= n; i++) {
      let length = -1;
      for (let j = i - 1; j >= k - 1; j--) {
        length += words[j]!.length + 1;
        if (length > maxChars && i - j > 1) break;
        const previous = best[k - 1]![j];
        if (!previous) continue;
        const slack = (length - ideal) / maxChars;
        const breakCost = i < n ? breakPenalty(words[i - 1]!, words[i]!) : 0;
        const cost = previous.cost + balanceWeight * slack * slack + breakCost;
        const current = best[k]![i];
        if (!current || cost < current.cost) best[k]![i] = { cost, from: j };
      }
    }
  }
  if (!best[lineCount]![n]) return null;
  const lines: string[] = [];
  for (let k = lineCount, i = n; k > 0; k--) {
    const from = best[k]![i]!.from;
    lines.unshift(words.slice(from, i).join(' '));
    i = from;
  }
  return lines;
}
