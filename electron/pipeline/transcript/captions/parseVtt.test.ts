import { describe, expect, it } from 'vitest';
import { parseVtt, readVttLanguage } from './parseVtt.ts';
import { toSentences } from './toSentences.ts';

const lines = (...rows: string[]): string => rows.join('\n');

// The shape of YouTube's automatic captions (yt-dlp --write-auto-subs): each cue repeats the previous line, adds
// one with a timestamp before each word, and is followed by a 10 ms cue that only repeats it.
const youtube = lines(
  'WEBVTT',
  'Kind: captions',
  'Language: en',
  '',
  '00:00:00.000 --> 00:00:02.350 align:start position:0%',
  ' ',
  "so<00:00:00.390><c> today</c><00:00:00.750><c> we're</c><00:00:01.020><c> going</c><00:00:01.170><c> to</c>",
  '',
  '00:00:02.350 --> 00:00:02.360 align:start position:0%',
  "so today we're going to",
  ' ',
  '',
  '00:00:02.360 --> 00:00:05.030 align:start position:0%',
  "so today we're going to",
  'talk<00:00:02.720><c> about</c><00:00:03.120><c> the</c><00:00:03.600><c> second</c><00:00:04.000><c> law.</c>',
  '',
  '00:00:05.030 --> 00:00:05.040 align:start position:0%',
  'talk about the second law.',
  ' ',
  '',
  '00:00:05.040 --> 00:00:07.000 align:start position:0%',
  'talk about the second law.',
  'It<00:00:05.500><c> is</c><00:00:05.800><c> simple.</c>',
  '',
);

describe('parseVtt', () => {
  it('skips the header, NOTE, STYLE and REGION blocks and reads identifiers, settings and hour-less times', () => {
    const vtt = lines(
      'WEBVTT - lecture 3',
      'Kind: captions',
      'Language: en-GB',
      '',
      'STYLE',
      '::cue { color: yellow }',
      '',
      'REGION',
      'id:left width:40%',
      '',
      'NOTE written by the TA',
      'over two lines',
      '',
      'intro',
      '00:01.000 --> 00:04.000 line:0 position:20% align:start',
      '<v Prof. Lewin>Physics <c.yellow>works</c>.</v>',
      '',
      'NOTE',
      'a note between cues',
      '',
      '2',
      '01:00:00.000 --> 01:00:02.500',
      '<b>Energy</b> &amp; <i>work</i>&hellip;',
      '',
    );
    expect(parseVtt(vtt)).toEqual([
      { start: 1, end: 4, text: 'Physics works.', words: null },
      { start: 3600, end: 3602.5, text: 'Energy & work…', words: null },
    ]);
    expect(readVttLanguage(vtt)).toBe('en-GB');
  });

  it('turns inline timestamps into word times and keeps only what each rolling cue adds', () => {
    const cues = parseVtt(youtube);
    expect(cues.map((c) => c.text)).toEqual(["so today we're going to", 'talk about the second law.', 'It is simple.']);
    expect(cues[0]?.words).toEqual([
      { start: 0, end: 0.39, text: 'so' },
      { start: 0.39, end: 0.75, text: 'today' },
      { start: 0.75, end: 1.02, text: "we're" },
      { start: 1.02, end: 1.17, text: 'going' },
      { start: 1.17, end: 2.35, text: 'to' },
    ]);
    expect(cues[0]?.end).toBe(2.36);
    expect(cues[1]).toMatchObject({ start: 2.36, end: 5.04 });
    expect(cues[1]?.words?.map((w) => w.start)).toEqual([2.36, 2.72, 3.12, 3.6, 4]);
    expect(readVttLanguage(youtube)).toBe('en');
  });

  it('gives YouTube captions sentences with word times', () => {
    const sentences = toSentences(parseVtt(youtube));
    expect(sentences.map((s) => [s.start, s.end, s.text])).toEqual([
      [0, 5.03, "so today we're going to talk about the second law."],
      [5.04, 7, 'It is simple.'],
    ]);
    expect(sentences[0]?.words).toHaveLength(10);
  });

  it('keeps only the new words of a line that grows from cue to cue', () => {
    const vtt = lines(
      'WEBVTT',
      '',
      '00:00:01.000 --> 00:00:02.000',
      'the kinetic',
      '',
      '00:00:02.000 --> 00:00:03.000',
      'the kinetic energy is',
      '',
      '00:00:03.000 --> 00:00:04.000',
      'the kinetic energy is conserved',
    );
    expect(parseVtt(vtt).map((c) => [c.start, c.text])).toEqual([
      [1, 'the kinetic'],
      [2, 'energy is'],
      [3, 'conserved'],
    ]);
  });

  it('times a word split by a timestamp from its first to its last letter', () => {
    const vtt = lines('WEBVTT', '', '00:00:00.000 --> 00:00:02.000', 'gra<00:00:01.000>vity');
    expect(parseVtt(vtt)[0]?.words).toEqual([{ start: 0, end: 2, text: 'gravity' }]);
  });

  it('reads CRLF, a BOM and cues without the blank line between them', () => {
    const vtt = '\uFEFFWEBVTT\r\n\r\n00:01.000 --> 00:02.000\r\nfirst\r\n00:02.000 --> 00:03.000\r\nsecond\r\n';
    expect(parseVtt(vtt).map((c) => c.text)).toEqual(['first', 'second']);
  });

  it('has no cues in a header-only file', () => {
    expect(parseVtt('WEBVTT\n\n')).toEqual([]);
    expect(readVttLanguage('WEBVTT\n\n00:01.000 --> 00:02.000\nLanguage: fr')).toBeNull();
  });

  it('refuses a file without the WEBVTT header', () => {
    expect(() => parseVtt('00:01.000 --> 00:02.000\nhello')).toThrow(/^line 1: a WebVTT file must start with "WEBVTT"/);
  });

  it('names the line of an unreadable time', () => {
    expect(() =>
      parseVtt(lines('WEBVTT', '', '00:01.000 --> 00:02.000', 'ok', '', '00:03.0x0 --> 00:04.000', 'x')),
    ).toThrow(/^line 6: cannot read the times/);
  });
});
