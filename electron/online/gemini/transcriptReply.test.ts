import { describe, expect, it } from 'vitest';
import type { TranscriptionChunk } from '../../pipeline/transcript/local/chunking.ts';
import { joinExcerpts, placeReply } from './transcriptReply.ts';

const chunk = (start: number, end: number, keep: Partial<TranscriptionChunk> = {}): TranscriptionChunk => ({
  start,
  end,
  speechStart: start,
  speechEnd: end,
  keepStart: start,
  keepEnd: end + 1e-6,
  overlapsPrevious: false,
  ...keep,
});

describe('placing Gemini’s answer on the recording’s timeline', () => {
  it('shifts sentences and words by the excerpt’s start', () => {
    const placed = placeReply(chunk(100, 160), {
      sentences: [
        {
          start: 1.25,
          end: 3.5,
          text: ' Energy is conserved. ',
          words: [
            { start: 1.25, end: 1.9, text: 'Energy' },
            { start: 2, end: 3.5, text: 'conserved.' },
          ],
        },
      ],
    });
    expect(placed).toEqual([
      {
        start: 101.25,
        end: 103.5,
        text: 'Energy is conserved.',
        words: [
          { start: 101.25, end: 101.9, text: 'Energy' },
          { start: 102, end: 103.5, text: 'conserved.' },
        ],
      },
    ]);
  });

  it('clamps times to the audio that was sent and keeps words inside their sentence', () => {
    const [sentence] = placeReply(chunk(10, 20), {
      sentences: [{ start: 8, end: 12, text: 'Past the end.', words: [{ start: 7, end: 13, text: 'Past' }] }],
    });
    expect(sentence).toMatchObject({ start: 18, end: 20, words: [{ start: 18, end: 20 }] });
  });

  it('repairs reversed times, drops empty text, and leaves words null when none came', () => {
    const placed = placeReply(chunk(0, 30), {
      sentences: [
        { start: 5, end: 4, text: 'Backwards.' },
        { start: 6, end: 7, text: '   ' },
      ],
    });
    expect(placed).toEqual([{ start: 4, end: 5, text: 'Backwards.', words: null }]);
  });

  it('leaves sentences in an overlapping neighbour’s share to that neighbour', () => {
    const placed = placeReply(chunk(0, 30, { keepEnd: 29 }), {
      sentences: [
        { start: 10, end: 12, text: 'Mine.' },
        { start: 29, end: 30, text: 'The next excerpt’s.' },
      ],
    });
    expect(placed.map((s) => s.text)).toEqual(['Mine.']);
  });

  it('joins excerpts in time order without a sentence repeated across a cut', () => {
    const joined = joinExcerpts([
      [{ start: 40, end: 42, text: 'Second.', words: null }],
      [
        { start: 10, end: 12, text: 'First.', words: null },
        { start: 40.2, end: 42, text: 'Second.', words: null },
      ],
    ]);
    expect(joined.map((s) => [s.start, s.text])).toEqual([
      [10, 'First.'],
      [40, 'Second.'],
    ]);
  });
});
