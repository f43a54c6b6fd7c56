import { describe, expect, it } from 'vitest';
import { evenSplit, randomSplit, seededRandom } from './baselines.ts';
import { pk, windowDiff, windowSize } from './metrics.ts';

describe('pk and windowDiff', () => {
  it('are 0 for identical segmentations, whatever k', () => {
    for (const k of [1, 2, 5, 9]) {
      expect(pk(20, [4, 9, 15], [4, 9, 15], k)).toBe(0);
      expect(windowDiff(20, [4, 9, 15], [4, 9, 15], k)).toBe(0);
    }
  });

  it('count a missed boundary once per window that spans it', () => {
    // n = 10, k = 2: windows (i, i+2) for i = 0..7; the boundary before sentence 5 lies inside i = 3 and i = 4.
    expect(pk(10, [5], [], 2)).toBe(2 / 8);
    expect(windowDiff(10, [5], [], 2)).toBe(2 / 8);
  });

  it('charge a near miss on both sides of it', () => {
    // Reference splits windows 3 and 4, hypothesis 4 and 5: they disagree on 3 and 5.
    expect(pk(10, [5], [6], 2)).toBe(2 / 8);
    expect(windowDiff(10, [5], [6], 2)).toBe(2 / 8);
  });

  it('differ where Pevzner and Hearst said they should: an extra boundary inside a window', () => {
    // Window 4 holds one reference boundary and two hypothesis boundaries: Pk sees "different" both times,
    // WindowDiff sees 1 ≠ 2. Window 5 holds only the extra boundary: both count it.
    expect(pk(10, [5], [5, 6], 2)).toBe(1 / 8);
    expect(windowDiff(10, [5], [5, 6], 2)).toBe(2 / 8);
  });

  it('put everything wrong at 1 when every window disagrees', () => {
    expect(pk(6, [1, 2, 3, 4, 5], [], 1)).toBe(1);
    expect(windowDiff(6, [1, 2, 3, 4, 5], [], 1)).toBe(1);
  });

  it('use half the mean reference segment length as k by default', () => {
    expect(windowSize(100, [25, 50, 75])).toBe(13); // 100 / 4 / 2 = 12.5, rounded
    expect(windowSize(10, [])).toBe(5);
    expect(windowSize(4, [1, 2, 3])).toBe(1);
    expect(pk(10, [5], [])).toBe(pk(10, [5], [], windowSize(10, [5])));
  });

  it('ignore the order boundaries are given in', () => {
    expect(pk(30, [10, 20], [21, 9])).toBe(pk(30, [10, 20], [9, 21]));
  });
});

describe('baselines', () => {
  it('even split makes equal segments', () => {
    expect(evenSplit(10, 2)).toEqual([5]);
    expect(evenSplit(12, 4)).toEqual([3, 6, 9]);
    expect(evenSplit(5, 1)).toEqual([]);
  });

  it('random split is reproducible per seed and draws distinct gaps', () => {
    const a = randomSplit(100, 8, 7);
    expect(a).toEqual(randomSplit(100, 8, 7));
    expect(a).not.toEqual(randomSplit(100, 8, 8));
    expect(new Set(a).size).toBe(7);
    expect(a.every((b) => b >= 1 && b <= 99)).toBe(true);
    expect(randomSplit(3, 10, 1)).toEqual([1, 2]);
  });

  it('seeded PRNG stays in [0, 1)', () => {
    const random = seededRandom(42);
    const draws = Array.from({ length: 1000 }, random);
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(1);
  });
});
