import { describe, expect, it } from 'vitest';
import type { Sentence } from '../../../../shared/domain/transcript.ts';
import { applyEditedText, buildClipCues } from './buildCues.ts';
import { cueViolations } from './cueViolations.ts';

/** A sentence whose words are spoken evenly from `start` to `end`, each followed by a 0.05 s breath. */
function timedSentence(text: string, start: number, end: number): Sentence {
  const texts = text.split(' ');
  const step = (end - start) / texts.length;
  const words = texts.map((t, i) => ({ start: start + i * step, end: start + (i + 1) * step - 0.05, text: t }));
  return { start, end: words.at(-1)!.end, text, words };
}

function untimed(sentence: Sentence): Sentence {
  return { ...sentence, words: null };
}

function allText(cues: { text: string }[]): string {
  return cues.map((c) => c.text.replace(/\n/g, ' ')).join(' ');
}

const longText =
  'Now I am such a strong believer of the conservation of mechanical energy that I am willing to put my life on the ' +
  'line, because if I release that bob from a certain height then that bob can never come back to a point where the ' +
  'height is any larger than where it started.';

describe('buildClipCues', () => {
  it('times cues from the clip start', () => {
    const sentence = timedSentence('I have here a pendulum.', 100, 103.05);
    expect(buildClipCues([sentence], { start: 99, end: 110 })).toEqual([
      { start: 1, end: 4, text: 'I have here a pendulum.' },
    ]);
  });

  it('splits a 20 s sentence into 1–7 s cues at word times, keeping every word in order', () => {
    const sentence = timedSentence(longText, 100, 120.05);
    const cues = buildClipCues([sentence], { start: 95, end: 130 });
    expect(cueViolations(cues, 35)).toEqual([]);
    expect(cues.length).toBeGreaterThanOrEqual(3);
    expect(allText(cues)).toBe(longText);
    const wordStarts = sentence.words!.map((w) => Math.round((w.start - 95) * 1000) / 1000);
    for (const cue of cues) expect(wordStarts).toContain(cue.start);
    // Splits fall between phrases: no cue leaves an article, preposition or conjunction hanging.
    for (const cue of cues) expect(cue.text).not.toMatch(/\b(?:a|the|of|to|and|that|if)$/);
  });

  it('without word times shares the sentence time out by characters', () => {
    const sentence = { ...untimed(timedSentence(longText, 100, 120)), end: 120 };
    const cues = buildClipCues([sentence], { start: 95, end: 130 });
    expect(cueViolations(cues, 35)).toEqual([]);
    expect(allText(cues)).toBe(longText);
    let charsBefore = 0;
    cues.forEach((cue, k) => {
      const expectedStart = 5 + (20 * charsBefore) / (longText.length + 1);
      if (k > 0) expect(cue.start).toBeCloseTo(expectedStart, 2);
      charsBefore += cue.text.replace(/\n/g, ' ').length + 1;
    });
    expect(cues.at(-1)!.end).toBe(25);
  });

  it('drops words outside the clip and clips the cues to its edges', () => {
    const first = timedSentence('so the energy that we put in comes back out', 8, 13); // 10 words, 0.5 s each
    const last = timedSentence('and the bob will swing all the way back up', 18, 23);
    const clip = { start: 10.2, end: 20.3 };
    const cues = buildClipCues([first, last], clip);
    expect(cueViolations(cues, 10.1)).toEqual([]);
    // "we" (10.0–10.45) has its middle inside: kept, and starts with the clip; "that" (9.5–9.95) goes.
    expect(cues[0]!.text.replace(/\n/g, ' ')).toBe('we put in comes back out');
    expect(cues[0]!.start).toBe(0);
    // "swing" (20.0–20.45) has its middle inside and is cut at the edge; "all" (20.5–20.95) goes.
    expect(cues.at(-1)!.text.replace(/\n/g, ' ')).toBe('and the bob will swing');
    expect(cues.at(-1)!.end).toBe(10.1);
  });

  it('keeps a cue that starts before the clip starting at 0 when its words are inside', () => {
    const straddling = untimed(
      timedSentence('I trust the conservation of mechanical energy for 100%.', 139.85, 144.93),
    );
    const cues = buildClipCues([straddling], { start: 140, end: 150 });
    expect(cues).toHaveLength(1);
    expect(cues[0]!.text.replace(/\n/g, ' ')).toBe('trust the conservation of mechanical energy for 100%.');
    expect(cues[0]!.start).toBeGreaterThanOrEqual(0);
    expect(cues[0]!.start).toBeLessThan(0.2);
  });

  it('stretches a short cue into the silence after it', () => {
    const cues = buildClipCues([timedSentence('Okay.', 50, 50.35)], { start: 45, end: 60 });
    expect(cues).toEqual([{ start: 5, end: 6, text: 'Okay.' }]);
  });

  it('stretches backwards when the next cue follows closely, and never over the next cue', () => {
    const cues = buildClipCues(
      [timedSentence('Okay.', 50, 50.35), timedSentence('So the energy is conserved.', 50.6, 52.6)],
      { start: 45, end: 60 },
    );
    expect(cues[0]).toEqual({ start: 4.6, end: 5.6, text: 'Okay.' });
    expect(cues[1]!.start).toBe(5.6);
  });

  it('merges a short cue boxed in by its neighbours into the nearer one', () => {
    const sentences = [
      timedSentence('I may not trust myself.', 47.9, 49.95),
      timedSentence('Right.', 50, 50.45),
      timedSentence('So the energy is conserved.', 50.5, 52.55),
    ];
    const cues = buildClipCues(sentences, { start: 40, end: 60 });
    expect(cueViolations(cues, 20)).toEqual([]);
    expect(cues.map((c) => c.text)).toEqual(['I may not trust myself. Right.', 'So the energy is conserved.']);
    expect(cues[0]!.end).toBe(cues[1]!.start);
  });

  it('closes gaps under 0.25 s and keeps longer ones', () => {
    const sentences = [
      timedSentence('This is the first sentence here.', 10, 12.05),
      timedSentence('And this one follows at once.', 12.15, 14.2),
      timedSentence('This one comes after a pause.', 14.7, 16.75),
    ];
    const cues = buildClipCues(sentences, { start: 10, end: 20 });
    expect(cues.map((c) => [c.start, c.end])).toEqual([
      [0, 2.15],
      [2.15, 4.15],
      [4.7, 6.7],
    ]);
  });

  it('never overlaps, even when the transcript does', () => {
    const sentences = [
      timedSentence('I release the bob from this height.', 10, 13.05),
      timedSentence('And it swings back towards my chin.', 12, 15.05),
    ];
    const cues = buildClipCues(sentences, { start: 9, end: 20 });
    expect(cueViolations(cues, 11)).toEqual([]);
    expect(cues[0]!.end).toBeLessThanOrEqual(cues[1]!.start);
  });

  it('keeps both captions that start at the same moment, in transcript order', () => {
    const sentences = [
      untimed({ start: 10, end: 13, text: 'First thing said here.', words: null }),
      untimed({ start: 10, end: 12, text: 'Second thing overlapping.', words: null }),
      untimed({ start: 14, end: 16, text: 'Third.', words: null }),
    ];
    const cues = buildClipCues(sentences, { start: 9, end: 18 });
    expect(allText(cues)).toBe('First thing said here. Second thing overlapping. Third.');
    expect(cueViolations(cues, 9)).toEqual([]);
  });

  it('keeps a sentence that has no time of its own', () => {
    const sentences = [
      untimed({ start: 10, end: 12, text: 'Before.', words: null }),
      untimed({ start: 12, end: 12, text: 'Instant sentence here.', words: null }),
      untimed({ start: 12.5, end: 15, text: 'After that one.', words: null }),
    ];
    const cues = buildClipCues(sentences, { start: 9, end: 18 });
    expect(allText(cues)).toBe('Before. Instant sentence here. After that one.');
    expect(cueViolations(cues, 9)).toEqual([]);
  });

  it('puts a word longer than a line on a line of its own rather than cutting it', () => {
    const url = 'https://www.example-university.edu/physics/lectures/week-three-notes';
    const cues = buildClipCues([untimed({ start: 10, end: 14, text: `See ${url} for notes.`, words: null })], {
      start: 9,
      end: 18,
    });
    expect(cues.flatMap((c) => c.text.split('\n'))).toContain(url);
    expect(allText(cues)).toBe(`See ${url} for notes.`);
    expect(cueViolations(cues, 9)).toEqual([]);
  });

  it('gives nothing for a clip without speech or an empty clip', () => {
    const sentence = timedSentence('I have here a pendulum.', 100, 103);
    expect(buildClipCues([sentence], { start: 0, end: 50 })).toEqual([]);
    expect(buildClipCues([sentence], { start: 101, end: 101 })).toEqual([]);
  });

  it('honours narrower lines, for vertical video', () => {
    const cues = buildClipCues([timedSentence(longText, 0, 20.05)], { start: 0, end: 21 }, { maxCharsPerLine: 30 });
    expect(cueViolations(cues, 21, { ...defaultRules(), maxCharsPerLine: 30 })).toEqual([]);
    expect(allText(cues)).toBe(longText);
  });

  it('puts edited texts in when given', () => {
    const sentence = timedSentence('I have here a pendulum.', 100, 103.05);
    const cues = buildClipCues([sentence], { start: 99, end: 110 }, { editedTexts: ['I have here a pendulum bob.'] });
    expect(cues).toEqual([{ start: 1, end: 4, text: 'I have here a pendulum bob.' }]);
  });
});

describe('applyEditedText', () => {
  const cues = [
    { start: 0, end: 3, text: 'MGH is the work\nI have done.' },
    { start: 3, end: 6, text: 'Fifteen times ten\nis about 150 joules.' },
    { start: 6.5, end: 9, text: 'Believe me.' },
  ];

  it('keeps times, replaces text and wraps it again', () => {
    const edited = applyEditedText(cues, [
      'mgh is the work I have done, believe me, and it is stored as potential energy',
      null,
    ]);
    expect(edited).toEqual([
      { start: 0, end: 3, text: 'mgh is the work I have done, believe me,\nand it is stored as potential energy' },
      cues[1],
      cues[2],
    ]);
  });

  it('removes a cue whose text was cleared', () => {
    expect(applyEditedText(cues, [undefined, '', undefined])).toEqual([cues[0], cues[2]]);
  });

  it('shares a correction too long for one cue over that cue’s time', () => {
    const long =
      'Fifteen times ten is about one hundred and fifty joules, which is enough energy to kill you if this ' +
      'wrecking ball hits you in the face';
    const edited = applyEditedText(cues, [null, long]);
    const pieces = edited.slice(1, -1);
    expect(pieces.length).toBeGreaterThan(1);
    expect(allText(pieces)).toBe(long);
    expect(pieces[0]!.start).toBe(3);
    expect(pieces.at(-1)!.end).toBe(6);
    for (let k = 1; k < pieces.length; k++) expect(pieces[k]!.start).toBe(pieces[k - 1]!.end);
    for (const piece of pieces) for (const line of piece.text.split('\n')) expect(line.length).toBeLessThanOrEqual(42);
    expect(edited.at(-1)).toEqual(cues[2]);
  });
});

function defaultRules() {
  return { maxCharsPerLine: 42, maxLines: 2, minDurationSec: 1, maxDurationSec: 7, minGapSec: 0.25 };
}
