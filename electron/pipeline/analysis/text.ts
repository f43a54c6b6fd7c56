import { porterStem } from './stem.ts';
import { englishStopwords, numberWords } from './stopwords.ts';

/**
 * Words and key phrases of a transcript. Works on both punctuated captions and the lower-case, unpunctuated output of
 * speech recognisers, so nothing here relies on capital letters or sentence punctuation.
 */

export interface KeyPhrase {
  /** Stems joined by spaces: what is counted, so "moving objects" and "moving object" are one phrase. */
  key: string;
  /** The surface form seen most often, original case kept ("Newton's law" stays "Newton"), for showing to people. */
  text: string;
  score: number;
  count: number;
}

/** Word tokens in their original case. "don't" and the pre-tokenised "don 't" both give "don". */
function wordTokens(text: string): string[] {
  const words = text.replace(/[\u2018\u2019`]/g, "'").match(/[A-Za-z0-9]+(?:'[A-Za-z]+)*/g) ?? [];
  return words.map((w) => {
    const apostrophe = w.indexOf("'");
    return apostrophe < 0 ? w : w.slice(0, apostrophe);
  });
}

/** Lower-case word tokens; "don't" becomes "don", which is a stopword. */
export function tokenize(text: string): string[] {
  return wordTokens(text).map((w) => w.toLowerCase());
}

/** A word that carries content: alphabetic, three letters or more, not a function word or a filler. */
export function isContentWord(token: string): boolean {
  return token.length >= 3 && /^[a-z]+$/.test(token) && !englishStopwords.has(token);
}

/** A content word that can name a topic, which a number word cannot. */
export function isTopicWord(token: string): boolean {
  return isContentWord(token) && !numberWords.has(token);
}

// Lectures repeat a few thousand word forms; stemming each once keeps a 60-minute transcript well under a second.
const stemCache = new Map<string, string>();

export function stem(token: string): string {
  let s = stemCache.get(token);
  if (s === undefined) {
    if (stemCache.size > 50_000) stemCache.clear();
    s = porterStem(token);
    stemCache.set(token, s);
  }
  return s;
}

/** The stems of a text's content words, in order, repeats kept (counts are the lexical-cohesion signal). */
export function contentStems(text: string): string[] {
  const stems: string[] = [];
  for (const token of tokenize(text)) if (isContentWord(token)) stems.push(stem(token));
  return stems;
}

const maxPhraseWords = 3;

/**
 * A crude stand-in for a part-of-speech tagger: an adverb is never part of a topic phrase, and a multi-word phrase
 * ending in a past participle ("energy conserved") is a clause fragment rather than a noun phrase.
 */
function canEndPhrase(token: string, words: number): boolean {
  if (token.endsWith('ly')) return false;
  return words === 1 || !token.endsWith('ed');
}

/**
 * Noun-phrase-ish candidates: n-grams of up to three consecutive content words that no function word, number or
 * punctuation interrupts.
 */
export function phraseCandidates(text: string): { key: string; text: string }[] {
  const candidates: { key: string; text: string }[] = [];
  // Punctuation ends a run as a function word does; in unpunctuated ASR text only function words do.
  for (const clause of text.split(/[.,;:!?()"[\]{}\u2013\u2014]|\s-\s/)) {
    let run: string[] = [];
    const flush = () => {
      for (let i = 0; i < run.length; i++) {
        if (run[i]!.toLowerCase().endsWith('ly')) continue;
        for (let n = 1; n <= maxPhraseWords && i + n <= run.length; n++) {
          const words = run.slice(i, i + n);
          if (words.some((w) => w.toLowerCase().endsWith('ly')) || !canEndPhrase(words[n - 1]!.toLowerCase(), n)) {
            continue;
          }
          candidates.push({ key: words.map((w) => stem(w.toLowerCase())).join(' '), text: words.join(' ') });
        }
      }
      run = [];
    };
    for (const token of wordTokens(clause)) {
      if (isTopicWord(token.toLowerCase())) run.push(token);
      else flush();
    }
    flush();
  }
  return candidates;
}

interface PhraseStats {
  count: number;
  surfaces: Map<string, number>;
}

function countPhrases(sentences: readonly string[]): Map<string, PhraseStats> {
  const stats = new Map<string, PhraseStats>();
  for (const sentence of sentences) {
    for (const { key, text } of phraseCandidates(sentence)) {
      let s = stats.get(key);
      if (!s) {
        s = { count: 0, surfaces: new Map() };
        stats.set(key, s);
      }
      s.count++;
      s.surfaces.set(text, (s.surfaces.get(text) ?? 0) + 1);
    }
  }
  return stats;
}

function capitals(text: string): number {
  return text.replace(/[^A-Z]/g, '').length;
}

function mostFrequentSurface(surfaces: Map<string, number>): string {
  let best = '';
  let bestCount = -1;
  for (const [text, count] of surfaces) {
    // On a tie the form with fewer capitals wins (a capital is more often sentence-initial than a proper noun),
    // then the alphabetically first, so that the result never depends on Map insertion order.
    const better =
      count > bestCount ||
      (count === bestCount && (capitals(text) < capitals(best) || (capitals(text) === capitals(best) && text < best)));
    if (better) {
      best = text;
      bestCount = count;
    }
  }
  return best;
}

/** True when one phrase's stems are a contiguous part of the other's: "energy" inside "kinetic energy". */
function overlaps(a: string, b: string): boolean {
  return ` ${a} `.includes(` ${b} `) || ` ${b} `.includes(` ${a} `);
}

/**
 * Key phrases of each document (a segment's sentences), scored by TF-IDF against the other documents of the same
 * lecture: what a part says more than the rest of the lecture does. Longer phrases get a bonus because "kinetic
 * energy" names a topic more precisely than "energy"; a phrase overlapping a better one is dropped so a list does not
 * read "kinetic energy, kinetic, energy".
 */
export function rankKeyPhrases(documents: readonly (readonly string[])[], limit = 8): KeyPhrase[][] {
  const perDocument = documents.map(countPhrases);
  const documentFrequency = new Map<string, number>();
  for (const stats of perDocument) {
    for (const key of stats.keys()) documentFrequency.set(key, (documentFrequency.get(key) ?? 0) + 1);
  }
  const n = documents.length;
  return perDocument.map((stats) => {
    const scored: KeyPhrase[] = [];
    for (const [key, s] of stats) {
      const words = key.split(' ').length;
      // A multi-word phrase said once is usually an accident of adjacency, not a term.
      if (words > 1 && s.count < 2) continue;
      const idf = Math.log(1 + n / (documentFrequency.get(key) ?? 1));
      const score = (1 + Math.log(s.count)) * idf * (1 + 0.5 * (words - 1));
      scored.push({ key, text: mostFrequentSurface(s.surfaces), score, count: s.count });
    }
    scored.sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const chosen: KeyPhrase[] = [];
    for (const phrase of scored) {
      if (chosen.length >= limit) break;
      if (chosen.some((c) => overlaps(c.key, phrase.key))) continue;
      chosen.push(phrase);
    }
    return chosen;
  });
}
