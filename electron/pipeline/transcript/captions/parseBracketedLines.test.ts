import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { evalDir } from '../../../../test/env.ts';
import { looksLikeBracketedLines, parseBracketedLines } from './parseBracketedLines.ts';

const transcriptsDir = path.join(evalDir, 'mavils', 'transcripts');
const mavilsFiles = readdirSync(transcriptsDir).filter((name) => name.endsWith('.srt'));

describe('parseBracketedLines', () => {
  it('reads one word per line and joins tokens printed without a leading space to the word before', () => {
    const text = [
      '[00:00:11.120 --> 00:00:11.760] Okay,',
      '[00:00:13.660 --> 00:00:14.040] 8',
      '[00:00:14.040 --> 00:00:14.520].225,',
      '',
      '[00:00:15.000 --> 00:00:15.300] a',
      '[00:00:15.300 --> 00:00:15.500] 300',
      '[00:00:15.500 --> 00:00:15.800]-year',
      '[00:00:15.800 --> 00:00:16.000]-old',
      '[00:00:16.000 --> 00:00:16.500] tree.',
    ].join('\n');
    expect(looksLikeBracketedLines(text)).toBe(true);
    expect(parseBracketedLines(text)).toEqual([
      { start: 11.12, end: 11.76, text: 'Okay,', words: null },
      { start: 13.66, end: 14.52, text: '8.225,', words: null },
      { start: 15, end: 15.3, text: 'a', words: null },
      { start: 15.3, end: 16, text: '300-year-old', words: null },
      { start: 16, end: 16.5, text: 'tree.', words: null },
    ]);
  });

  it('reads whisper.cpp segment lines', () => {
    const text = '[00:00:00.000 --> 00:00:11.000]   And so my fellow Americans, ask not\r\n';
    expect(parseBracketedLines(text)).toEqual([
      { start: 0, end: 11, text: 'And so my fellow Americans, ask not', words: null },
    ]);
  });

  it('is not fooled by SRT or WebVTT', () => {
    expect(looksLikeBracketedLines('1\n00:00:01,000 --> 00:00:02,000\nhi')).toBe(false);
    expect(looksLikeBracketedLines('WEBVTT\n\n[00:00:01.000 --> 00:00:02.000] hi')).toBe(false);
  });

  it('names a line that does not fit', () => {
    const text = '[00:00:01.000 --> 00:00:02.000] fine\n[00:00:02.000 -> 00:00:03.000] broken';
    expect(() => parseBracketedLines(text)).toThrow(/^line 2: expected "\[00:00:01.000 --> 00:00:01.400\] word"/);
  });

  it.each(mavilsFiles)('reads the MaViLS transcript %s as ordered words', (name) => {
    const text = readFileSync(path.join(transcriptsDir, name), 'utf8');
    expect(looksLikeBracketedLines(text)).toBe(true);
    const cues = parseBracketedLines(text);
    const lineCount = text.split('\n').filter((l) => l.trim() !== '').length;
    expect(cues.length).toBeGreaterThan(lineCount * 0.95);
    const misfits = cues.filter((cue, i) => {
      const previousEnd = cues[i - 1]?.end ?? 0;
      return !/^\S+$/.test(cue.text) || cue.end < cue.start || cue.start < previousEnd;
    });
    expect(misfits).toEqual([]);
  });

  it('keeps numbers and web addresses whole in the real transcripts', () => {
    const physics = parseBracketedLines(readFileSync(path.join(transcriptsDir, 'physics_intro_02.srt'), 'utf8'));
    expect(physics.slice(0, 8).map((c) => c.text)).toContain('8.225,');
    const robotics = parseBracketedLines(readFileSync(path.join(transcriptsDir, 'cognitive_robotics_MIT.srt'), 'utf8'));
    expect(robotics.map((c) => c.text)).toContain('ocw.mit.edu.');
  });
});
