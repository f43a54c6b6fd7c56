import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { LecternError } from '../../../../shared/errors.ts';
import { CaptionsFormatError, type Cue } from './cue.ts';
import { languageFromFileName } from './language.ts';
import { looksLikeBracketedLines, parseBracketedLines } from './parseBracketedLines.ts';
import { parsePlainText } from './parsePlainText.ts';
import { parseSentenceCsv } from './parseSentenceCsv.ts';
import { parseSrt } from './parseSrt.ts';
import { parseTranscriptJson } from './parseTranscriptJson.ts';
import { parseVtt, readVttLanguage } from './parseVtt.ts';

export type CaptionsFormat = 'srt' | 'vtt' | 'json' | 'bracketed' | 'csv' | 'text';

export interface CaptionsFile {
  format: CaptionsFormat;
  cues: Cue[];
  language: string | null;
}

/**
 * Caption files come from Windows tools as UTF-16 or Windows-1252 as often as UTF-8: honour a BOM, else take UTF-8
 * when the bytes are valid UTF-8, else Windows-1252 (which also covers Latin-1).
 */
export function decodeCaptionsBytes(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** Which parser a file needs, by its content first (a .srt may hold WebVTT or whisper.cpp lines), then its name. */
export function detectCaptionsFormat(text: string, fileName: string): CaptionsFormat {
  const head = text.replace(/^\uFEFF/, '').trimStart();
  if (/^WEBVTT(?:[ \t\r\n]|$)/.test(head)) return 'vtt';
  if (looksLikeBracketedLines(head)) return 'bracketed';
  const extension = path.extname(fileName).toLowerCase();
  if (head.startsWith('{') || extension === '.json') return 'json';
  if (extension === '.csv') return 'csv';
  if (extension === '.txt' || extension === '.ref') return 'text';
  return 'srt';
}

/** Parses captions or a transcript; throws CaptionsFormatError naming the line (or JSON field) that is wrong. */
export function parseCaptionsText(text: string, fileName: string): CaptionsFile {
  const format = detectCaptionsFormat(text, fileName);
  switch (format) {
    case 'vtt':
      return { format, cues: parseVtt(text), language: readVttLanguage(text) };
    case 'bracketed':
      return { format, cues: parseBracketedLines(text), language: null };
    case 'json':
      return { format, ...parseTranscriptJson(text) };
    case 'srt':
      return { format, cues: parseSrt(text), language: null };
    case 'csv':
      return { format, cues: parseSentenceCsv(text), language: null };
    case 'text':
      return { format, cues: parsePlainText(text), language: null };
  }
}

/** Reads and parses a captions file; every failure is a LecternError a lecturer can act on. */
export async function readCaptionsFile(filePath: string): Promise<CaptionsFile> {
  const name = path.basename(filePath);
  let bytes: Buffer;
  try {
    bytes = await readFile(filePath);
  } catch (error) {
    throw readFailure(filePath, error);
  }
  let parsed: CaptionsFile;
  try {
    parsed = parseCaptionsText(decodeCaptionsBytes(bytes), name);
  } catch (error) {
    if (!(error instanceof CaptionsFormatError)) throw error;
    throw new LecternError(
      'invalid-input',
      `Lectern could not read the captions file "${name}": ${error.message}. Fix the file, or use a different one.`,
      { cause: error },
    );
  }
  if (parsed.cues.length === 0) {
    throw new LecternError('file-empty', `The captions file "${name}" has no captions in it.`);
  }
  return { ...parsed, language: languageFromFileName(name) ?? parsed.language };
}

function readFailure(filePath: string, error: unknown): LecternError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const name = path.basename(filePath);
  if (code === 'ENOENT') {
    return new LecternError('file-missing', `The captions file "${filePath}" does not exist. Check the path.`, {
      cause: error,
    });
  }
  if (code === 'EISDIR') {
    return new LecternError('file-unreadable', `The captions "${name}" is a folder, not a file.`, { cause: error });
  }
  return new LecternError(
    'file-unreadable',
    `Lectern could not open the captions file "${name}" (${code ?? 'unknown error'}). Check that you may read it.`,
    { cause: error },
  );
}
