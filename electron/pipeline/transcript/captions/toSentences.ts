import type { Sentence } from '../../../../shared/domain/transcript.ts';
import { roundTime, type Cue } from './cue.ts';
import { spreadWords } from './cueText.ts';

export interface SentenceOptions {
  /** A silence longer than this ends a sentence in speech that has no punctuation. */
  pauseSec: number;
  /** Longer runs are split, at pauses, commas and cue boundaries, so a "sentence" never runs for minutes. */
  maxWords: number;
  maxDurationSec: number;
}

export const defaultSentenceOptions: SentenceOptions = { pauseSec: 0.7, maxWords: 30, maxDurationSec: 30 };

interface Token {
  text: string;
  start: number;
  end: number;
  /** The file gave this word its own time; false when it was interpolated within its cue. */
  timed: boolean;
  cue: number;
}

/** The fewest words on either side of a split made only for length. */
const minPieceWords = 3;
const abbreviations = new Set('mr. mrs. ms. dr. prof. vs. fig. eq. cf. approx. e.g. i.e.'.split(' '));

/**
 * Turns cues or timed words into sentences: cues are merged and split at sentence-ending punctuation, and runs
 * without punctuation (ASR word streams) or too long are split at pauses. Sentence times come from word times where
 * the file has them, else from the cue's time spread over its characters; `words` is null unless every word was timed.
 */
export function toSentences(cues: readonly Cue[], options: Partial<SentenceOptions> = {}): Sentence[] {
  const opts = { ...defaultSentenceOptions, ...options };
  const sentences: Sentence[] = [];
  for (const span of splitAtSentenceEnds(tokensOf(cues))) {
    const pieces = isTooLong(span, opts) ? splitLongRun(span, opts) : [span];
    for (const piece of pieces) sentences.push(toSentence(piece));
  }
  return sentences;
}

function tokensOf(cues: readonly Cue[]): Token[] {
  const ordered = [...cues].sort((a, b) => a.start - b.start);
  const hasWords = (cue: Cue): boolean => cue.words !== null && cue.words.length > 0;
  // In a file of one-word cues (MaViLS, word-level SRT) cue times are word times; in ordinary captions a lone
  // "Okay." stays on screen longer than it is spoken.
  const wordStream = ordered.every((cue) => hasWords(cue) || !/\s/.test(cue.text.trim()));
  return ordered.flatMap((cue, i) => {
    if (cue.words && hasWords(cue)) return cue.words.map((w) => ({ ...w, timed: true, cue: i }));
    const words = spreadWords([{ text: cue.text, start: cue.start, end: cue.end }]);
    return words.map((w) => ({ ...w, timed: wordStream, cue: i }));
  });
}

function splitAtSentenceEnds(tokens: readonly Token[]): Token[][] {
  const spans: Token[][] = [];
  let current: Token[] = [];
  tokens.forEach((token, i) => {
    current.push(token);
    if (endsSentence(token, tokens[i + 1])) {
      spans.push(current);
      current = [];
    }
  });
  if (current.length > 0) spans.push(current);
  return spans;
}

/** "Dr." and "e.g." do not end a sentence, nor does a full stop followed by a lower-case word ("U.S. government"). */
function endsSentence(token: Token, next: Token | undefined): boolean {
  if (!/[.!?…。！？]["'”’»)\]]*$/u.test(token.text)) return false;
  if (abbreviations.has(token.text.toLowerCase())) return false;
  return next === undefined || !/^\p{Ll}/u.test(next.text);
}

function isTooLong(tokens: readonly Token[], opts: SentenceOptions): boolean {
  if (tokens.length > opts.maxWords) return true;
  return tokens.length >= 2 * minPieceWords && spanOf(tokens).duration > opts.maxDurationSec;
}

/** Splits at every pause, rejoins stray one- or two-word fragments, then halves what is still too long. */
function splitLongRun(tokens: readonly Token[], opts: SentenceOptions): Token[][] {
  const pieces: Token[][] = [[]];
  tokens.forEach((token, i) => {
    const previous = tokens[i - 1];
    if (previous && token.start - previous.end > opts.pauseSec) pieces.push([]);
    pieces.at(-1)?.push(token);
  });
  return rejoinFragments(pieces, opts).flatMap((piece) => halve(piece, opts));
}

function rejoinFragments(pieces: Token[][], opts: SentenceOptions): Token[][] {
  const result: Token[][] = [];
  for (const piece of pieces) {
    const previous = result.at(-1);
    const fragment = piece.length < minPieceWords || (previous !== undefined && previous.length < minPieceWords);
    if (
      previous &&
      fragment &&
      !isTooLong([...previous, ...piece], opts) &&
      gapBefore(piece, previous) < 2 * opts.pauseSec
    ) {
      previous.push(...piece);
    } else {
      result.push(piece);
    }
  }
  return result;
}

function halve(tokens: Token[], opts: SentenceOptions): Token[][] {
  if (!isTooLong(tokens, opts) || tokens.length < 2) return [tokens];
  const n = tokens.length;
  const minSide = Math.max(1, Math.min(minPieceWords, Math.floor(n / 2)));
  let best = Math.floor(n / 2);
  let bestScore = -Infinity;
  for (let j = minSide; j <= n - minSide; j++) {
    const score = breakScore(tokens[j - 1], tokens[j]) - (0.5 * Math.abs(j - n / 2)) / n;
    if (score > bestScore) {
      bestScore = score;
      best = j;
    }
  }
  return [...halve(tokens.slice(0, best), opts), ...halve(tokens.slice(best), opts)];
}

/** How good a place to break between two words is: a pause, then a comma, then a caption boundary. */
function breakScore(before: Token | undefined, after: Token | undefined): number {
  if (!before || !after) return -Infinity;
  const pause = Math.min(2, Math.max(0, after.start - before.end));
  const clause = /[,;:–—]["'”’)]*$/.test(before.text) ? 0.4 : 0;
  const cueBoundary = before.cue !== after.cue ? 0.3 : 0;
  return pause + clause + cueBoundary;
}

function gapBefore(piece: readonly Token[], previous: readonly Token[]): number {
  return (piece[0]?.start ?? 0) - (previous.at(-1)?.end ?? 0);
}

function spanOf(tokens: readonly Token[]): { start: number; end: number; duration: number } {
  let start = Infinity;
  let end = -Infinity;
  for (const token of tokens) {
    start = Math.min(start, token.start);
    end = Math.max(end, token.end);
  }
  return { start, end, duration: end - start };
}

function toSentence(tokens: readonly Token[]): Sentence {
  const { start, end } = spanOf(tokens);
  const timed = tokens.every((t) => t.timed);
  return {
    start: roundTime(start),
    end: roundTime(end),
    text: tokens.map((t) => t.text).join(' '),
    words: timed ? tokens.map((t) => ({ start: roundTime(t.start), end: roundTime(t.end), text: t.text })) : null,
  };
}
