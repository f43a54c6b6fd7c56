import { describe, expect, it } from 'vitest';
import type { Cue } from './cue.ts';
import { toSentences } from './toSentences.ts';

const cue = (start: number, end: number, text: string): Cue => ({ start, end, text, words: null });

/** A word stream like an ASR engine's: one cue per word, `gapAfter` seconds of silence after the given word indices. */
function wordStream(count: number, pauses: Record<number, number> = {}, text = (i: number) => `w${i}`): Cue[] {
  const cues: Cue[] = [];
  let t = 0;
  for (let i = 0; i < count; i++) {
    cues.push({ start: t, end: t + 0.3, text: text(i), words: null });
    t += 0.35 + (pauses[i] ?? 0);
  }
  return cues;
}

describe('toSentences', () => {
  it('merges a sentence that runs over several cues and splits cues that hold several sentences', () => {
    const sentences = toSentences([
      cue(0, 2, 'Energy is conserved'),
      cue(2, 4, 'in a closed system. Now the'),
      cue(5, 6, 'pendulum.'),
    ]);
    expect(sentences.map((s) => s.text)).toEqual(['Energy is conserved in a closed system.', 'Now the pendulum.']);
    expect(sentences[0]).toMatchObject({ start: 0, words: null });
    // "in a closed system." is 16 of the cue's 22 visible characters: 2 + 2 * 16/22.
    expect(sentences[0]?.end).toBe(3.455);
    expect(sentences[1]).toMatchObject({ start: 3.455, end: 6, words: null });
  });

  it('takes sentence times from word times when the cue has them', () => {
    const words = [
      { start: 0.2, end: 0.5, text: 'Hello.' },
      { start: 1.1, end: 1.4, text: 'It' },
      { start: 1.4, end: 1.9, text: 'works.' },
    ];
    expect(toSentences([{ start: 0, end: 3, text: 'Hello. It works.', words }])).toEqual([
      { start: 0.2, end: 0.5, text: 'Hello.', words: [words[0]] },
      { start: 1.1, end: 1.9, text: 'It works.', words: words.slice(1) },
    ]);
  });

  it('treats a lone one-word cue among ordinary captions as a caption, not a word time', () => {
    const sentences = toSentences([cue(0, 2, 'Okay.'), cue(2, 4, 'Let us begin.')]);
    expect(sentences.map((s) => [s.text, s.words])).toEqual([
      ['Okay.', null],
      ['Let us begin.', null],
    ]);
  });

  it('keeps the times of a file of one-word cues as word times', () => {
    const sentences = toSentences([cue(1, 1.4, 'Physics'), cue(1.4, 2, 'works.')]);
    expect(sentences).toEqual([
      {
        start: 1,
        end: 2,
        text: 'Physics works.',
        words: [
          { start: 1, end: 1.4, text: 'Physics' },
          { start: 1.4, end: 2, text: 'works.' },
        ],
      },
    ]);
  });

  it('does not end a sentence at "Dr." or at a full stop followed by a lower-case word', () => {
    const sentences = toSentences([cue(0, 5, 'Dr. Lewin works for the U.S. government. He teaches e.g. physics.')]);
    expect(sentences.map((s) => s.text)).toEqual([
      'Dr. Lewin works for the U.S. government.',
      'He teaches e.g. physics.',
    ]);
  });

  it('splits an unpunctuated word stream at pauses longer than 0.7 s', () => {
    const sentences = toSentences(wordStream(40, { 9: 1.0, 24: 0.8, 30: 0.5 }));
    expect(sentences.map((s) => s.words?.length)).toEqual([10, 15, 15]);
    expect(sentences[1]?.start).toBeCloseTo(10 * 0.35 + 1.0, 6);
  });

  it('splits a long stream without pauses into pieces of at most 30 words, preferring commas', () => {
    const sentences = toSentences(wordStream(50, {}, (i) => (i === 19 ? 'w19,' : `w${i}`)));
    expect(sentences.map((s) => s.words?.length)).toEqual([20, 30]);
    const long = toSentences(wordStream(200));
    expect(long.every((s) => (s.words?.length ?? 0) <= 30 && (s.words?.length ?? 0) >= 3)).toBe(true);
    expect(long.map((s) => s.words?.length ?? 0).reduce((a, b) => a + b, 0)).toBe(200);
  });

  it('rejoins a one-word fragment left by a pause', () => {
    const sentences = toSentences(wordStream(40, { 0: 0.9, 20: 2 }));
    expect(sentences.map((s) => s.words?.length)).toEqual([21, 19]);
  });

  it('never lets a caption-only sentence run for minutes', () => {
    const cues = Array.from({ length: 60 }, (_, i) => cue(i * 4, i * 4 + 3.9, 'and then we keep talking about it'));
    const sentences = toSentences(cues);
    expect(Math.max(...sentences.map((s) => s.end - s.start))).toBeLessThanOrEqual(30);
    expect(sentences.every((s) => s.words === null)).toBe(true);
    expect(sentences.map((s) => s.text).join(' ')).toBe(cues.map((c) => c.text).join(' '));
  });

  it('has no sentences without cues', () => {
    expect(toSentences([])).toEqual([]);
    expect(toSentences([cue(0, 1, '   ')])).toEqual([]);
  });
});
