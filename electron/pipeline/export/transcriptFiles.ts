import type { Sentence } from '../../../shared/domain/transcript.ts';
import { sentenceCues, type CaptionCue } from './captionCues.ts';

/**
 * The whole lecture's transcript as captions a lecturer can upload next to the full recording (YouTube, Moodle,
 * Panopto). SRT for the widest player support, WebVTT for the web.
 */
export function transcriptSrt(sentences: readonly Sentence[]): string {
  return sentenceCues(sentences)
    .map((cue, index) => `${index + 1}\n${cueTiming(cue, ',')}\n${cue.lines.map(escapeSrt).join('\n')}\n`)
    .join('\n');
}

export function transcriptVtt(sentences: readonly Sentence[]): string {
  const cues = sentenceCues(sentences).map((cue) => `${cueTiming(cue, '.')}\n${cue.lines.map(escapeVtt).join('\n')}\n`);
  return ['WEBVTT\n', ...cues].join('\n');
}

/** `HH:MM:SS,mmm` for SRT, `HH:MM:SS.mmm` for WebVTT. */
export function captionTimestamp(ms: number, separator: ',' | '.'): string {
  const hours = Math.floor(ms / 3_600_000);
  const minutes = Math.floor((ms % 3_600_000) / 60_000);
  const seconds = Math.floor((ms % 60_000) / 1000);
  const millis = ms % 1000;
  const clock = [hours, minutes, seconds].map((n) => String(n).padStart(2, '0')).join(':');
  return `${clock}${separator}${String(millis).padStart(3, '0')}`;
}

/** SRT has no escapes, and players take a line holding "-->" for a timing line: the arrow is shortened. */
export function escapeSrt(line: string): string {
  return line.replace(/-{2,}>/g, '->');
}

/** WebVTT cue text is markup: a literal `<` or `&` would start a tag or an entity (W3C WebVTT §4.2.2). */
export function escapeVtt(line: string): string {
  return line.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function cueTiming(cue: CaptionCue, separator: ',' | '.'): string {
  return `${captionTimestamp(cue.startMs, separator)} --> ${captionTimestamp(cue.endMs, separator)}`;
}
