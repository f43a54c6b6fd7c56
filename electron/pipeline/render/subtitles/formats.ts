import type { Cue } from './cue.ts';

/**
 * SubRip: numbered blocks, `hh:mm:ss,mmm --> hh:mm:ss,mmm`, blank line between blocks. SRT has no escape mechanism,
 * so text that would be read as structure is rewritten: a blank line would end the block, and a line holding "-->"
 * is taken for a timing line by players, so arrows are shortened to "->".
 */
export function toSrt(cues: readonly Cue[]): string {
  return cues
    .map((cue, k) => {
      const text = cueLines(cue.text)
        .map((line) => line.replace(/-{2,}>/g, '->'))
        .join('\n');
      return `${k + 1}\n${timestamp(cue.start, ',')} --> ${timestamp(cue.end, ',')}\n${text}\n`;
    })
    .join('\n');
}

/**
 * WebVTT (W3C WebVTT §4): the `WEBVTT` header, then `hh:mm:ss.mmm --> hh:mm:ss.mmm` blocks. Cue text is markup, so
 * `&`, `<` and `>` are written as character references; that also keeps "-->", which cue text must not contain, out.
 */
export function toVtt(cues: readonly Cue[]): string {
  const blocks = cues.map((cue) => {
    const text = cueLines(cue.text)
      .map((line) => line.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'))
      .join('\n');
    return `${timestamp(cue.start, '.')} --> ${timestamp(cue.end, '.')}\n${text}\n`;
  });
  return ['WEBVTT\n', ...blocks].join('\n');
}

/** The cue's non-empty lines: an empty line inside a cue would end it in both formats. */
function cueLines(text: string): string[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** `hh:mm:ss<sep>mmm`, rounded to the millisecond as a whole so 59.9996 s becomes 00:01:00.000, not 00:00:60.000. */
export function timestamp(seconds: number, separator: ',' | '.'): string {
  const totalMs = Math.max(0, Math.round(seconds * 1000));
  const ms = totalMs % 1000;
  const totalSeconds = Math.floor(totalMs / 1000);
  const h = Math.floor(totalSeconds / 3600);
  const m = Math.floor(totalSeconds / 60) % 60;
  const s = totalSeconds % 60;
  return `${pad(h, 2)}:${pad(m, 2)}:${pad(s, 2)}${separator}${pad(ms, 3)}`;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}
