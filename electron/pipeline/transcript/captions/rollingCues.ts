import type { Word } from '../../../../shared/domain/transcript.ts';
import type { Cue } from './cue.ts';
import { cueLineText, timeCueWords } from './cueText.ts';

/** A cue's times and its lines as written, markup and inline timestamps included. */
export interface RawCue {
  start: number;
  end: number;
  lines: string[];
}

interface Shown {
  text: string;
  words: Word[] | null;
}

/**
 * Live and automatic captions "roll": each cue repeats the line(s) shown before and adds one (YouTube adds a new
 * line under the previous one, plus 10 ms cues that only repeat it; live captioners grow a line word by word).
 * Keeps only what each cue adds, so nothing is said twice, and gives the cue's time to the new words only. A cue
 * that only repeats what is already shown extends the cue before it instead.
 */
export function dedupeRollingCues(cues: readonly RawCue[]): Cue[] {
  const result: Cue[] = [];
  let shown: string[] = [];
  for (const cue of cues) {
    const visible = cue.lines.map((raw, index) => ({ index, text: cueLineText(raw) })).filter((l) => l.text !== '');
    const texts = visible.map((l) => l.text);
    const previous = result.at(-1);
    if (previous && repeatsShown(shown, texts)) {
      previous.end = Math.max(previous.end, cue.end);
      shown = texts;
      continue;
    }
    const repeated = overlap(shown, texts);
    const kept = visible.slice(repeated);
    const first = kept[0];
    const previousLast = shown.at(-1);
    shown = texts;
    if (!first) continue;
    const words = timeCueWords(cue.lines, cue.start, cue.end, first.index);
    let lines: Shown[] = kept.map((l) => ({ text: l.text, words: words?.[l.index] ?? null }));
    if (repeated === 0) lines = withoutGrownPrefix(lines, previousLast);
    result.push(toCue(cue, lines));
  }
  return result;
}

/** The cue shows nothing new: all its lines are the last lines already on screen. */
function repeatsShown(shown: readonly string[], texts: readonly string[]): boolean {
  return texts.length > 0 && texts.length <= shown.length && sameLines(shown.slice(-texts.length), texts);
}

function sameLines(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((text, i) => text === b[i]);
}

/** The largest k for which the cue's first k lines are the previous cue's last k lines (fewer than all of them). */
function overlap(shown: readonly string[], texts: readonly string[]): number {
  for (let k = Math.min(shown.length, texts.length - 1); k > 0; k--) {
    if (sameLines(shown.slice(-k), texts.slice(0, k))) return k;
  }
  return 0;
}

function withoutGrownPrefix(lines: Shown[], shownLast: string | undefined): Shown[] {
  const [first, ...rest] = lines;
  if (!first || !shownLast || !first.text.startsWith(`${shownLast} `)) return lines;
  const text = first.text.slice(shownLast.length + 1);
  return [{ text, words: first.words?.slice(shownLast.split(' ').length) ?? null }, ...rest];
}

function toCue(cue: RawCue, lines: readonly Shown[]): Cue {
  const text = lines.map((l) => l.text).join(' ');
  const timed = lines.every((l) => l.words !== null && l.words.length > 0);
  const words = timed ? lines.flatMap((l) => l.words ?? []) : null;
  return { start: words?.[0]?.start ?? cue.start, end: cue.end, text, words };
}
