import { CaptionsFormatError, parseTimestamp } from './cue.ts';

/** A cue as written: its times and raw text lines, before markup is removed. */
export interface CueBlock {
  /** 1-based line of the timing line, for error messages. */
  line: number;
  start: number;
  end: number;
  lines: string[];
}

export interface ScanOptions {
  /** Shown in errors: what the file should have had instead. */
  expected: string;
  /** WebVTT blocks that carry no captions (header, NOTE, STYLE, REGION) and are skipped up to the next empty line. */
  isSkippedBlock?: (firstLine: string) => boolean;
}

interface PendingLine {
  text: string;
  number: number;
  /** The line follows an empty line (or starts the file), so it opens a block. */
  opensBlock: boolean;
}

const timingPattern = /^\s*([\d:.,]+)\s*-->\s*([\d:.,]+)(?:\s.*)?$/;

/**
 * The block structure SRT and WebVTT share, read leniently: a timing line starts a cue wherever it is, so missing or
 * extra blank lines and missing cue numbers do no harm. The line just before a timing line is the next cue's
 * identifier when it opens a block, or when it is a bare number after the current cue's text (blank line forgotten).
 */
export function scanCueBlocks(lines: readonly string[], options: ScanOptions): CueBlock[] {
  const blocks: CueBlock[] = [];
  let current: CueBlock | null = null;
  let pending: PendingLine[] = [];
  let afterEmpty = true;
  let skipping = false;

  const flush = (identifierFollows: boolean): void => {
    const text = identifierFollows ? withoutIdentifier(pending, current !== null) : pending;
    if (current) current.lines.push(...text.map((l) => l.text));
    else {
      const stray = text.find((l) => l.text.trim() !== '');
      if (stray) throw unexpectedLine(stray, options.expected);
    }
    pending = [];
  };

  lines.forEach((text, i) => {
    const number = i + 1;
    if (text === '') {
      afterEmpty = true;
      skipping = false;
      if (current) pending.push({ text, number, opensBlock: false });
      return;
    }
    const opensBlock = afterEmpty;
    afterEmpty = false;
    if (looksLikeTiming(text)) {
      skipping = false;
      flush(true);
      current = readTiming(text, number, options.expected);
      blocks.push(current);
      return;
    }
    if (skipping) return;
    if (opensBlock && options.isSkippedBlock?.(text)) {
      skipping = true;
      return;
    }
    pending.push({ text, number, opensBlock });
  });
  flush(false);
  return blocks.map((b) => ({ ...b, lines: trimEmptyLines(b.lines) }));
}

/** "00:01 --> 00:02" is a timing line even when malformed (and then an error); "A --> B" in a caption is text. */
function looksLikeTiming(text: string): boolean {
  return /^\s*\d/.test(text) && text.includes('-->');
}

function withoutIdentifier(pending: readonly PendingLine[], inCue: boolean): PendingLine[] {
  const last = pending.at(-1);
  if (!last || last.text.trim() === '') return [...pending];
  const rest = pending.slice(0, -1);
  const restHasText = rest.some((l) => l.text.trim() !== '');
  const isNumber = /^\s*\d+\s*$/.test(last.text);
  if (last.opensBlock || (isNumber && (restHasText || !inCue))) return rest;
  return [...pending];
}

function readTiming(text: string, number: number, expected: string): CueBlock {
  const match = timingPattern.exec(text);
  const start = match?.[1] === undefined ? null : parseTimestamp(match[1]);
  const end = match?.[2] === undefined ? null : parseTimestamp(match[2]);
  if (start === null || end === null) {
    throw new CaptionsFormatError(`line ${number}`, `cannot read the times in "${text.trim()}"; expected ${expected}`);
  }
  // A cue that ends before it starts is a glitch some caption exporters make; its words are still worth keeping.
  return { line: number, start, end: Math.max(start, end), lines: [] };
}

function unexpectedLine(line: PendingLine, expected: string): CaptionsFormatError {
  const shown = line.text.length > 60 ? `${line.text.slice(0, 57)}...` : line.text;
  return new CaptionsFormatError(`line ${line.number}`, `expected ${expected}, found "${shown.trim()}"`);
}

function trimEmptyLines(lines: readonly string[]): string[] {
  let from = 0;
  let to = lines.length;
  while (from < to && lines[from]?.trim() === '') from++;
  while (to > from && lines[to - 1]?.trim() === '') to--;
  return lines.slice(from, to);
}
