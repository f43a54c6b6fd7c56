import { describe, expect, it } from 'vitest';
import { fitsCaption, wrapCaption } from './captionLines.ts';

describe('wrapCaption', () => {
  it('keeps a short caption on one line', () => {
    expect(wrapCaption('  I have here   a pendulum. ')).toEqual(['I have here a pendulum.']);
    expect(wrapCaption('')).toEqual([]);
  });

  it('balances two lines, top one shorter on a tie', () => {
    expect(wrapCaption('Now I want to return to the conservation of mechanical energy.')).toEqual([
      'Now I want to return to the',
      'conservation of mechanical energy.',
    ]);
    expect(wrapCaption('aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii')).toEqual([
      'aaaa bbbb cccc dddd',
      'eeee ffff gggg hhhh iiii',
    ]);
  });

  it('prefers a break after punctuation over a perfectly even one', () => {
    expect(wrapCaption("I will close my eyes. I don't want to see this.")).toEqual([
      'I will close my eyes.',
      "I don't want to see this.",
    ]);
  });

  it('never writes a line over 42 characters, cutting a word longer than a line', () => {
    const url = 'https://ocw.mit.edu/courses/8-01sc-classical-mechanics-fall-2016/';
    const lines = wrapCaption(`See ${url} for notes`);
    expect(lines.every((line) => line.length <= 42)).toBe(true);
    expect(lines.join(' ').replace(/\s/g, '')).toBe(`See${url}fornotes`);
  });

  it('reports text needing more than two lines', () => {
    expect(fitsCaption('x'.repeat(40) + ' ' + 'y'.repeat(40))).toBe(true);
    expect(fitsCaption('x'.repeat(40) + ' ' + 'y'.repeat(40) + ' zz')).toBe(false);
  });
});
