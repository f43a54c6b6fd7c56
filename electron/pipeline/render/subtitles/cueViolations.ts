import { defaultCueRules, type Cue, type CueRules } from './cue.ts';

// Times are rounded to milliseconds; sums of rounded times carry float noise far below that.
const epsilon = 1e-6;

/**
 * Every way `cues` break the readable-subtitle rules for a clip of `clipDuration` seconds, as sentences naming the
 * cue; empty when they keep them all. A cue shorter than the minimum is allowed only when it already touches both its
 * neighbours (or the clip's edges), and a small gap only when closing it would make a cue too long.
 */
export function cueViolations(cues: readonly Cue[], clipDuration: number, rules: CueRules = defaultCueRules): string[] {
  const problems: string[] = [];
  cues.forEach((cue, k) => {
    const name = `cue ${k} (${cue.start}–${cue.end} "${cue.text.replace(/\n/g, ' / ')}")`;
    const duration = cue.end - cue.start;
    const lines = cue.text.split('\n');
    if (cue.text.trim() === '' || lines.some((line) => line.trim() === '')) problems.push(`${name} has an empty line`);
    if (lines.length > rules.maxLines) problems.push(`${name} has ${lines.length} lines`);
    for (const line of lines) {
      if (line.length > rules.maxCharsPerLine && /\s/.test(line)) problems.push(`${name} has a line over the limit`);
    }
    if (cue.start < -epsilon || cue.end > clipDuration + epsilon) problems.push(`${name} crosses the clip's edge`);
    if (duration <= 0) problems.push(`${name} has no duration`);
    if (duration > rules.maxDurationSec + epsilon) problems.push(`${name} lasts ${duration} s`);
    const previousEnd = k > 0 ? cues[k - 1]!.end : 0;
    const nextStart = k + 1 < cues.length ? cues[k + 1]!.start : clipDuration;
    const boxedIn = Math.abs(cue.start - previousEnd) < epsilon && Math.abs(cue.end - nextStart) < epsilon;
    if (duration < rules.minDurationSec - epsilon && !boxedIn) problems.push(`${name} is short but could be longer`);
    const next = cues[k + 1];
    if (!next) return;
    const gap = next.start - cue.end;
    if (gap < -epsilon) problems.push(`${name} overlaps the next cue`);
    const closable =
      next.start - cue.start <= rules.maxDurationSec + epsilon || next.end - cue.end <= rules.maxDurationSec + epsilon;
    if (gap > epsilon && gap < rules.minGapSec - epsilon && closable) problems.push(`${name} is followed by a blink`);
  });
  return problems;
}
