import { describe, expect, it } from 'vitest';
import { retimeCues, withCueText } from './cues.ts';

const cues = [
  { start: 0, end: 2, text: 'Heat flows' },
  { start: 2, end: 5, text: 'from hot to cold.' },
  { start: 5, end: 9.5, text: 'Always.' },
];

describe('retimeCues', () => {
  it('keeps each cue where it is in the recording when the in point moves later', () => {
    expect(retimeCues(cues, { start: 100, end: 110 }, { start: 101, end: 110 })).toEqual([
      { start: 0, end: 1, text: 'Heat flows' },
      { start: 1, end: 4, text: 'from hot to cold.' },
      { start: 4, end: 8.5, text: 'Always.' },
    ]);
  });

  it('drops cues outside the clip and cuts those across the out point', () => {
    expect(retimeCues(cues, { start: 100, end: 110 }, { start: 100, end: 106 })).toEqual([
      { start: 0, end: 2, text: 'Heat flows' },
      { start: 2, end: 5, text: 'from hot to cold.' },
      { start: 5, end: 6, text: 'Always.' },
    ]);
    expect(retimeCues(cues, { start: 100, end: 110 }, { start: 101.9, end: 110 })[0]).toEqual({
      start: 0.1,
      end: 3.1,
      text: 'from hot to cold.',
    });
  });

  it('shifts every cue later when the in point moves earlier', () => {
    expect(retimeCues(cues, { start: 100, end: 110 }, { start: 98.5, end: 110 })[0]).toEqual({
      start: 1.5,
      end: 3.5,
      text: 'Heat flows',
    });
  });
});

describe('withCueText', () => {
  it('changes only the one line', () => {
    expect(withCueText(cues, 1, 'from hot to cold!').map((c) => c.text)).toEqual([
      'Heat flows',
      'from hot to cold!',
      'Always.',
    ]);
  });
});
