import type { Word } from '../../../../shared/domain/transcript.ts';
import { parseTimestamp, roundTime } from './cue.ts';

export interface TimedText {
  text: string;
  start: number;
  end: number;
}

const namedEntities: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  lrm: '',
  rlm: '',
  hellip: '…',
  ndash: '–',
  mdash: '—',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, body: string) => {
    if (body.startsWith('#')) {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    }
    return namedEntities[body.toLowerCase()] ?? entity;
  });
}

// Only the tags captions use, so "a < b and c > d" in a maths lecture is left alone.
const styleTag = /<\/?(?:(?:b|i|u|s|c|ruby|rt)(?:\.[^<>\s]*)?|(?:v|lang|font|span)(?:[.\s][^<>]*)?)>/gi;

/**
 * Removes what players render as styling rather than words: WebVTT/SRT tags (`<i>`, `<c.colour>`, `<v Name>`,
 * `<font color=..>`), ASS override blocks that Aegisub and YouTube exports leave in SRT (`{\an8}`, `{\i1}`) and
 * the ASS line break `\N` (not `\n` or `\h`, which would eat "\nabla" and "\hbar").
 */
export function cleanCueText(text: string): string {
  const withoutMarkup = text
    .replace(/\{\\[^}]*\}/g, '')
    .replace(/\\N/g, ' ')
    .replace(styleTag, '');
  return decodeEntities(withoutMarkup);
}

export function collapseSpaces(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Spreads each piece's time over its visible characters and cuts words at whitespace, so a word that spans pieces
 * (a karaoke timestamp inside a word) starts with its first character and ends with its last.
 */
export function spreadWords(pieces: readonly TimedText[]): Word[] {
  const words: Word[] = [];
  let current: Word | null = null;
  for (const piece of pieces) {
    const characters = [...piece.text];
    const visible = characters.filter((c) => !/\s/.test(c)).length;
    const step = visible > 0 ? (piece.end - piece.start) / visible : 0;
    let k = 0;
    for (const character of characters) {
      if (/\s/.test(character)) {
        if (current) words.push(current);
        current = null;
        continue;
      }
      const start = piece.start + step * k;
      k += 1;
      const end = piece.start + step * k;
      if (current) {
        current.text += character;
        current.end = end;
      } else {
        current = { start, end, text: character };
      }
    }
  }
  if (current) words.push(current);
  return words.map((w) => ({ start: roundTime(w.start), end: roundTime(w.end), text: w.text }));
}

const inlineTimestamp = /<((?:\d+:)?\d{1,2}:\d{1,2}[.,]\d{1,3})>/;
const inlineTimestamps = new RegExp(inlineTimestamp.source, 'g');

interface Piece {
  line: number;
  text: string;
  chunk: number;
}

/** A cue line as a viewer reads it: no markup, no inline timestamps, single spaces. */
export function cueLineText(line: string): string {
  return collapseSpaces(cleanCueText(withoutRuby(line).replace(inlineTimestamps, '')));
}

/**
 * Word times from inline timestamps (`word<00:00:01.230><c> next</c>`, as YouTube's automatic captions carry): each
 * marks when the following text is spoken; text before the first starts with the cue, the last runs to its end.
 * Lines before `fromLine` were on screen already (a rolling repeat): they move the clock but take no time.
 * Returns each line's words, or null when the cue has no inline timestamps.
 */
export function timeCueWords(lines: readonly string[], start: number, end: number, fromLine = 0): Word[][] | null {
  const chunkStarts = [start];
  const pieces: Piece[] = [];
  lines.forEach((line, lineIndex) => {
    withoutRuby(line)
      .split(inlineTimestamp)
      .forEach((part, i) => {
        if (i % 2 === 1) {
          const previous = chunkStarts.at(-1) ?? start;
          chunkStarts.push(Math.min(end, Math.max(previous, parseTimestamp(part) ?? previous)));
        } else if (lineIndex >= fromLine) {
          pieces.push({ line: lineIndex, text: cleanCueText(part), chunk: chunkStarts.length - 1 });
        }
      });
  });
  if (chunkStarts.length === 1) return null;
  const timed = timePieces(pieces, chunkStarts, end);
  return lines.map((_, lineIndex) => spreadWords(timed.filter((p) => p.line === lineIndex)));
}

function withoutRuby(line: string): string {
  return line.replace(/<rt>.*?<\/rt>/g, '');
}

/** A chunk (the text between two timestamps) may continue onto the next line; each line gets its share of the time. */
function timePieces(pieces: readonly Piece[], chunkStarts: readonly number[], end: number): (TimedText & Piece)[] {
  const visibleCount = (text: string): number => text.replace(/\s/g, '').length;
  const totals = new Map<number, number>();
  for (const p of pieces) totals.set(p.chunk, (totals.get(p.chunk) ?? 0) + visibleCount(p.text));
  const seen = new Map<number, number>();
  return pieces.map((p) => {
    const chunkStart = chunkStarts[p.chunk] ?? end;
    const duration = (chunkStarts[p.chunk + 1] ?? end) - chunkStart;
    const total = totals.get(p.chunk) || 1;
    const before = seen.get(p.chunk) ?? 0;
    const count = visibleCount(p.text);
    seen.set(p.chunk, before + count);
    return {
      ...p,
      start: chunkStart + (duration * before) / total,
      end: chunkStart + (duration * (before + count)) / total,
    };
  });
}
