import type { ClipCue } from '../domain/clip.ts';
import type { TimeRange } from '../domain/transcript.ts';

/** A cue shorter than this after trimming would flash by unread; it is dropped. */
const shortestCueSec = 0.2;

/**
 * The lecturer's corrected cues (timed from the clip's start) after the clip moves from `before` to `after` on the
 * recording: each keeps its place in the recording, cues now outside the clip are dropped and those across an edge are
 * cut at it. Without this a trim after a correction would leave subtitles running past the clip's end.
 */
export function retimeCues(cues: readonly ClipCue[], before: TimeRange, after: TimeRange): ClipCue[] {
  const shift = before.start - after.start;
  const length = after.end - after.start;
  const round = (t: number) => Math.round(t * 1000) / 1000;
  return cues.flatMap((cue) => {
    const start = Math.max(0, cue.start + shift);
    const end = Math.min(length, cue.end + shift);
    return end - start >= shortestCueSec ? [{ start: round(start), end: round(end), text: cue.text }] : [];
  });
}

/** The cues with line `index` reading `text`: what the editor saves as the clip's corrected subtitles. */
export function withCueText(cues: readonly ClipCue[], index: number, text: string): ClipCue[] {
  return cues.map((cue, i) => (i === index ? { ...cue, text } : cue));
}
