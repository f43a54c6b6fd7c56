import { describe, expect, it } from 'vitest';
import type { TimeRange } from '../../../shared/domain/transcript.ts';
import {
  complementRanges,
  dropShortSpeech,
  mergeShortPauses,
  padRanges,
  shapeSpeech,
  snapToPause,
  unionRanges,
} from './intervals.ts';

const r = (start: number, end: number): TimeRange => ({ start, end });

describe('unionRanges', () => {
  it('sorts, joins overlapping and touching ranges, and drops empty ones', () => {
    expect(unionRanges([r(5, 6), r(1, 2), r(1.5, 3), r(3, 4), r(7, 7)])).toEqual([r(1, 4), r(5, 6)]);
  });

  it('does not modify its input', () => {
    const input = [r(1, 3), r(2, 4)];
    unionRanges(input);
    expect(input).toEqual([r(1, 3), r(2, 4)]);
  });
});

describe('mergeShortPauses / dropShortSpeech / padRanges / complementRanges', () => {
  it('joins speech across gaps shorter than the minimum and keeps the others', () => {
    expect(mergeShortPauses([r(0, 1), r(1.2, 2), r(2.5, 3)], 0.3)).toEqual([r(0, 2), r(2.5, 3)]);
  });

  it('drops speech shorter than the minimum', () => {
    expect(dropShortSpeech([r(0, 0.1), r(1, 1.2), r(2, 3)], 0.15)).toEqual([r(1, 1.2), r(2, 3)]);
  });

  it('pads within [0, duration] and joins what comes to overlap', () => {
    expect(padRanges([r(0.02, 1), r(1.15, 2), r(9.5, 9.98)], 0.1, 10)).toEqual([r(0, 2.1), r(9.4, 10)]);
  });

  it('complements speech within [0, duration], edges included', () => {
    expect(complementRanges([r(1, 2), r(3, 4)], 5)).toEqual([r(0, 1), r(2, 3), r(4, 5)]);
    expect(complementRanges([r(0, 5)], 5)).toEqual([]);
    expect(complementRanges([], 5)).toEqual([r(0, 5)]);
  });
});

describe('shapeSpeech', () => {
  const options = { minPauseSec: 0.3, minSpeechSec: 0.15, paddingSec: 0.05 };

  it('tiles [0, duration] with sorted, alternating speech and pauses, every pause at least the minimum', () => {
    const raw = [r(0.5, 1), r(1.1, 1.2), r(1.25, 2), r(2.2, 2.25), r(3, 4), r(4.32, 5), r(8, 8.05), r(9.8, 9.9)];
    const { speech, pauses } = shapeSpeech(raw, 10, options);
    const all = [
      ...speech.map((s) => ({ ...s, kind: 'speech' })),
      ...pauses.map((p) => ({ ...p, kind: 'pause' })),
    ].sort((a, b) => a.start - b.start);
    expect(all[0]?.start).toBe(0);
    expect(all.at(-1)?.end).toBe(10);
    for (let i = 1; i < all.length; i++) {
      expect(all[i]?.start).toBeCloseTo(all[i - 1]?.end ?? NaN, 9);
      expect(all[i]?.kind).not.toBe(all[i - 1]?.kind);
    }
    for (const p of pauses) expect(p.end - p.start).toBeGreaterThanOrEqual(0.3);
  });

  it('merges quick words before dropping short speech, so a phrase of short words survives', () => {
    // Three 0.1 s words 0.1 s apart: each alone is too short, together they are a phrase.
    const { speech } = shapeSpeech([r(1, 1.1), r(1.2, 1.3), r(1.4, 1.5)], 5, options);
    expect(speech).toEqual([r(0.95, 1.55)]);
  });

  it('drops an isolated click and pads real speech', () => {
    const { speech, pauses } = shapeSpeech([r(1, 2), r(3, 3.05)], 5, options);
    expect(speech).toEqual([r(0.95, 2.05)]);
    expect(pauses).toEqual([r(0, 0.95), r(2.05, 5)]);
  });

  it('joins pauses that padding shrank below the minimum, and absorbs short leading and trailing pauses', () => {
    // A 0.35 s raw gap is a pause before padding, 0.25 s after: it must not survive as a too-short pause.
    const { speech, pauses } = shapeSpeech([r(0.2, 1), r(1.35, 2), r(3, 4.8)], 5, options);
    expect(speech).toEqual([r(0, 2.05), r(2.95, 5)]);
    expect(pauses).toEqual([r(2.05, 2.95)]);
  });

  it('clamps raw speech that strays outside the recording', () => {
    const { speech } = shapeSpeech([r(-1, 1), r(4, 7)], 5, options);
    expect(speech).toEqual([r(0, 1.05), r(3.95, 5)]);
  });

  it('calls a recording without speech one pause', () => {
    expect(shapeSpeech([], 5, options)).toEqual({ speech: [], pauses: [r(0, 5)] });
  });
});

describe('snapToPause', () => {
  const pauses = [r(1, 2), r(5, 5.5), r(10, 12)];

  it('keeps a time that already falls in a pause', () => {
    expect(snapToPause(1.5, pauses, 0.5)).toBe(1.5);
    expect(snapToPause(5, pauses, 0)).toBe(5);
  });

  it('moves a time to the nearer edge of the nearest pause', () => {
    expect(snapToPause(2.3, pauses, 0.5)).toBe(2);
    expect(snapToPause(4.6, pauses, 0.5)).toBe(5);
    expect(snapToPause(9.5, pauses, 1)).toBe(10);
    expect(snapToPause(13, pauses, 1)).toBe(12);
    expect(snapToPause(0.8, pauses, 1)).toBe(1);
  });

  it('returns null when no pause is within reach', () => {
    expect(snapToPause(3.5, pauses, 1)).toBeNull();
    expect(snapToPause(20, pauses, 1)).toBeNull();
    expect(snapToPause(3, [], 10)).toBeNull();
  });

  it('finds the nearest pause among many', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => r(i * 3 + 1, i * 3 + 1.5));
    // Pauses lie at [3i + 1, 3i + 1.5]: 7778.9 is 1.4 s after one and 1.1 s before the next.
    expect(snapToPause(7778.9, many, 1.2)).toBe(7780);
    expect(snapToPause(7778.1, many, 1.2)).toBe(7777.5);
    expect(snapToPause(7777.2, many, 1)).toBe(7777.2);
  });
});
