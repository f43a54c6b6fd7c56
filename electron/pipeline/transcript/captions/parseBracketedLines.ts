import { CaptionsFormatError, parseTimestamp, splitLines, type Cue } from './cue.ts';

const linePattern = /^\[\s*([\d:.,]+)\s*-->\s*([\d:.,]+)\s*\](.*)$/;

/** True when the first line with text is a `[00:00:15.850 --> 00:00:16.330] word` line. */
export function looksLikeBracketedLines(text: string): boolean {
  const first = splitLines(text).find((line) => line.trim() !== '');
  return first !== undefined && linePattern.test(first);
}

/**
 * Reads `[hh:mm:ss.mmm --> hh:mm:ss.mmm] text` lines: whisper.cpp's console output, which the MaViLS lecture
 * transcripts use with one word per line. whisper.cpp prints a token that continues the previous word without the
 * leading space ("8" then ".225,", "ocw" then ".mit", "60" then "-something"); such a line is joined to the previous
 * one, so numbers, addresses and hyphenated words stay whole and a "." inside them never ends a sentence.
 */
export function parseBracketedLines(text: string): Cue[] {
  const cues: Cue[] = [];
  splitLines(text).forEach((line, i) => {
    if (line.trim() === '') return;
    const match = linePattern.exec(line);
    const start = match?.[1] === undefined ? null : parseTimestamp(match[1]);
    const end = match?.[2] === undefined ? null : parseTimestamp(match[2]);
    const rest = match?.[3];
    if (start === null || end === null || rest === undefined) {
      throw new CaptionsFormatError(
        `line ${i + 1}`,
        `expected "[00:00:01.000 --> 00:00:01.400] word", found "${line.trim().slice(0, 60)}"`,
      );
    }
    const previous = cues.at(-1);
    const continues = previous !== undefined && rest !== '' && !/^\s/.test(rest);
    if (continues) {
      previous.text += rest.trim();
      previous.end = Math.max(previous.end, end);
    } else if (rest.trim() !== '') {
      cues.push({ start, end: Math.max(start, end), text: rest.trim().replace(/\s+/g, ' '), words: null });
    }
  });
  return cues;
}
