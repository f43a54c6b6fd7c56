/**
 * A subtitle as a viewer sees it. Times are seconds on the clip's own timeline (0 = the clip's first frame); `text` is
 * already wrapped, its lines separated by "\n".
 */
export interface Cue {
  start: number;
  end: number;
  text: string;
}

/** The readable-subtitle limits every cue Lectern writes keeps (the BBC and Netflix timed-text guidelines agree). */
export interface CueRules {
  maxCharsPerLine: number;
  maxLines: number;
  /** Shorter cues flash by before they can be read: extended or merged where the neighbours allow. */
  minDurationSec: number;
  /** Longer cues are split: text on screen longer than this is re-read or ignored. */
  maxDurationSec: number;
  /** Gaps shorter than this between cues are closed, so the text does not blink off and on. */
  minGapSec: number;
}

export const defaultCueRules: CueRules = {
  maxCharsPerLine: 42,
  maxLines: 2,
  minDurationSec: 1,
  maxDurationSec: 7,
  minGapSec: 0.25,
};
