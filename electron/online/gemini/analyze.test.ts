import { describe, expect, it } from 'vitest';
import type { Sentence } from '../../../shared/domain/transcript.ts';
import { numberedTranscript, segmentRange, toContentSegments, type AnalysisReply } from './analyze.ts';

const sentences: Sentence[] = Array.from({ length: 20 }, (_, i) => ({
  start: i * 10,
  end: i * 10 + 8,
  text: `Sentence ${i}.`,
  words: null,
}));
const part = (firstSentence: number, title = `Part from ${firstSentence}`) => ({
  firstSentence,
  title,
  topic: 'energy, work',
  importance: 0.5,
  reasons: ['defines a term'],
});

describe('Gemini’s segments as content segments', () => {
  it('aligns segments to sentence boundaries: each ends where the next begins, the last at the last sentence', () => {
    const reply: AnalysisReply = { segments: [0, 4, 8, 12, 16].map((i) => part(i)) };
    const segments = toContentSegments(reply, sentences);
    expect(segments.map((s) => [s.start, s.end])).toEqual([
      [0, 40],
      [40, 80],
      [80, 120],
      [120, 160],
      [160, 198],
    ]);
  });

  it('starts the first segment at the first sentence whatever index Gemini gave it', () => {
    const reply: AnalysisReply = { segments: [3, 4, 8, 12, 16].map((i) => part(i)) };
    expect(toContentSegments(reply, sentences)[0]!.start).toBe(0);
  });

  it('refuses too few or too many segments, indices out of order or past the end', () => {
    expect(() => toContentSegments({ segments: [0, 5].map((i) => part(i)) }, sentences)).toThrow(
      /2 segments, not 5–10/,
    );
    expect(() => toContentSegments({ segments: [0, 8, 4, 12, 16].map((i) => part(i)) }, sentences)).toThrow(/order/);
    expect(() => toContentSegments({ segments: [0, 4, 8, 12, 25].map((i) => part(i)) }, sentences)).toThrow(/order/);
  });

  it('keeps titles within 60 characters, at a word boundary', () => {
    const long = 'A very long title about the conservation of mechanical energy in closed systems';
    const reply: AnalysisReply = { segments: [0, 4, 8, 12, 16].map((i) => part(i, long)) };
    const title = toContentSegments(reply, sentences)[0]!.title;
    expect(title.length).toBeLessThanOrEqual(60);
    expect(title).toBe('A very long title about the conservation of mechanical…');
  });

  it('promises 5–15 segments, fewer only for very short transcripts, and numbers the transcript', () => {
    expect(segmentRange(400)).toEqual({ min: 5, max: 15 });
    expect(segmentRange(6)).toEqual({ min: 3, max: 3 });
    expect(numberedTranscript(sentences.slice(6, 8))).toBe('[0] 1:00 Sentence 6.\n[1] 1:10 Sentence 7.');
  });
});
