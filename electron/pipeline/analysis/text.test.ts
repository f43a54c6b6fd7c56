import { describe, expect, it } from 'vitest';
import { porterStem } from './stem.ts';
import { contentStems, isTopicWord, phraseCandidates, rankKeyPhrases, tokenize } from './text.ts';

describe('porterStem', () => {
  it('matches the examples of Porter (1980)', () => {
    // prettier-ignore
    const examples: Record<string, string> = {
      caresses: 'caress', ponies: 'poni', ties: 'ti', caress: 'caress', cats: 'cat',
      feed: 'feed', agreed: 'agre', plastered: 'plaster', bled: 'bled', motoring: 'motor', sing: 'sing',
      conflated: 'conflat', troubled: 'troubl', sized: 'size', hopping: 'hop', tanned: 'tan', falling: 'fall',
      hissing: 'hiss', fizzed: 'fizz', failing: 'fail', filing: 'file', happy: 'happi', sky: 'sky',
      relational: 'relat', conditional: 'condit', rational: 'ration', valenci: 'valenc', digitizer: 'digit',
      conformabli: 'conform', radicalli: 'radic', differentli: 'differ', vileli: 'vile', analogousli: 'analog',
      vietnamization: 'vietnam', predication: 'predic', operator: 'oper', feudalism: 'feudal',
      decisiveness: 'decis', hopefulness: 'hope', callousness: 'callous', formaliti: 'formal',
      sensitiviti: 'sensit', sensibiliti: 'sensibl', triplicate: 'triplic', formative: 'form', formalize: 'formal',
      electriciti: 'electr', electrical: 'electr', hopeful: 'hope', goodness: 'good', revival: 'reviv',
      allowance: 'allow', inference: 'infer', airliner: 'airlin', gyroscopic: 'gyroscop', adjustable: 'adjust',
      defensible: 'defens', irritant: 'irrit', replacement: 'replac', adjustment: 'adjust', dependent: 'depend',
      adoption: 'adopt', homologou: 'homolog', communism: 'commun', activate: 'activ', angulariti: 'angular',
      homologous: 'homolog', effective: 'effect', bowdlerize: 'bowdler', probate: 'probat', rate: 'rate',
      cease: 'ceas', controll: 'control', roll: 'roll',
    };
    for (const [word, expected] of Object.entries(examples)) expect(porterStem(word), word).toBe(expected);
  });

  it('conflates the forms a lecture uses for one idea', () => {
    expect(new Set(['gravitation', 'gravitational'].map(porterStem)).size).toBe(1);
    expect(porterStem('energies')).toBe(porterStem('energy'));
  });
});

describe('tokenize and contentStems', () => {
  it('split contractions the same whether or not a tokeniser already did', () => {
    expect(tokenize("Don't stop: it's Newton’s law.")).toEqual(['don', 'stop', 'it', 'newton', 'law']);
    expect(tokenize("don 't stop it 's")).toEqual(['don', 't', 'stop', 'it', 's']);
  });

  it('keep stems of content words only, number words included for cohesion', () => {
    expect(contentStems('So, um, the moving objects are basically accelerating at three meters')).toEqual([
      'move',
      'object',
      'acceler',
      'three',
      'meter',
    ]);
    expect(isTopicWord('three')).toBe(false);
    expect(isTopicWord('energy')).toBe(true);
  });
});

describe('key phrases', () => {
  it('are runs of content words that punctuation and function words break', () => {
    const texts = phraseCandidates('The kinetic energy of a moving object, clearly, is large.').map((c) => c.text);
    expect(texts).toEqual(expect.arrayContaining(['kinetic energy', 'moving object', 'object', 'large']));
    expect(texts).not.toContain('energy moving');
    expect(texts.some((t) => t.includes('clearly'))).toBe(false);
  });

  it('rank what a part says more than the rest of the lecture, without repeating themselves', () => {
    const common = 'We measure things in this lecture.';
    const energy = ['Kinetic energy grows with speed.', 'The kinetic energy of the cart doubles.', common];
    const charge = ['Electric charge is conserved.', 'An electric charge feels a field.', common];
    const [first, second] = rankKeyPhrases([energy, charge], 3);
    expect(first![0]!.text).toBe('kinetic energy');
    expect(second![0]!.text).toBe('electric charge');
    expect(first!.map((p) => p.text)).not.toContain('energy');
  });

  it('keep the case a lecturer uses, preferring lower case when a capital is only sentence-initial', () => {
    const [phrases] = rankKeyPhrases([
      ['Newton wrote this.', 'Newton again.', 'Energy matters.', 'energy and energy.'],
    ]);
    const texts = phrases!.map((p) => p.text);
    expect(texts).toContain('Newton');
    expect(texts).toContain('energy');
  });
});
