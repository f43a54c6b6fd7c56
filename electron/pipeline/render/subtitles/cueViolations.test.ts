import { describe, expect, it } from 'vitest';
import { cueViolations } from './cueViolations.ts';

describe('cueViolations', () => {
  it('accepts cues that keep the rules, including a short one boxed in by its neighbours', () => {
    const cues = [
      { start: 0, end: 2, text: 'I have here\na pendulum.' },
      { start: 2, end: 2.6, text: 'Okay.' },
      { start: 2.6, end: 9.6, text: 'If I let it fall' },
      { start: 10, end: 12, text: 'it swings back.' },
    ];
    expect(cueViolations(cues, 12)).toEqual([]);
  });

  it('names each broken rule', () => {
    const cues = [
      { start: -0.1, end: 1, text: 'one\ntwo\nthree' },
      { start: 0.9, end: 1.5, text: 'a line that is much longer than forty-two characters' },
      { start: 1.6, end: 9, text: '' },
      { start: 12, end: 13, text: 'past the end' },
    ];
    expect(cueViolations(cues, 12.5)).toEqual([
      'cue 0 (-0.1–1 "one / two / three") has 3 lines',
      `cue 0 (-0.1–1 "one / two / three") crosses the clip's edge`,
      'cue 0 (-0.1–1 "one / two / three") overlaps the next cue',
      'cue 1 (0.9–1.5 "a line that is much longer than forty-two characters") has a line over the limit',
      'cue 1 (0.9–1.5 "a line that is much longer than forty-two characters") is short but could be longer',
      'cue 1 (0.9–1.5 "a line that is much longer than forty-two characters") is followed by a blink',
      'cue 2 (1.6–9 "") has an empty line',
      'cue 2 (1.6–9 "") lasts 7.4 s',
      `cue 3 (12–13 "past the end") crosses the clip's edge`,
    ]);
  });
});
