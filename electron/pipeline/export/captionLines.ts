/**
 * Caption layout the lecture transcript follows, from common broadcast subtitle guidelines (BBC, Netflix):
 * at most two lines of 42 characters, and no cue on screen for longer than 7 s.
 */
export const maxLineChars = 42;
export const maxLines = 2;
export const maxCueSec = 7;
/** How many characters of imbalance a break after punctuation is worth. */
const punctuationBonus = 8;

/**
 * Breaks caption text into lines of at most `maxChars`. Two lines are balanced (the longer one as short as
 * possible, the top one shorter on a tie) because a balanced pair is quicker to read than a full line and a
 * stub; a break after punctuation is worth a few characters of imbalance, as readers take a clause per line.
 * Text that cannot fit two lines comes back greedily filled on more, which callers read as "split this cue".
 * A word longer than a line (a URL) is cut.
 */
export function wrapCaption(text: string, maxChars = maxLineChars): string[] {
  const words = text
    .split(/\s+/)
    .filter((word) => word !== '')
    .flatMap((word) => cutLongWord(word, maxChars));
  const joined = words.join(' ');
  if (joined.length <= maxChars) return joined === '' ? [] : [joined];
  let best: { lines: [string, string]; cost: number } | null = null;
  for (let split = 1; split < words.length; split += 1) {
    const top = words.slice(0, split).join(' ');
    const bottom = words.slice(split).join(' ');
    if (top.length > maxChars || bottom.length > maxChars) continue;
    const cost = Math.max(top.length, bottom.length) - (/[.,;:?!]$/.test(top) ? punctuationBonus : 0);
    if (!best || cost < best.cost) best = { lines: [top, bottom], cost };
  }
  return best?.lines ?? fillLines(words, maxChars);
}

export function fitsCaption(text: string): boolean {
  return wrapCaption(text).length <= maxLines;
}

function cutLongWord(word: string, maxChars: number): string[] {
  const pieces: string[] = [];
  for (let at = 0; at < word.length; at += maxChars) pieces.push(word.slice(at, at + maxChars));
  return pieces;
}

function fillLines(words: readonly string[], maxChars: number): string[] {
  const lines: string[] = [];
  for (const word of words) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= maxChars) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}
