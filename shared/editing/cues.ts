import type { ClipCue } from '../domain/clip.ts';
import type { Sentence, TimeRange } from '../domain/transcript.ts';

/** A cue shorter than this after trimming would flash by unread; it is dropped. */
const shortestCueSec = 0.2;

const round = (t: number) => Math.round(t * 1000) / 1000;

/**
 * The lecturer's corrected cues (timed from the clip's start) after the clip moves from `before` to `after` on the
 * recording: each keeps its place in the recording, cues now outside the clip are dropped and those across an edge are
 * cut at it. Without this a trim after a correction would leave subtitles running past the clip's end. A stretch the
 * clip grew by was never reviewed, so it gets the transcript's sentences heard there (the renderer wraps and splits
 * them like any correction); without `sentences` it stays without subtitles.
 */
export function retimeCues(
  cues: readonly ClipCue[],
  before: TimeRange,
  after: TimeRange,
  sentences: readonly Sentence[] = [],
): ClipCue[] {
  const shift = before.start - after.start;
  const length = after.end - after.start;
  const kept = cues.flatMap((cue) => {
    const start = Math.max(0, cue.start + shift);
    const end = Math.min(length, cue.end + shift);
    return end - start >= shortestCueSec ? [{ start: round(start), end: round(end), text: cue.text }] : [];
  });
  const grown: TimeRange[] = [
    ...(after.start < before.start ? [{ start: after.start, end: Math.min(before.start, after.end) }] : []),
    ...(after.end > before.end ? [{ start: Math.max(before.end, after.start), end: after.end }] : []),
  ];
  const added = grown.flatMap((stretch) => transcriptCues(sentences, stretch, after.start));
  return [...kept, ...added].sort((a, b) => a.start - b.start);
}

/** A cue per sentence heard in `stretch` (its middle inside), cut to it, timed from `clipStart`. */
function transcriptCues(sentences: readonly Sentence[], stretch: TimeRange, clipStart: number): ClipCue[] {
  return sentences.flatMap((sentence) => {
    const middle = (sentence.start + sentence.end) / 2;
    if (middle < stretch.start || middle >= stretch.end || !sentence.text.trim()) return [];
    const start = Math.max(sentence.start, stretch.start) - clipStart;
    const end = Math.min(sentence.end, stretch.end) - clipStart;
    return end - start >= shortestCueSec ? [{ start: round(start), end: round(end), text: sentence.text.trim() }] : [];
  });
}

/** The cues with line `index` reading `text`: what the editor saves as the clip's corrected subtitles. */
export function withCueText(cues: readonly ClipCue[], index: number, text: string): ClipCue[] {
  return cues.map((cue, i) => (i === index ? { ...cue, text } : cue));
}
