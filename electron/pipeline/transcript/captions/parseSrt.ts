import { splitLines, type Cue } from './cue.ts';
import { scanCueBlocks } from './cueBlocks.ts';
import { dedupeRollingCues } from './rollingCues.ts';

const expected = 'a cue number or a time line like "00:00:01,000 --> 00:00:04,000"';

/**
 * Reads SubRip (.srt) captions as Zoom, Panopto, YouTube and subtitle editors write them, forgiving what players
 * forgive: BOM, CRLF, missing cue numbers or blank lines, "." for ",", styling tags, `{\an8}` and rolling repeats.
 * Throws CaptionsFormatError naming the line when the file is not SRT. An empty file has no cues.
 */
export function parseSrt(text: string): Cue[] {
  const blocks = scanCueBlocks(splitLines(text), { expected });
  return dedupeRollingCues(blocks);
}
