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

describe('retimeCues when the highlight grows', () => {
  const transcript = [
    { start: 95, end: 99.5, text: 'Before we start, a reminder.', words: null },
    { start: 100, end: 109.5, text: 'Heat flows from hot to cold. Always.', words: null },
    { start: 110.2, end: 113, text: 'That is the second law.', words: null },
    { start: 120, end: 124, text: 'Much later.', words: null },
  ];

  it('subtitles the stretch it grew by from the transcript, and keeps the corrections', () => {
    const grown = retimeCues(cues, { start: 100, end: 110 }, { start: 96, end: 114 }, transcript);
    expect(grown).toEqual([
      { start: 0, end: 3.5, text: 'Before we start, a reminder.' },
      { start: 4, end: 6, text: 'Heat flows' },
      { start: 6, end: 9, text: 'from hot to cold.' },
      { start: 9, end: 13.5, text: 'Always.' },
      { start: 14.2, end: 17, text: 'That is the second law.' },
    ]);
  });

  it('adds nothing when it only shrinks, or without a transcript', () => {
    expect(retimeCues(cues, { start: 100, end: 110 }, { start: 101, end: 108 }, transcript)).toHaveLength(3);
    expect(retimeCues(cues, { start: 100, end: 110 }, { start: 100, end: 114 })).toHaveLength(3);
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
