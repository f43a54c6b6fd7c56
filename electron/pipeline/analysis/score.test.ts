import { describe, expect, it } from 'vitest';
import { type ContentSegment, contentSegmentSchema } from '../../../shared/domain/analysis.ts';
import type { Sentence } from '../../../shared/domain/transcript.ts';
import { evalDir } from '../../../test/env.ts';
import { loadMavils, loadPhysicsLectures } from './eval/datasets.ts';
import { analyzeLecture } from './score.ts';

function expectWellFormed(segments: ContentSegment[], sentences: readonly Sentence[]): void {
  expect(segments.length).toBeGreaterThanOrEqual(5);
  expect(segments.length).toBeLessThanOrEqual(15);
  expect(segments[0]!.start).toBe(sentences[0]!.start);
  expect(segments.at(-1)!.end).toBe(sentences.at(-1)!.end);
  segments.forEach((s, i) => {
    contentSegmentSchema.parse(s);
    expect(s.end).toBeGreaterThan(s.start);
    if (i > 0) expect(s.start).toBe(segments[i - 1]!.end);
    expect(s.title.trim().length).toBeGreaterThan(0);
    expect(s.title.length).toBeLessThanOrEqual(60);
    expect(s.title[0]).toBe(s.title[0]!.toUpperCase());
    expect(s.topic.trim().length).toBeGreaterThan(0);
    expect(s.reasons.length).toBeGreaterThan(0);
    expect(s.reasons.every((r) => r.trim().length > 0)).toBe(true);
  });
  expect(new Set(segments.map((s) => s.title)).size).toBe(segments.length);
}

describe('analyzeLecture', () => {
  it('segments, titles and scores a real physics lecture', () => {
    const [lecture] = loadPhysicsLectures(evalDir, 'manual');
    const segments = analyzeLecture(lecture!.sentences);
    expectWellFormed(segments, lecture!.sentences);
    // Relative to the lecture: some part is clearly the most important, and not every part is.
    const importances = segments.map((s) => s.importance);
    expect(Math.max(...importances)).toBeGreaterThan(0.5);
    expect(Math.min(...importances)).toBeLessThan(Math.max(...importances));
  });

  it('uses slide changes and pauses on a real slide lecture', () => {
    const lecture = loadMavils(evalDir).find((l) => l.name.includes('cognitive_robotics'))!;
    // Stand-in for the layout stage's detector: the annotated slide changes, half a second before their sentence.
    const slideChanges = lecture.boundaries.map((i) => ({ time: lecture.sentences[i]!.start - 0.5, score: 1 }));
    const segments = analyzeLecture(lecture.sentences, { slideChanges, pauses: lecture.pauses ?? [] });
    expectWellFormed(segments, lecture.sentences);
    // With the slides as evidence, every boundary but the snapped-to-pause few falls on a slide change.
    const onSlide = segments.slice(1).filter((s) => slideChanges.some((c) => Math.abs(c.time - s.start) < 1));
    expect(onSlide.length).toBeGreaterThanOrEqual(segments.length - 3);
  });

  it('points out a part that goes through slides unusually fast', () => {
    const [lecture] = loadPhysicsLectures(evalDir, 'manual');
    const minutes = lecture!.sentences.at(-1)!.end / 60;
    // A slide every three minutes, and one every 20 s between minutes 20 and 24.
    const slideChanges = [
      ...Array.from({ length: Math.floor(minutes / 3) }, (_, i) => ({ time: (i + 1) * 180, score: 0.8 })),
      ...Array.from({ length: 12 }, (_, i) => ({ time: 1200 + i * 20 + 10, score: 0.8 })),
    ];
    const segments = analyzeLecture(lecture!.sentences, { slideChanges });
    const dense = segments.filter((s) => s.reasons.some((r) => r.startsWith('slide change density: ')));
    expect(dense.length).toBeGreaterThan(0);
    expect(dense.some((s) => s.start <= 1320 && s.end >= 1260)).toBe(true);
  });

  it('explains with the lecturer’s own words', () => {
    const topics = [
      ['Work is defined as force times distance.', 'The work done on the cart adds energy.'],
      ['For example, lifting a box gives it potential energy.', 'The box then falls.'],
      ['The key point is that energy is conserved.', 'Remember that energy changes form.'],
      ['How many of you have felt friction?', 'Friction heats the surface.'],
      ['The speed equals 9.8 meters per second after one second.', 'Speed grows.'],
      ['Momentum is the product of mass and velocity.', 'Momentum stays constant.'],
    ];
    const sentences: Sentence[] = topics.flatMap((pair, t) =>
      Array.from({ length: 20 }, (_, i) => {
        const start = (t * 20 + i) * 3;
        return { start, end: start + 3, text: pair[i % 2]!, words: null };
      }),
    );
    const reasons = analyzeLecture(sentences).flatMap((s) => s.reasons);
    expect(reasons).toContain("defines a term: 'Work is defined as force times…' (10×)");
    expect(reasons.some((r) => r.startsWith("example: 'For example, lifting…'"))).toBe(true);
    expect(reasons.some((r) => r.startsWith("summary cue: 'The key point is that…'"))).toBe(true);
    expect(reasons.some((r) => r.startsWith('question posed to the audience'))).toBe(true);
    expect(reasons.some((r) => r.startsWith('formula or quantity stated'))).toBe(true);
    expect(reasons.some((r) => r.startsWith('terms central to the lecture: '))).toBe(true);
  });

  it('gives the same output for the same input', () => {
    const [lecture] = loadPhysicsLectures(evalDir, 'asr');
    const first = analyzeLecture(lecture!.sentences);
    expect(analyzeLecture(structuredClone(lecture!.sentences))).toEqual(first);
  });

  it('copes with transcripts too short for five segments', () => {
    expect(analyzeLecture([])).toEqual([]);
    const one: Sentence[] = [{ start: 2, end: 5, text: 'Welcome to the course on thermodynamics.', words: null }];
    const [only] = analyzeLecture(one);
    expect(only).toMatchObject({ start: 2, end: 5 });
    expect(only!.title.length).toBeGreaterThan(0);
    expect(only!.reasons.length).toBeGreaterThan(0);
    const seven = Array.from({ length: 7 }, (_, i) => ({
      start: i,
      end: i + 1,
      text: `Entropy ${i} rises.`,
      words: null,
    }));
    const segments = analyzeLecture(seven);
    expect(segments.length).toBe(3);
    expect(segments.at(-1)!.end).toBe(7);
  });
});
