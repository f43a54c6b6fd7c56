import { describe, expect, it } from 'vitest';
import { isCutShort } from './truncation.ts';
import { formatBytes, formatDuration } from './units.ts';

describe('formatBytes', () => {
  it('uses the unit a lecturer expects, one decimal below 10', () => {
    expect(formatBytes(0)).toBe('0 bytes');
    expect(formatBytes(3_022_780)).toBe('2.9 MB');
    expect(formatBytes(512 * 1024 ** 2)).toBe('512 MB');
    expect(formatBytes(20 * 1024 ** 3)).toBe('20 GB');
    expect(formatBytes(1.5 * 1024 ** 3)).toBe('1.5 GB');
  });
});

describe('formatDuration', () => {
  it('drops zero parts', () => {
    expect(formatDuration(42.4)).toBe('42 s');
    expect(formatDuration(203.3)).toBe('3 min 23 s');
    expect(formatDuration(600)).toBe('10 min');
    expect(formatDuration(6 * 3600)).toBe('6 h');
    expect(formatDuration(5400)).toBe('1 h 30 min');
  });
});

describe('isCutShort', () => {
  it('accepts data ending at the claimed duration, within a margin', () => {
    expect(isCutShort(42.4, 42.4)).toBe(false);
    expect(isCutShort(203.301, 203.294)).toBe(false);
    expect(isCutShort(2, 0.5)).toBe(false);
    expect(isCutShort(6 * 3600, 6 * 3600 - 100)).toBe(false);
  });

  it('flags missing or early-ending data', () => {
    expect(isCutShort(42.4, null)).toBe(true);
    expect(isCutShort(203.301, 101.414)).toBe(true);
    expect(isCutShort(6 * 3600, 6 * 3600 - 200)).toBe(true);
  });
});
