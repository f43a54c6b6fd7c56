import { CaptionsFormatError, splitLines, type Cue } from './cue.ts';
import { scanCueBlocks } from './cueBlocks.ts';
import { dedupeRollingCues } from './rollingCues.ts';

const expected = 'a cue identifier or a time line like "00:01.000 --> 00:04.000"';
const skippedBlock = /^(?:WEBVTT|NOTE|STYLE|REGION)(?:[ \t]|$)/;

/**
 * Reads WebVTT (.vtt) captions: header, NOTE/STYLE/REGION blocks, cue identifiers and settings, hours-less times,
 * markup and entities. YouTube's automatic captions carry a timestamp before each word; those become word times.
 * Throws CaptionsFormatError naming the line when the file is not WebVTT.
 */
export function parseVtt(text: string): Cue[] {
  const lines = splitLines(text);
  if (!/^WEBVTT(?:[ \t].*)?$/.test(lines[0] ?? '')) {
    throw new CaptionsFormatError('line 1', 'a WebVTT file must start with "WEBVTT"');
  }
  const blocks = scanCueBlocks(lines, { expected, isSkippedBlock: (line) => skippedBlock.test(line) });
  return dedupeRollingCues(blocks);
}

/** The `Language: en` line YouTube and yt-dlp put in the header; null when there is none. */
export function readVttLanguage(text: string): string | null {
  for (const line of splitLines(text).slice(1)) {
    if (line === '' || line.includes('-->')) return null;
    const match = /^Language:\s*(\S+)\s*$/i.exec(line);
    if (match?.[1]) return match[1];
  }
  return null;
}
