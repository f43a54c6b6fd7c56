import type { Cue } from './cue.ts';
import { splitLines } from './cue.ts';

/** A typical lecture speaking rate, to give an untimed transcript plausible times. */
export const secondsPerSpokenWord = 60 / 150;
const segmentMarker = /^=+$/;

/**
 * A plain-text transcript (one sentence or paragraph per line, as exported by many tools, or the `.ref` files of
 * segmentation corpora with `==========` between topics). It has no times, so each line gets a duration from its word
 * count; good enough to find topics, not to cut clips.
 */
export function parsePlainText(text: string): Cue[] {
  const cues: Cue[] = [];
  let clock = 0;
  for (const raw of splitLines(text)) {
    const line = raw.trim();
    if (line.length === 0 || segmentMarker.test(line)) continue;
    const duration = line.split(/\s+/).length * secondsPerSpokenWord;
    cues.push({ start: clock, end: clock + duration, text: line, words: null });
    clock += duration;
  }
  return cues;
}
