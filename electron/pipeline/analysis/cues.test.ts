import { describe, expect, it } from 'vitest';
import { detectCues } from './cues.ts';

function kinds(text: string): string[] {
  return detectCues(text).map((c) => c.kind);
}

describe('detectCues', () => {
  it('finds a definition and quotes the term with it', () => {
    const [cue] = detectCues('So work is defined as the force times the displacement.');
    expect(cue).toEqual({ kind: 'definition', quote: 'work is defined as the force…' });
    expect(kinds('and this is what we call the escape velocity')).toContain('definition');
  });

  it('finds summaries, examples and formulas in unpunctuated ASR text', () => {
    expect(kinds('the key point here is that energy is conserved')).toContain('summary');
    expect(kinds('for example if you drop an apple')).toContain('example');
    expect(kinds('the period is proportional to the square root of the length')).toContain('formula');
    expect(kinds('it falls about 9.8 meters in the first second')).toContain('formula');
  });

  it('tells a question to the audience from a rhetorical one', () => {
    expect(kinds('How many of you have seen this before?')).toContain('question');
    expect(kinds('does anyone know why')).toContain('question');
    expect(kinds('What do you see here?')).toContain('question');
    expect(kinds('Why does it fall?')).not.toContain('question');
  });

  it('finds nothing in plain narration', () => {
    expect(detectCues('Then the ball rolls down the ramp and stops.')).toEqual([]);
  });

  it('keeps quotes short and ends them with an ellipsis when the sentence goes on', () => {
    const long = 'The key point, and I cannot stress this enough to all of you in the back rows, is energy.';
    const quote = detectCues(long)[0]!.quote;
    expect(quote.length).toBeLessThanOrEqual(49);
    expect(quote.endsWith('…')).toBe(true);
  });
});
