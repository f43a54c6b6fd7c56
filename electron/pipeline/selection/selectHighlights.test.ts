import { describe, expect, it } from 'vitest';
import type { ContentSegment } from '../../../shared/domain/analysis.ts';
import type { Sentence, TimeRange } from '../../../shared/domain/transcript.ts';
import { cutAtGap, pausesFromTranscript } from './boundaries.ts';
import { selectHighlights } from './selectHighlights.ts';

/** A lecture of `n` sentences of 8 words, 0.4 s per word, 0.6 s pause between sentences. */
function lecture(n: number): { sentences: Sentence[]; pauses: TimeRange[] } {
  const sentences: Sentence[] = [];
  const pauses: TimeRange[] = [];
  let t = 1;
  for (let i = 0; i < n; i++) {
    const words = Array.from({ length: 8 }, (_, w) => ({
      start: t + w * 0.4,
      end: t + w * 0.4 + 0.35,
      text: `w${i}_${w}`,
    }));
    sentences.push({ start: words[0]!.start, end: words.at(-1)!.end, text: words.map((w) => w.text).join(' '), words });
    pauses.push({ start: words.at(-1)!.end, end: words.at(-1)!.end + 0.6 });
    t = words.at(-1)!.end + 0.6;
  }
  return { sentences, pauses };
}

function segmentsFor(sentences: Sentence[], parts: number, importance: (i: number) => number): ContentSegment[] {
  const per = Math.ceil(sentences.length / parts);
  return Array.from({ length: parts }, (_, i) => ({
    start: i === 0 ? 0 : sentences[i * per]!.start,
    end: i === parts - 1 ? sentences.at(-1)!.end + 1 : sentences[(i + 1) * per]!.start,
    title: `Part ${i + 1}`,
    topic: 'topic',
    importance: importance(i),
    reasons: [],
  }));
}

describe('selectHighlights', () => {
  const { sentences, pauses } = lecture(120);
  const segments = segmentsFor(sentences, 8, (i) => [0.2, 0.9, 0.4, 0.8, 0.1, 0.7, 0.3, 0.6][i]!);
  const highlights = selectHighlights(sentences, segments, pauses, {
    count: 5,
    minSec: 20,
    maxSec: 90,
    marginSec: 0.15,
  });

  it('picks the requested number of non-overlapping highlights, sorted by start', () => {
    expect(highlights).toHaveLength(5);
    for (let i = 1; i < highlights.length; i++)
      expect(highlights[i]!.start).toBeGreaterThanOrEqual(highlights[i - 1]!.end);
  });

  it('prefers the most important segments, one each', () => {
    expect(new Set(highlights.map((h) => h.segment))).toEqual(new Set([1, 3, 5, 7, 2]));
    expect(highlights.find((h) => h.segment === 1)?.title).toBe('Part 2');
  });

  it('keeps lengths in range and never cuts a word or starts mid-sentence', () => {
    const words = sentences.flatMap((s) => s.words ?? []);
    for (const h of highlights) {
      expect(h.end - h.start).toBeGreaterThanOrEqual(20);
      expect(h.end - h.start).toBeLessThanOrEqual(90 + 0.5);
      for (const w of words) {
        const inside = w.start >= h.start && w.end <= h.end;
        const outside = w.end <= h.start || w.start >= h.end;
        expect(inside || outside, `word ${w.text} cut by ${h.start}-${h.end}`).toBe(true);
      }
      const first = words.find((w) => w.start >= h.start)!;
      expect(sentences.some((s) => s.words?.[0] === first)).toBe(true);
      // Both cuts fall inside a pause, with the margin kept where the pause allows.
      expect(pauses.some((p) => h.start >= p.start - 1e-6 && h.start <= p.end)).toBe(true);
      expect(pauses.some((p) => h.end >= p.start && h.end <= p.end + 1e-6)).toBe(true);
    }
  });

  it('is deterministic', () => {
    expect(selectHighlights(sentences, segments, pauses)).toEqual(selectHighlights(sentences, segments, pauses));
  });

  it('returns nothing for an empty transcript', () => {
    expect(selectHighlights([], segments, pauses)).toEqual([]);
  });
});

describe('boundaries', () => {
  const options = { marginSec: 0.15, toleranceSec: 0.3 };
  it('cuts inside the pause between two sentences, a margin away from each', () => {
    const cut = cutAtGap(9, 10, [{ start: 9.05, end: 9.95 }], options)!;
    expect(cut.end).toBeCloseTo(9.2);
    expect(cut.start).toBeCloseTo(9.8);
  });
  it('never lets two adjacent clips overlap in a short pause', () => {
    const cut = cutAtGap(9.95, 10, [{ start: 9.95, end: 10 }], options)!;
    expect(cut.end).toBeLessThanOrEqual(cut.start);
    expect(cut.end).toBeGreaterThanOrEqual(9.95);
  });
  it('refuses to cut where the speaker runs on, whatever the transcript says', () => {
    expect(
      cutAtGap(
        57.3,
        57.4,
        [
          { start: 50, end: 54.4 },
          { start: 65.3, end: 66 },
        ],
        options,
      ),
    ).toBeNull();
  });
  it('tolerates transcript times a little off the audio', () => {
    const cut = cutAtGap(20, 20.2, [{ start: 20.25, end: 21 }], options)!;
    expect(cut.end).toBeGreaterThanOrEqual(20.25);
  });
  it('derives pauses from word gaps when no audio exists', () => {
    const sentence: Sentence = {
      start: 0,
      end: 2,
      text: 'a b',
      words: [
        { start: 0, end: 0.5, text: 'a' },
        { start: 1.5, end: 2, text: 'b' },
      ],
    };
    expect(pausesFromTranscript([sentence])).toEqual([{ start: 0.5, end: 1.5 }]);
  });
});
