import type { Sentence, TimeRange, Word } from '../../../../shared/domain/transcript.ts';
import { splitWords } from './wrapLines.ts';

/**
 * The words of a sentence that are heard in a clip, on the clip's timeline (0 = clip start). A word belongs to the
 * clip when its middle does, as in the transcript stage's chunk stitching: a word cut in half at the edge is dropped
 * or kept whole, never shown for a sound the clip does not contain. Kept words are clamped to the clip's edges.
 */
export function clipWords(sentence: Sentence, clip: TimeRange): Word[] {
  const words = sentence.words && sentence.words.length > 0 ? trimmed(sentence.words) : estimatedWords(sentence);
  const kept: Word[] = [];
  for (const word of words) {
    const middle = (word.start + word.end) / 2;
    if (middle < clip.start || middle >= clip.end) continue;
    const start = Math.max(word.start, clip.start) - clip.start;
    const end = Math.min(word.end, clip.end) - clip.start;
    kept.push({ start, end: Math.max(start, end), text: word.text });
  }
  return kept;
}

// Whisper-style words carry their leading space (" Now"); some engines emit empty words for silences.
function trimmed(words: readonly Word[]): Word[] {
  return words.map((w) => ({ ...w, text: w.text.trim() })).filter((w) => w.text !== '');
}

/**
 * Caption-only transcripts time whole sentences: each word gets the share of the sentence's time that its characters
 * (and the space after it) have of the text, the usual estimate when no alignment exists (speech rate is roughly
 * constant within a sentence). The words are back to back: an estimate has no pauses to show.
 */
export function estimatedWords(sentence: Sentence): Word[] {
  const texts = splitWords(sentence.text);
  const totalChars = texts.join(' ').length + 1;
  const duration = Math.max(0, sentence.end - sentence.start);
  let offset = 0;
  return texts.map((text) => {
    const start = sentence.start + (duration * offset) / totalChars;
    offset += text.length + 1;
    return { start, end: sentence.start + (duration * offset) / totalChars, text };
  });
}
