/**
 * How bad it is to break a subtitle between two words, as a line break inside a cue or as the split between two cues.
 * Subtitle guidelines (BBC Subtitle Guidelines §"Line breaks", Netflix Timed Text Style Guide) break at punctuation
 * first, then before a conjunction or preposition, and never leave an article, preposition or conjunction dangling at a
 * line's end, so that each line reads as a phrase.
 */

const sentenceEnd = /[.?!…]["'”’)\]]*$/;
// A comma or colon, or a dash standing alone as a word ("energy – it").
const clauseEnd = /[,;:–—]["'”’)\]]*$|^-$/;

// Words a new phrase starts with: breaking before them keeps the phrase whole.
const conjunctions = wordSet(
  'and but or nor so yet because since although though while whereas if unless until when whenever where which who whom whose that then than as',
);

const prepositions = wordSet(
  'of in on at to for with from by about into onto over under between through during after before without within against among across towards toward upon like per via',
);

// Words that lean on the next one: a line ending with them reads as cut off.
const determiners = wordSet(
  "a an the my your his her its our their this these those some any no every each very i i'm i've i'll i'd we they he she you not",
);

/** 0 (ideal) to 3 (avoid): the cost of a break between `before` and `after`; a pause in speech makes any break better. */
export function breakPenalty(before: string, after: string, pauseSec = 0): number {
  const penalty = textPenalty(before, after);
  return pauseSec >= 0.3 ? penalty * 0.4 : penalty;
}

function textPenalty(before: string, after: string): number {
  if (sentenceEnd.test(before)) return 0;
  if (clauseEnd.test(before)) return 0.2;
  const last = bareWord(before);
  const next = bareWord(after);
  if (conjunctions.has(last) || prepositions.has(last) || determiners.has(last)) return 3;
  // "15 | kilograms", "10 | %": a number belongs with its unit.
  if (/\d$/.test(last) && !/^\d/.test(next)) return 2;
  if (conjunctions.has(next)) return 0.4;
  if (prepositions.has(next)) return 0.6;
  return 1;
}

function bareWord(word: string): string {
  return word
    .toLowerCase()
    .replace(/[’]/g, "'")
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}']+$/gu, '');
}

function wordSet(words: string): ReadonlySet<string> {
  return new Set(words.split(' '));
}
