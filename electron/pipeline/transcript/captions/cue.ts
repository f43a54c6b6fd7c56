import type { Word } from '../../../../shared/domain/transcript.ts';

/** One caption as a file shows it. `words` only when the file times each word (inline timestamps, word-level JSON). */
export interface Cue {
  start: number;
  end: number;
  text: string;
  words: Word[] | null;
}

/** A captions file Lectern cannot read; `where` is "line 12" for text formats, a JSON path for transcripts. */
export class CaptionsFormatError extends Error {
  override readonly name = 'CaptionsFormatError';
  constructor(
    readonly where: string,
    readonly reason: string,
  ) {
    super(`${where}: ${reason}`);
  }
}

/** Splits text into lines the way every caption format counts them, without the BOM some editors put first. */
export function splitLines(text: string): string[] {
  return text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
}

const timestampPattern = /^(?:(\d+):)?(\d{1,2}):(\d{1,2})(?:[.,](\d{1,3}))?$/;

/**
 * Reads "01:02:03,456" (SRT), "01:02:03.456" or "02:03.456" (WebVTT, hours optional) into seconds; null when it is
 * not a time. Fewer than three fraction digits are read as a decimal fraction ("1,5" is 1.5 s), as players do.
 */
export function parseTimestamp(text: string): number | null {
  const match = timestampPattern.exec(text.trim());
  if (!match) return null;
  const [, hours, minutes, seconds, fraction] = match;
  const h = hours === undefined ? 0 : Number(hours);
  const m = Number(minutes);
  const s = Number(seconds);
  if (s >= 60 || (hours !== undefined && m >= 60)) return null;
  return roundTime(h * 3600 + m * 60 + s + (fraction === undefined ? 0 : Number(`0.${fraction}`)));
}

/** Times are kept to the millisecond, which is all any caption format stores. */
export function roundTime(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}
