import type { Sentence, TimeRange } from '../../../../shared/domain/transcript.ts';
import { clipWords, estimatedWords } from './clipWords.ts';
import { defaultCueRules, type Cue, type CueRules } from './cue.ts';
import { splitSentence } from './splitSentence.ts';
import { roundMs, settleTiming } from './timing.ts';
import { splitWords, wrapLines } from './wrapLines.ts';

/**
 * The lecturer's corrections, by index of the cue they replace: a string replaces that cue's text (an empty one
 * removes the cue), null or a missing entry keeps it.
 */
export type EditedCueTexts = readonly (string | null | undefined)[];

export interface BuildCuesOptions extends Partial<CueRules> {
  editedTexts?: EditedCueTexts;
}

/**
 * Subtitles for one clip: the transcript's words heard between `clip.start` and `clip.end` (source timeline), as cues
 * timed from the clip's first frame, each at most `maxLines` lines of `maxCharsPerLine` and on screen between
 * `minDurationSec` (where the silence around it allows) and `maxDurationSec`. Sentences without word times are timed
 * by sharing their time out by characters. The same input always gives the same cues, so edits stay attached.
 */
export function buildClipCues(sentences: readonly Sentence[], clip: TimeRange, options: BuildCuesOptions = {}): Cue[] {
  const rules = cueRules(options);
  const clipDuration = clip.end - clip.start;
  if (!(clipDuration > 0)) return [];
  const cues = sentences.flatMap((sentence) => splitSentence(clipWords(sentence, clip), rules));
  const settled = settleTiming(cues, clipDuration, rules);
  return options.editedTexts ? applyEditedText(settled, options.editedTexts, rules) : settled;
}

/**
 * Puts the lecturer's corrected texts on the cues they edited: times are kept and lines re-wrapped. A correction too
 * long for one cue is shared out over that cue's time as several, so the line limits still hold.
 */
export function applyEditedText(
  cues: readonly Cue[],
  edited: EditedCueTexts,
  rules: Partial<CueRules> = defaultCueRules,
): Cue[] {
  const limits = cueRules(rules);
  return cues.flatMap((cue, k) => {
    const text = edited[k];
    return text === null || text === undefined ? [cue] : spreadText(text, cue, limits);
  });
}

function spreadText(text: string, cue: Cue, rules: CueRules): Cue[] {
  const oneCue = wrapLines(text, rules);
  if (oneCue) return oneCue.length === 0 ? [] : [{ ...cue, text: oneCue.join('\n') }];
  const words = estimatedWords({ start: cue.start, end: cue.end, text: splitWords(text).join(' '), words: null });
  const pieces = splitSentence(words, rules);
  // Back to back and within the edited cue's own time, so nothing moves relative to its neighbours.
  return pieces.map((piece, k) => ({
    text: piece.text,
    start: k === 0 ? cue.start : roundMs(piece.start),
    end: k === pieces.length - 1 ? cue.end : roundMs(pieces[k + 1]!.start),
  }));
}

function cueRules(options: Partial<CueRules>): CueRules {
  return {
    maxCharsPerLine: options.maxCharsPerLine ?? defaultCueRules.maxCharsPerLine,
    maxLines: options.maxLines ?? defaultCueRules.maxLines,
    minDurationSec: options.minDurationSec ?? defaultCueRules.minDurationSec,
    maxDurationSec: options.maxDurationSec ?? defaultCueRules.maxDurationSec,
    minGapSec: options.minGapSec ?? defaultCueRules.minGapSec,
  };
}
