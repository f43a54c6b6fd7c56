import type { Sentence, Word } from '../../../shared/domain/transcript.ts';
import { fitsCaption, maxCueSec, wrapCaption } from './captionLines.ts';

/** One caption on screen. Times are whole milliseconds so that what is compared is exactly what is written. */
export interface CaptionCue {
  startMs: number;
  endMs: number;
  lines: string[];
}

/** Keeps a cue visible at all when its source times collapse to a point (Whisper gives zero-length words). */
const minCueMs = 200;
const maxCueMs = maxCueSec * 1000;

/**
 * One cue per sentence; a sentence that lasts longer than 7 s or cannot fit two lines is split between words,
 * using the words' own times when the transcript has them and otherwise sharing the sentence's time by
 * characters. Cues come back sorted, never overlapping, each at most 7 s.
 */
export function sentenceCues(sentences: readonly Sentence[]): CaptionCue[] {
  const cues = sentences.flatMap(cuesForSentence).sort((a, b) => a.startMs - b.startMs || a.endMs - b.endMs);
  return removeOverlaps(cues);
}

function cuesForSentence(sentence: Sentence): CaptionCue[] {
  const text = sentence.text.replace(/\s+/g, ' ').trim();
  if (text === '') return [];
  if (sentence.end - sentence.start <= maxCueSec && fitsCaption(text)) {
    return [cue(sentence.start, sentence.end, text)];
  }
  const words = usableWords(sentence.words) ?? spreadText(text, sentence.start, sentence.end);
  return groupWords(words).map((group) =>
    cue(group[0]?.start ?? sentence.start, group.at(-1)?.end ?? sentence.end, joinWords(group)),
  );
}

/**
 * Splits a sentence's words into the fewest cues that each stay within 7 s and two lines, and among those the
 * most even durations (least sum of squares): a greedy split leaves a two-word stub at the end. A cue holds at
 * most two lines, so only a few dozen words are ever tried per cut. A single word is a cue even when it breaks a
 * limit, since it cannot be split further.
 */
function groupWords(words: readonly Word[]): Word[][] {
  const best: { count: number; cost: number; from: number }[] = [{ count: 0, cost: 0, from: 0 }];
  for (let end = 1; end <= words.length; end += 1) {
    const last = words[end - 1] as Word;
    let choice = { count: Number.POSITIVE_INFINITY, cost: Number.POSITIVE_INFINITY, from: end - 1 };
    let text = '';
    for (let from = end - 1; from >= 0; from -= 1) {
      const first = words[from] as Word;
      text = text === '' ? first.text.trim() : `${first.text.trim()} ${text}`;
      const span = last.end - first.start;
      const single = from === end - 1;
      if (!single && (span > maxCueSec || !fitsCaption(text))) break;
      const before = best[from];
      if (!before) continue;
      const candidate = { count: before.count + 1, cost: before.cost + span * span, from };
      if (candidate.count < choice.count || (candidate.count === choice.count && candidate.cost < choice.cost)) {
        choice = candidate;
      }
    }
    best.push(choice);
  }
  const groups: Word[][] = [];
  for (let end = words.length; end > 0; end = best[end]?.from ?? 0) {
    groups.unshift(words.slice(best[end]?.from ?? 0, end));
  }
  return groups;
}

/** Word times are usable when every word has finite, ordered times; one bad timestamp would misplace a cue. */
function usableWords(words: readonly Word[] | null): Word[] | null {
  const visible = (words ?? []).filter((word) => word.text.trim() !== '');
  if (visible.length === 0) return null;
  const ordered = visible.every(
    (word, i) =>
      Number.isFinite(word.start) && word.end >= word.start && (i === 0 || word.start >= (visible[i - 1]?.start ?? 0)),
  );
  return ordered ? visible : null;
}

/**
 * Without word times, each word gets a share of the sentence proportional to its characters, the space after it
 * included, so cues cut from one sentence follow each other without a flicker between them.
 */
function spreadText(text: string, start: number, end: number): Word[] {
  const tokens = text.split(' ');
  const perChar = (end - start) / Math.max(1, text.length);
  const words: Word[] = [];
  let offset = 0;
  tokens.forEach((token, i) => {
    const next = i === tokens.length - 1 ? text.length : offset + token.length + 1;
    words.push({ start: start + offset * perChar, end: start + next * perChar, text: token });
    offset = next;
  });
  return words;
}

function joinWords(words: readonly Word[]): string {
  return words
    .map((word) => word.text.trim())
    .filter((text) => text !== '')
    .join(' ');
}

function cue(start: number, end: number, text: string): CaptionCue {
  const startMs = Math.max(0, Math.round(start * 1000));
  const endMs = Math.min(Math.max(Math.round(end * 1000), startMs + minCueMs), startMs + maxCueMs);
  return { startMs, endMs, lines: wrapCaption(text) };
}

/**
 * Recognisers and caption files overlap neighbouring sentences by a few milliseconds; players then stack two
 * cues. The earlier cue gives way: it ends where the next begins, or, when both start together, the later one
 * waits for it.
 */
function removeOverlaps(cues: readonly CaptionCue[]): CaptionCue[] {
  const out: CaptionCue[] = [];
  for (const next of cues) {
    const current = { ...next };
    const previous = out.at(-1);
    if (previous && current.startMs < previous.endMs) {
      if (current.startMs > previous.startMs) {
        previous.endMs = current.startMs;
      } else {
        current.startMs = previous.endMs;
        current.endMs = Math.max(current.endMs, current.startMs + minCueMs);
      }
    }
    out.push(current);
  }
  return out;
}
