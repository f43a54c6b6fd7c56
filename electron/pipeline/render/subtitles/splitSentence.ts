import type { Word } from '../../../../shared/domain/transcript.ts';
import { breakPenalty } from './breakPenalty.ts';
import type { Cue, CueRules } from './cue.ts';
import { wrapLines } from './wrapLines.ts';

interface Step {
  cost: number;
  from: number;
}

/**
 * Splits one sentence's words (clip timeline) into cues that fit the line limits and last at most `maxDurationSec`,
 * by dynamic programming over word boundaries. A split costs its break penalty (punctuation and pauses are cheap), so
 * cues end where the speaker's phrases do; each cue costs a constant (fewer cues are calmer to read), plus the square
 * of its unused room (so the text is shared evenly) and its shortness below `minDurationSec`.
 */
export function splitSentence(words: readonly Word[], rules: CueRules): Cue[] {
  const n = words.length;
  if (n === 0) return [];
  const capacity = rules.maxLines * rules.maxCharsPerLine;
  const best: (Step | undefined)[] = new Array<Step | undefined>(n + 1);
  best[0] = { cost: 0, from: -1 };
  for (let i = 1; i <= n; i++) {
    let chars = -1;
    for (let j = i - 1; j >= 0; j--) {
      chars += words[j]!.text.length + 1;
      const duration = words[i - 1]!.end - words[j]!.start;
      const single = i - j === 1;
      // Both only grow as the cue reaches further back, so nothing earlier can fit either.
      if (!single && (duration > rules.maxDurationSec || chars > capacity + rules.maxLines)) break;
      if (!single && !wrapLines(joinWords(words, j, i), rules)) continue;
      const previous = best[j]!;
      const slack = Math.max(0, capacity - chars) / capacity;
      const short = Math.max(0, rules.minDurationSec - duration);
      const breakCost =
        i < n ? breakPenalty(words[i - 1]!.text, words[i]!.text, words[i]!.start - words[i - 1]!.end) : 0;
      const cost = previous.cost + 0.5 + slack * slack + 4 * short + 2 * breakCost;
      const current = best[i];
      if (!current || cost < current.cost) best[i] = { cost, from: j };
    }
  }
  const cues: Cue[] = [];
  for (let i = n; i > 0;) {
    const from = best[i]!.from;
    const text = joinWords(words, from, i);
    cues.unshift({
      start: words[from]!.start,
      end: words[i - 1]!.end,
      text: (wrapLines(text, rules) ?? [text]).join('\n'),
    });
    i = from;
  }
  return cues;
}

function joinWords(words: readonly Word[], from: number, to: number): string {
  return words
    .slice(from, to)
    .map((w) => w.text)
    .join(' ');
}
