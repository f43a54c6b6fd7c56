import type { Cue, CueRules } from './cue.ts';
import { splitWords, wrapLines } from './wrapLines.ts';

/**
 * Makes the cues of a whole clip (in order, clip timeline) readable as a sequence: none overlaps the next or leaves
 * [0, clipDuration]; none lasts longer than `maxDurationSec`; a cue shorter than `minDurationSec` is stretched into
 * the silence around it, or else merged with a neighbour; gaps under `minGapSec` are closed. Times end up rounded to
 * milliseconds, the precision of SRT and WebVTT, so that what is written is what was checked.
 */
export function settleTiming(input: readonly Cue[], clipDuration: number, rules: CueRules): Cue[] {
  // Rounded first as well, so the limits below are checked on the grid the times are written on.
  let cues = input.map((cue) => ({
    ...cue,
    start: roundMs(clamp(cue.start, 0, clipDuration)),
    end: roundMs(clamp(Math.min(cue.end, cue.start + rules.maxDurationSec), 0, clipDuration)),
  }));
  cues = removeOverlaps(cues);
  cues = stretchShort(cues, clipDuration, rules);
  cues = mergeShort(cues, rules);
  cues = closeSmallGaps(cues, rules);
  return cues
    .map((cue) => ({ ...cue, start: roundMs(cue.start), end: roundMs(cue.end) }))
    .filter((cue) => cue.end > cue.start);
}

/**
 * Transcripts are ordered, but engines can emit a segment that starts before the previous one ends, two captions can
 * start at the same moment (two speakers, or a rolling caption repeated), and a sentence can have no time of its own.
 * Words someone said are never dropped for that: an overlap is cut at the next start, and cues that start together
 * are shown one after the other, sharing their time by length. A cue with no time keeps its place; stretchShort gives
 * it the silence around it, and mergeShort a neighbour to share with when there is none.
 */
function removeOverlaps(cues: Cue[]): Cue[] {
  // Stable: cues that start together stay in transcript order.
  const sorted = [...cues].sort((a, b) => a.start - b.start);
  for (let k = 0; k + 1 < sorted.length; k++) {
    const cue = sorted[k]!;
    const next = sorted[k + 1]!;
    if (next.start > cue.start) {
      cue.end = Math.min(cue.end, next.start);
      continue;
    }
    const end = Math.max(cue.end, next.end);
    const share = cue.text.length / Math.max(1, cue.text.length + next.text.length);
    cue.end = roundMs(cue.start + (end - cue.start) * share);
    next.start = cue.end;
    next.end = end;
  }
  return sorted;
}

/** Shows a short cue longer, first into the silence after it (text lingers naturally), then before it. */
function stretchShort(cues: Cue[], clipDuration: number, rules: CueRules): Cue[] {
  cues.forEach((cue, k) => {
    if (cue.end - cue.start >= rules.minDurationSec) return;
    const nextStart = cues[k + 1]?.start ?? clipDuration;
    cue.end = Math.max(cue.end, Math.min(cue.start + rules.minDurationSec, nextStart));
    const previousEnd = cues[k - 1]?.end ?? 0;
    cue.start = Math.min(cue.start, Math.max(cue.end - rules.minDurationSec, previousEnd));
  });
  return cues;
}

/** Joins a cue still too short to read with the closer neighbour whose text and time it can share. */
function mergeShort(cues: Cue[], rules: CueRules): Cue[] {
  const result = [...cues];
  for (let k = 0; k < result.length;) {
    const cue = result[k]!;
    if (cue.end - cue.start >= rules.minDurationSec) {
      k++;
      continue;
    }
    const before = k > 0 ? merged(result[k - 1]!, cue, rules) : null;
    const after = k + 1 < result.length ? merged(cue, result[k + 1]!, rules) : null;
    const gapBefore = k > 0 ? cue.start - result[k - 1]!.end : Infinity;
    const gapAfter = k + 1 < result.length ? result[k + 1]!.start - cue.end : Infinity;
    if (before && (!after || gapBefore <= gapAfter)) {
      result.splice(k - 1, 2, before);
      k--;
    } else if (after) {
      result.splice(k, 2, after);
    } else {
      k++;
    }
  }
  return result;
}

function merged(first: Cue, second: Cue, rules: CueRules): Cue | null {
  if (second.end - first.start > rules.maxDurationSec) return null;
  const lines = wrapLines(splitWords(`${first.text} ${second.text}`).join(' '), rules);
  return lines ? { start: first.start, end: second.end, text: lines.join('\n') } : null;
}

/** Chains cues separated by a blink: the earlier one stays up until the next appears. */
function closeSmallGaps(cues: Cue[], rules: CueRules): Cue[] {
  for (let k = 0; k + 1 < cues.length; k++) {
    const cue = cues[k]!;
    const next = cues[k + 1]!;
    const gap = next.start - cue.end;
    if (gap <= 0 || gap >= rules.minGapSec) continue;
    if (next.start - cue.start <= rules.maxDurationSec) cue.end = next.start;
    else if (next.end - cue.end <= rules.maxDurationSec) next.start = cue.end;
  }
  return cues;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

export function roundMs(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}
