import { describe, expect, it } from 'vitest';
import { formatBytes, formatClock, formatPercent, formatTimeLeft } from './format.ts';

describe('formatTimeLeft', () => {
  it.each([
    [null, 'Estimating time left…'],
    [0, 'Less than a minute left'],
    [59, 'Less than a minute left'],
    [60, 'About 1 min left'],
    [29 * 60 + 40, 'About 30 min left'],
    [3600, 'About 1 h left'],
    [2 * 3600 + 14 * 60, 'About 2 h 14 min left'],
  ])('%s seconds reads "%s"', (seconds, words) => {
    expect(formatTimeLeft(seconds)).toBe(words);
  });
});

it('formatPercent rounds to whole percent', () => {
  expect(formatPercent(0.456)).toBe('46%');
  expect(formatPercent(1)).toBe('100%');
});

it('formatClock reads like a player position', () => {
  expect(formatClock(0)).toBe('0:00');
  expect(formatClock(245.7)).toBe('4:05');
  expect(formatClock(3729)).toBe('1:02:09');
});

it('formatBytes reads like a file manager', () => {
  expect(formatBytes(512)).toBe('512 B');
  expect(formatBytes(153_400)).toBe('153 kB');
  expect(formatBytes(3_450_000)).toBe('3.5 MB');
  expect(formatBytes(631_000_000)).toBe('631 MB');
  expect(formatBytes(1_250_000_000)).toBe('1.3 GB');
});
