import { describe, expect, it } from 'vitest';
import { snapEdge, snapToPause, snapToWordBoundary, wordSpans } from './snap.ts';

// "Heat flows. [pause 4.2–4.8] From hot to cold. [pause 9.0–9.1]"
const pauses = [
  { start: 4.2, end: 4.8 },
  { start: 9.0, end: 9.1 },
];
const words = [
  { start: 3.1, end: 3.5 },
  { start: 3.6, end: 4.2 },
  { start: 4.8, end: 5.3 },
  { start: 5.4, end: 5.6 },
];

describe('snapToPause', () => {
  it('puts an in point just before the speech resumes and an out point just after it stops', () => {
    expect(snapToPause(4.5, pauses, 'in')).toBeCloseTo(4.65);
    expect(snapToPause(4.5, pauses, 'out')).toBeCloseTo(4.35);
  });

  it('pulls a handle dropped just outside the pause into it', () => {
    expect(snapToPause(4.0, pauses, 'out')).toBeCloseTo(4.35);
    expect(snapToPause(5.1, pauses, 'in')).toBeCloseTo(4.65);
  });

  it('never crosses the middle of a short pause', () => {
    expect(snapToPause(9.05, pauses, 'in')).toBeCloseTo(9.05);
    expect(snapToPause(9.05, pauses, 'out')).toBeCloseTo(9.05);
  });

  it('leaves a handle far from any pause alone', () => {
    expect(snapToPause(7, pauses, 'in')).toBeNull();
    expect(snapToPause(4.5, [], 'in')).toBeNull();
  });

  it('prefers the nearer of two pauses', () => {
    const close = [
      { start: 1, end: 1.4 },
      { start: 1.6, end: 2 },
    ];
    expect(snapToPause(1.45, close, 'out')).toBeCloseTo(1.15);
    expect(snapToPause(1.58, close, 'out')).toBeCloseTo(1.75);
  });
});

describe('snapToWordBoundary', () => {
  it('snaps an in point to the start of the nearest word and an out point to an end', () => {
    expect(snapToWordBoundary(5.35, words, 'in')).toBe(5.4);
    expect(snapToWordBoundary(5.35, words, 'out')).toBe(5.3);
  });

  it('moves a handle out of the middle of a word when a boundary is near', () => {
    expect(snapToWordBoundary(3.3, words, 'in')).toBe(3.1);
    expect(snapToWordBoundary(3.3, words, 'out')).toBe(3.5);
  });

  it('stays put when no boundary is within the tolerance', () => {
    expect(snapToWordBoundary(7, words, 'in')).toBeNull();
    expect(snapToWordBoundary(3.3, words, 'in', { toleranceSec: 0.1, marginSec: 0.15 })).toBeNull();
  });
});

describe('snapEdge', () => {
  it('prefers a pause, then a word boundary, then the time itself', () => {
    expect(snapEdge(4.1, { pauses, words }, 'out')).toBeCloseTo(4.35);
    expect(snapEdge(5.35, { pauses, words }, 'out')).toBe(5.3);
    expect(snapEdge(12, { pauses, words }, 'out')).toBe(12);
  });
});

describe('wordSpans', () => {
  it('uses word timings when the transcript has them, else the sentence', () => {
    expect(
      wordSpans([
        { start: 0, end: 2, text: 'Hello there.', words: [{ start: 0, end: 0.5, text: 'Hello' }] },
        { start: 2.5, end: 4, text: 'No words here.', words: null },
      ]),
    ).toEqual([
      { start: 0, end: 0.5 },
      { start: 2.5, end: 4 },
    ]);
  });
});
