import { describe, expect, it } from 'vitest';
import { wrapLines } from './wrapLines.ts';

const limits = { maxCharsPerLine: 42, maxLines: 2 };

describe('wrapLines', () => {
  it('keeps text that fits on one line on one line, whitespace normalised', () => {
    expect(wrapLines('  I have here\n a pendulum. ', limits)).toEqual(['I have here a pendulum.']);
    expect(wrapLines('   ', limits)).toEqual([]);
  });

  it('breaks at a comma when that keeps the lines near each other', () => {
    expect(wrapLines('When the bob comes back to my chin, it cannot go any higher than before.', limits)).toEqual([
      'When the bob comes back to my chin,',
      'it cannot go any higher than before.',
    ]);
  });

  it('breaks before a conjunction rather than at the exact middle', () => {
    expect(wrapLines('We lift the heavy object up one meter and then we simply let it go', limits)).toEqual([
      'We lift the heavy object up one meter',
      'and then we simply let it go',
    ]);
  });

  it('balances lines without punctuation and never ends a line on an article or preposition', () => {
    const text = 'thereby converting gravitational potential energy into the kinetic energy of a ball';
    const lines = wrapLines(text, limits);
    expect(lines).toHaveLength(2);
    expect(lines!.join(' ')).toBe(text);
    for (const line of lines!) expect(line.length).toBeLessThanOrEqual(42);
    expect(Math.abs(lines![0]!.length - lines![1]!.length)).toBeLessThanOrEqual(12);
    for (const line of lines!) expect(line).not.toMatch(/\b(?:the|a|an|of|into|to)$/);
  });

  it('keeps every line within 42 characters and two lines for any text up to 80 characters', () => {
    const words = 'energy is conserved when no friction acts on the swinging bob, so it never comes back higher'.split(
      ' ',
    );
    for (let n = 1; words.slice(0, n).join(' ').length <= 80; n++) {
      const lines = wrapLines(words.slice(0, n).join(' '), limits);
      expect(lines).not.toBeNull();
      expect(lines!.length).toBeLessThanOrEqual(2);
      for (const line of lines!) expect(line.length).toBeLessThanOrEqual(42);
    }
  });

  it('returns null when two lines are not enough, and uses a third when allowed', () => {
    const text =
      'If I do not succeed in giving it zero speed then this will be my last lecture, so please be very quiet.';
    expect(wrapLines(text, limits)).toBeNull();
    const three = wrapLines(text, { maxCharsPerLine: 42, maxLines: 3 });
    expect(three).toHaveLength(3);
    for (const line of three!) expect(line.length).toBeLessThanOrEqual(42);
  });

  it('gives a word longer than a line a line of its own instead of cutting it', () => {
    const url = 'https://ocw.mit.edu/courses/8-01sc-classical-mechanics-fall-2016/';
    expect(wrapLines(url, limits)).toEqual([url]);
    expect(wrapLines(`see ${url}`, limits)).toEqual(['see', url]);
  });
});
