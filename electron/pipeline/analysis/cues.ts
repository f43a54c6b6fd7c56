/**
 * Didactic moves a lecturer makes in a sentence: defining a term, summing up, giving an example, asking the room,
 * stating a formula or a quantity. These are what a student would replay, so they drive a segment's importance, and
 * each comes with the words that triggered it so the reason shown to the user can be checked against the transcript.
 *
 * Patterns work on lower-case, unpunctuated ASR text as well as on captions; only the audience-question test uses a
 * question mark, and it has a wording-only alternative for unpunctuated text.
 */

export type CueKind = 'definition' | 'summary' | 'example' | 'question' | 'formula';

export interface Cue {
  kind: CueKind;
  /** A short quote around the trigger, e.g. "work is defined as…". */
  quote: string;
}

const definitionPattern =
  /\b(?:is|are|was|were) (?:defined|called|known) as\b|\bwe (?:call|define|name) (?:this|that|it|them)\b|\bby definition\b|\bthe definition of\b|\b(?:is|are) what we call\b|\brefers? to\b|\bwhat we mean by\b/i;

const summaryPattern =
  /\b(?:the (?:key|main|important|crucial|central|big) (?:point|idea|thing|message|lesson|takeaway|result)|in summary|to summari[sz]e|to sum up|summing up|in conclusion|the bottom line|take-?home|keep in mind|remember (?:that|this)|most important(?:ly)?|the punch ?line|what you should remember)\b/i;

const examplePattern =
  /\b(?:for (?:example|instance)|e\.g\.|let me give you an? (?:example|demonstration)|here is an example|as an example|an example (?:of|would be|is)|suppose (?:that|you|we|i)|imagine (?:that|you|a|an))\b/i;

const audienceQuestionPattern =
  /\b(?:any questions|does any(?:one|body)|can any(?:one|body)|who (?:can|knows|has|wants)|what do you (?:think|expect|get)|how many of you|raise your hands?|do you (?:know|see|remember|agree)|would you (?:expect|guess)|why do you think)\b/i;

const formulaPattern =
  /[=×÷^√]|\b\d+(?:\.\d+)?\s*(?:%|percent|meters?|metres?|seconds?|kilograms?|grams?|joules?|newtons?|watts?|volts?|amps?|hertz|kelvin|degrees?|km|kg|cm|mm|ms|hz)\b|\b(?:equals|is equal to|squared|cubed|divided by|square root|to the power|proportional to|derivative of|integral of)\b/i;

const leadingFillers = /^(?:(?:and|so|now|okay|ok|well|but|then|um|uh|alright|right)\b[\s,]*)+/i;
const quoteWordsAfter = 2;
const maxQuoteChars = 48;

/**
 * The trigger with a few words of context, fillers trimmed, ending in "…" when the sentence goes on. Definitions get
 * three words before the trigger: "work is defined as" names the term, "is defined as" does not.
 */
export function quoteAround(
  text: string,
  index: number,
  length: number,
  wordsBefore = 1,
  wordsAfter = quoteWordsAfter,
): string {
  const before = wordsBefore > 0 ? text.slice(0, index).trim().split(/\s+/).filter(Boolean).slice(-wordsBefore) : [];
  const after = text
    .slice(index + length)
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  const shown = after.slice(0, wordsAfter);
  let quote = [...before, text.slice(index, index + length), ...shown].filter(Boolean).join(' ');
  quote = quote
    .replace(/\s+([,.;:?!'])/g, '$1')
    .replace(leadingFillers, '')
    .replace(/[,;:]$/, '');
  const truncated = after.length > shown.length || quote.length > maxQuoteChars;
  if (quote.length > maxQuoteChars) quote = quote.slice(0, maxQuoteChars).replace(/\s+\S*$/, '');
  return truncated ? `${quote}…` : quote;
}

function match(kind: CueKind, pattern: RegExp, text: string): Cue | null {
  const m = pattern.exec(text);
  return m ? { kind, quote: quoteAround(text, m.index, m[0].length, kind === 'definition' ? 3 : 1) } : null;
}

function isAudienceQuestion(text: string): Cue | null {
  const worded = match('question', audienceQuestionPattern, text);
  if (worded) return worded;
  // A question mark alone is often rhetorical ("why? because…"); addressed to "you" it is asked of the room.
  const trimmed = text.trim();
  if (trimmed.endsWith('?') && /\b(?:you|anyone|anybody)\b/i.test(trimmed)) {
    return { kind: 'question', quote: quoteAround(trimmed, 0, 0, 0, 6) };
  }
  return null;
}

/** Every kind of cue found in one sentence, at most one of each. */
export function detectCues(text: string): Cue[] {
  const cues: Cue[] = [];
  for (const cue of [
    match('definition', definitionPattern, text),
    match('summary', summaryPattern, text),
    match('example', examplePattern, text),
    isAudienceQuestion(text),
    match('formula', formulaPattern, text),
  ]) {
    if (cue) cues.push(cue);
  }
  return cues;
}
