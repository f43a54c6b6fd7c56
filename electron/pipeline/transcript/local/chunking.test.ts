import { describe, expect, it } from 'vitest';
import type { TimeRange, Word } from '../../../../shared/domain/transcript.ts';
import {
  dropRepeatedStart,
  placeChunkResult,
  planChunks,
  shareTimeBySentence,
  splitWordsIntoSentences,
  type TranscriptionChunk,
} from './chunking.ts';

const maxSec = 30;
const close = (a: number, b: number) => Math.abs(a - b) < 1e-6;

function expectWithinLimit(chunks: TranscriptionChunk[]): void {
  for (const c of chunks) expect(c.end - c.start).toBeLessThanOrEqual(maxSec + 1e-9);
}

/** A pseudo-random generator with a seed, so a failing case can be replayed. */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

describe('planChunks', () => {
  it('merges short speech regions up to ~30 s and cuts only between them', () => {
    const speech = Array.from({ length: 20 }, (_, k) => ({ start: 4.5 * k, end: 4.5 * k + 4 }));
    const pauses = speech.slice(1).map((r) => ({ start: r.start - 0.5, end: r.start }));
    const chunks = planChunks(speech, pauses, 100);
    expectWithinLimit(chunks);
    expect(chunks.map((c) => [c.speechStart, c.speechEnd])).toEqual([
      [0, 26.5],
      [27, 53.5],
      [54, 80.5],
      [81, 89.5],
    ]);
    // Every region lies whole inside one chunk: no word is cut.
    for (const r of speech)
      expect(chunks.filter((c) => c.speechStart <= r.start && r.end <= c.speechEnd)).toHaveLength(1);
    // Padding reaches into the pause but stops halfway to the next chunk.
    expect(chunks[0]).toMatchObject({ start: 0, end: 26.7 });
    expect(chunks[1]!.start).toBeCloseTo(26.8);
  });

  it('keeps regions apart when a long silence lies between them', () => {
    const chunks = planChunks(
      [
        { start: 1, end: 5 },
        { start: 12, end: 15 },
      ],
      [{ start: 5, end: 12 }],
      20,
    );
    expect(chunks.map((c) => [c.speechStart, c.speechEnd])).toEqual([
      [1, 5],
      [12, 15],
    ]);
  });

  it('splits a long speech region at its longest inner pause, again and again until pieces fit', () => {
    const speech = [{ start: 10, end: 75 }];
    const pauses = [
      { start: 20, end: 20.3 },
      { start: 41, end: 41.9 },
      { start: 55, end: 55.4 },
      { start: 66, end: 66.2 },
      { start: 70, end: 70.05 }, // too short to cut at
    ];
    const chunks = planChunks(speech, pauses, 90);
    expectWithinLimit(chunks);
    expect(chunks.map((c) => [c.speechStart, c.speechEnd])).toEqual([
      [10, 20],
      [20.3, 41],
      [41.9, 55],
      [55.4, 75],
    ]);
    expect(chunks.every((c) => !c.overlapsPrevious)).toBe(true);
  });

  it('hard-splits a region with no pause into equal pieces sharing 1 s, and splits the overlap between them', () => {
    const chunks = planChunks([{ start: 0, end: 70 }], [], 70);
    expectWithinLimit(chunks);
    expect(chunks.map((c) => [c.start, c.end, c.overlapsPrevious])).toEqual([
      [0, 24, false],
      [23, 47, true],
      [46, 70, true],
    ]);
    expect(chunks.map((c) => [c.keepStart, c.keepEnd])).toEqual([
      [0, 23.5],
      [23.5, 46.5],
      [46.5, 70 + 1e-6],
    ]);
  });

  it('on random lectures: never over 30 s, covers all speech outside the pauses it cut at, keep ranges never overlap', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const random = lcg(seed);
      const speech: TimeRange[] = [];
      const pauses: TimeRange[] = [];
      let t = random() * 2;
      while (t < 600) {
        const length = random() < 0.15 ? 30 + random() * 90 : 0.3 + random() * 12;
        speech.push({ start: t, end: t + length });
        // Short pauses inside long speech, as the pause detector finds between phrases.
        for (let p = t + 2 + random() * 8; p < t + length - 1; p += 3 + random() * 20)
          pauses.push({ start: p, end: p + 0.15 + random() * 0.6 });
        t += length;
        const gap = random() < 0.7 ? 0.2 + random() * 1.5 : 2 + random() * 10;
        pauses.push({ start: t, end: t + gap });
        t += gap;
      }
      const duration = t + 1;
      const chunks = planChunks(speech, pauses, duration);
      expectWithinLimit(chunks);
      for (let i = 1; i < chunks.length; i++) {
        const [prev, cur] = [chunks[i - 1]!, chunks[i]!];
        expect(cur.keepStart).toBeGreaterThanOrEqual(prev.keepEnd - 2e-6);
        if (!cur.overlapsPrevious) expect(cur.start).toBeGreaterThanOrEqual(prev.end - 1e-9);
      }
      const uncovered: number[] = [];
      for (const region of speech) {
        for (let x = region.start + 0.01; x < region.end; x += 0.25) {
          const inCutPause = pauses.some((p) => p.start <= x && x <= p.end);
          if (!inCutPause && !chunks.some((c) => c.speechStart <= x && x <= c.speechEnd)) uncovered.push(x);
        }
      }
      expect(uncovered, `seed ${seed}`).toEqual([]);
    }
  });
});

describe('placeChunkResult', () => {
  it('moves words onto the source timeline and keeps each word of an overlap once', () => {
    const truth: Word[] = Array.from({ length: 139 }, (_, i) => ({
      start: 0.1 + i * 0.5,
      end: 0.4 + i * 0.5,
      text: `w${i}.`,
    }));
    const chunks = planChunks([{ start: 0, end: 70 }], [], 70);
    const placed = chunks.flatMap((chunk) => {
      // What a model with token times hears: the words inside the chunk, in chunk time.
      const heard = truth
        .filter((w) => w.start >= chunk.start && w.end <= chunk.end)
        .map((w) => ({ ...w, start: w.start - chunk.start, end: w.end - chunk.start }));
      return placeChunkResult(chunk, { text: heard.map((w) => w.text).join(' '), words: heard }, null);
    });
    const words = placed.flatMap((s) => s.words ?? []);
    expect(words.map((w) => w.text)).toEqual(truth.map((w) => w.text));
    words.forEach((w, i) => expect(close(w.start, truth[i]!.start) && close(w.end, truth[i]!.end)).toBe(true));
  });

  it('cuts sentences after . ? and !', () => {
    const chunk = planChunks([{ start: 100, end: 104 }], [], 200)[0]!;
    const words: Word[] = [
      { start: 0.3, end: 0.5, text: 'Ask' },
      { start: 0.6, end: 0.9, text: 'not.' },
      { start: 1.2, end: 1.5, text: 'Why?' },
      { start: 2, end: 2.4, text: 'Because' },
    ];
    expect(
      placeChunkResult(chunk, { text: 'Ask not. Why? Because', words }, null).map((s) => [s.text, s.start, s.end]),
    ).toEqual([
      ['Ask not.', 100.1, 100.7],
      ['Why?', 101, 101.3],
      ['Because', 101.8, 102.2],
    ]);
  });

  it('without word times, drops words the previous chunk already ended with and shares the time by sentence', () => {
    const [first, second] = planChunks([{ start: 0, end: 40 }], [], 40);
    const a = placeChunkResult(first!, { text: 'Ask not what your country can do', words: null }, null);
    expect(a).toEqual([{ start: 0, end: first!.keepEnd, text: 'Ask not what your country can do', words: null }]);
    const b = placeChunkResult(
      second!,
      { text: 'Can do for you. Ask what you can do.', words: null },
      'Ask not what your country can do',
    );
    expect(b.map((s) => s.text)).toEqual(['for you.', 'Ask what you can do.']);
    expect(b[0]!.start).toBe(second!.keepStart);
    expect(b.at(-1)!.end).toBe(40);
  });

  it('gives nothing for silence', () => {
    const chunk = planChunks([{ start: 1, end: 2 }], [], 3)[0]!;
    expect(placeChunkResult(chunk, { text: '', words: null }, null)).toEqual([]);
    expect(placeChunkResult(chunk, { text: '', words: [] }, null)).toEqual([]);
  });
});

describe('text helpers', () => {
  it('dropRepeatedStart ignores case and punctuation, and keeps text that does not repeat', () => {
    expect(dropRepeatedStart('what your country can do.', 'Can do for you')).toBe('for you');
    expect(dropRepeatedStart('my fellow Americans', 'ask not')).toBe('ask not');
    expect(dropRepeatedStart('', 'ask not')).toBe('ask not');
  });

  it('splitWordsIntoSentences and shareTimeBySentence', () => {
    expect(splitWordsIntoSentences([])).toEqual([]);
    const shared = shareTimeBySentence('Ask not. What can you do?', 10, 20);
    expect(shared.map((s) => s.text)).toEqual(['Ask not.', 'What can you do?']);
    expect(shared[0]!.end).toBeCloseTo(10 + (10 * 8) / 24);
    expect(shared[1]!.end).toBe(20);
  });
});
