import { describe, expect, it } from 'vitest';
import type { Sentence } from '../../../shared/domain/transcript.ts';
import { evalDir } from '../../../test/env.ts';
import { depthScores, smoothByWords } from './cohesion.ts';
import { seededRandom } from './eval/baselines.ts';
import { loadPhysicsLectures } from './eval/datasets.ts';
import { defaultSegmentationParameters, profileGaps, segmentLecture, wordCounts } from './segment.ts';

const vocabularies = [
  'pendulum swing period string length gravity oscillation amplitude bob clock',
  'charge electron field voltage current circuit resistor battery wire capacitor',
  'enzyme protein cell membrane molecule receptor cytoplasm nucleus gene ribosome',
  'market price demand supply inflation wage tax budget interest trade',
  'poem verse rhyme meter stanza poet metaphor sonnet ballad imagery',
  'glacier river valley erosion sediment rock mountain delta canyon basin',
].map((v) => v.split(' '));
const fillers = 'the we so and now here this that is of to a in you'.split(' ');

/**
 * Sentences of twelve words, half from the topic's own vocabulary and half function words, 0.4 s per word: a lecture
 * whose topic changes are known exactly.
 */
function syntheticLecture(sentencesPerTopic: number, topics = vocabularies.length, seed = 1): Sentence[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const sentences: Sentence[] = [];
  for (let t = 0; t < topics; t++) {
    for (let i = 0; i < sentencesPerTopic; i++) {
      const words = Array.from({ length: 12 }, (_, w) =>
        w % 2 ? pick(fillers) : pick(vocabularies[t % vocabularies.length]!),
      );
      const start = sentences.length * 12 * 0.4;
      sentences.push({ start, end: start + 4.8, text: `${words.join(' ')}.`, words: null });
    }
  }
  return sentences;
}

describe('cohesion curve', () => {
  it('gives depth only to valleys, measured to the peaks on either side', () => {
    expect(depthScores([0.9, 0.5, 0.2, 0.6, 0.7, 0.4, 0.8])).toEqual([0, 0, 0.7 + 0.5, 0, 0, 0.3 + 0.4, 0]);
  });

  it('smooths over a window measured in words', () => {
    expect(smoothByWords([0, 1, 0, 1], [10, 10, 10, 10], 10)).toEqual([0.5, 1 / 3, 2 / 3, 0.5]);
    expect(smoothByWords([3, 5], [1, 1], 0)).toEqual([3, 5]);
  });
});

describe('segmentLecture', () => {
  const lecture = syntheticLecture(75);
  const truth = [75, 150, 225, 300, 375];

  it('finds where the vocabulary changes', () => {
    const boundaries = segmentLecture(lecture);
    expect(boundaries).toHaveLength(truth.length);
    boundaries.forEach((b, i) => expect(Math.abs(b - truth[i]!)).toBeLessThanOrEqual(2));
  });

  it('moves a boundary onto a nearby long pause or slide change', () => {
    const gapTime = (g: number) => lecture[g]!.start;
    const withPause = segmentLecture(lecture, { pauses: [{ start: gapTime(153) - 2.5, end: gapTime(153) }] });
    expect(withPause).toContain(153);
    const withSlide = segmentLecture(lecture, { slideChanges: [{ time: gapTime(222) + 0.5, score: 0.9 }] });
    expect(withSlide).toContain(222);
  });

  it('ignores evidence too far from any lexical valley to be the same topic change', () => {
    const far = segmentLecture(lecture, { slideChanges: [{ time: lecture[112]!.start, score: 1 }] });
    expect(far).not.toContain(112);
  });

  it('raises the boundary strength of a gap with a slide change or a long pause', () => {
    const words = wordCounts(lecture);
    const params = defaultSegmentationParameters;
    const plain = profileGaps(lecture, words, {}, params, 900);
    const slide = profileGaps(lecture, words, { slideChanges: [{ time: lecture[40]!.start, score: 1 }] }, params, 900);
    expect(slide.strength[39]).toBeCloseTo(plain.strength[39]! + params.slideWeight);
    expect(slide.strength[20]).toBe(plain.strength[20]);
  });

  it('keeps the count within 5–15 however long the lecture', () => {
    expect(segmentLecture(syntheticLecture(10, 4))).toHaveLength(4); // 480 words: the minimum of 5 segments
    expect(segmentLecture(syntheticLecture(75, 30))).toHaveLength(14); // 27,000 words: the maximum of 15
  });

  it('splits a text with no lexical signal evenly, and follows evidence where there is some', () => {
    const same = Array.from({ length: 30 }, (_, i) => ({
      start: i * 4,
      end: i * 4 + 4,
      text: 'Entropy rises.',
      words: null,
    }));
    const even = segmentLecture(same);
    expect(even).toHaveLength(4);
    const lengths = [0, ...even].map((b, i) => (even[i] ?? 30) - b);
    expect(Math.max(...lengths) - Math.min(...lengths)).toBeLessThanOrEqual(4);
    const slides = segmentLecture(same, { slideChanges: [7, 13, 22].map((g) => ({ time: g * 4, score: 1 })) });
    expect(slides).toEqual(expect.arrayContaining([7, 13, 22]));
  });

  it('does something sensible with fewer than ten sentences', () => {
    expect(segmentLecture([])).toEqual([]);
    expect(segmentLecture(syntheticLecture(1, 1))).toEqual([]);
    expect(segmentLecture(syntheticLecture(3, 1))).toEqual([]);
    const nine = segmentLecture(syntheticLecture(3, 3));
    expect(nine).toHaveLength(3);
    expect(nine.every((b) => b > 0 && b < 9)).toBe(true);
  });

  it('returns the same boundaries for the same input', () => {
    const [lectureA] = loadPhysicsLectures(evalDir, 'asr');
    const first = segmentLecture(lectureA!.sentences);
    expect(segmentLecture(structuredClone(lectureA!.sentences))).toEqual(first);
    expect(first.length + 1).toBeGreaterThanOrEqual(5);
    expect(first.length + 1).toBeLessThanOrEqual(15);
    expect(first).toEqual([...new Set(first)].sort((a, b) => a - b));
  });
});
