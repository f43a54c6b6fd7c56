import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { evalDir } from '../../../../test/env.ts';
import { parseCsv } from '../../transcript/captions/parseCsv.ts';
import { joinMavils, loadMavils, loadPhysicsLectures, parseRefFile, parseWordCues } from './datasets.ts';

describe('parseRefFile', () => {
  it('turns marker lines into boundaries and synthesises times at 150 words per minute', () => {
    const lecture = parseRefFile('x', '==========\na b c d e\nf g\n==========\nh i j\n==========\n');
    expect(lecture.sentences.map((s) => s.text)).toEqual(['a b c d e', 'f g', 'h i j']);
    expect(lecture.boundaries).toEqual([2]);
    expect(lecture.sentences[0]).toMatchObject({ start: 0, end: 2 });
    expect(lecture.sentences[2]!.start).toBeCloseTo(2.8);
  });
});

describe('MaViLS parsing', () => {
  it('reads word cues, including the ones with no space after the bracket', () => {
    const words = parseWordCues('[00:00:11.120 --> 00:00:11.760] Okay,\n[01:02:03.500 --> 01:02:04.000]-year\nnoise\n');
    expect(words).toEqual([
      { start: 11.12, end: 11.76, text: 'Okay,' },
      { start: 3723.5, end: 3724, text: '-year' },
    ]);
  });

  it('parses quoted csv fields with commas and doubled quotes', () => {
    expect(parseCsv('time_s,slide,text\n1.5,2,"a, ""b"""\n3,-1,plain\n')).toEqual([
      ['time_s', 'slide', 'text'],
      ['1.5', '2', 'a, "b"'],
      ['3', '-1', 'plain'],
    ]);
  });

  it('gives each word to the sentence whose last-word time it does not pass, and slide changes as gold', () => {
    const csv = 'time_s,slide,text\n1.0,1,Hello there.\n2.6,1,How are you?\n4.0,2,Fine.\n5.0,2,\n';
    const srt = [
      '[00:00:00.500 --> 00:00:00.900] Hello',
      '[00:00:01.000 --> 00:00:01.400] there.',
      '[00:00:02.000 --> 00:00:02.200] How',
      '[00:00:02.200 --> 00:00:02.400] are',
      '[00:00:02.600 --> 00:00:02.900] you?',
      '[00:00:04.000 --> 00:00:04.300] Fine.',
    ].join('\n');
    const lecture = joinMavils('t', csv, srt);
    expect(lecture.sentences.map((s) => [s.text, s.start, s.end, s.words?.length])).toEqual([
      ['Hello there.', 0.5, 1.4, 2],
      ['How are you?', 2, 2.9, 3],
      ['Fine.', 4, 4.3, 1],
    ]);
    expect(lecture.boundaries).toEqual([2]);
    expect(lecture.pauses).toEqual([
      { start: 1.4, end: 2 },
      { start: 2.9, end: 4 },
    ]);
  });
});

describe('the shared evaluation data', () => {
  it('has 12 physics lectures per variant, with the human segments of the files', () => {
    for (const variant of ['manual', 'asr'] as const) {
      const lectures = loadPhysicsLectures(evalDir, variant);
      expect(lectures).toHaveLength(12);
      const file = readFileSync(path.join(evalDir, 'physics-lectures', variant, 'L01.ref'), 'utf8');
      const markers = file.split('\n').filter((l) => /^=+$/.test(l.trim())).length;
      // Markers open and close the file, so there is one boundary fewer than segments, two fewer than markers.
      expect(lectures[0]!.boundaries).toHaveLength(markers - 2);
      for (const l of lectures) expect(l.sentences.length).toBeGreaterThan(300);
    }
  });

  it('joins all 10 MaViLS lectures with nearly every csv sentence getting its words', () => {
    const lectures = loadMavils(evalDir);
    expect(lectures).toHaveLength(10);
    for (const l of lectures) {
      const withWords = l.sentences.filter((s) => s.words !== null).length;
      expect(withWords / l.sentences.length).toBeGreaterThan(0.95);
      expect(l.boundaries.length).toBeGreaterThan(10);
      expect(l.pauses!.length).toBeGreaterThan(50);
      const starts = l.sentences.map((s) => s.start);
      expect(starts).toEqual([...starts].sort((a, b) => a - b));
    }
  });
});
