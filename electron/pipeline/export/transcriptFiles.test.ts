import { describe, expect, it } from 'vitest';
import type { Sentence } from '../../../shared/domain/transcript.ts';
import { media } from '../../../test/env.ts';
import { sentenceCues } from './captionCues.ts';
import { loadWhisperSentences } from './fixtures/whisperTranscript.ts';
import { captionTimestamp, transcriptSrt, transcriptVtt } from './transcriptFiles.ts';

const sentences: Sentence[] = [
  { start: 0, end: 4.94, text: ' Now I want to return to the conservation of mechanical energy.', words: null },
  { start: 6.48, end: 9.1, text: 'I have here a pendulum & a <bob>.', words: null },
];

describe('transcriptSrt and transcriptVtt', () => {
  it('write one cue per sentence in two balanced lines', () => {
    expect(transcriptSrt(sentences)).toBe(
      [
        '1',
        '00:00:00,000 --> 00:00:04,940',
        'Now I want to return to the',
        'conservation of mechanical energy.',
        '',
        '2',
        '00:00:06,480 --> 00:00:09,100',
        'I have here a pendulum & a <bob>.',
        '',
      ].join('\n'),
    );
    expect(transcriptVtt(sentences)).toBe(
      [
        'WEBVTT',
        '',
        '00:00:00.000 --> 00:00:04.940',
        'Now I want to return to the',
        'conservation of mechanical energy.',
        '',
        '00:00:06.480 --> 00:00:09.100',
        'I have here a pendulum &amp; a &lt;bob&gt;.',
        '',
      ].join('\n'),
    );
  });

  it('keep an arrow in the text from being read as a timing line', () => {
    const arrow: Sentence[] = [{ start: 1, end: 2, text: 'Energy --> heat', words: null }];
    expect(transcriptSrt(arrow)).toBe('1\n00:00:01,000 --> 00:00:02,000\nEnergy -> heat\n');
    expect(transcriptVtt(arrow)).toBe('WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nEnergy --&gt; heat\n');
  });

  it('write valid empty files for an empty transcript', () => {
    expect(transcriptSrt([])).toBe('');
    expect(transcriptVtt([])).toBe('WEBVTT\n');
  });

  it('formats hours and rounds to the millisecond', () => {
    expect(captionTimestamp(3_723_004, ',')).toBe('01:02:03,004');
    expect(captionTimestamp(0, '.')).toBe('00:00:00.000');
  });
});

describe('sentenceCues', () => {
  it('splits a long sentence at its word times, dropping the silence between', () => {
    const words = [
      { start: 185.35, end: 185.91, text: 'Three,' },
      { start: 185.91, end: 186.47, text: 'two,' },
      { start: 186.73, end: 187.27, text: 'one,' },
      { start: 187.37, end: 187.83, text: 'zero.' },
      { start: 201.05, end: 201.23, text: 'Physics' },
      { start: 201.23, end: 201.73, text: 'works.' },
    ];
    const cues = sentenceCues([{ start: 185.35, end: 201.73, text: 'Three, two, one, zero. Physics works.', words }]);
    expect(cues).toEqual([
      { startMs: 185_350, endMs: 187_830, lines: ['Three, two, one, zero.'] },
      { startMs: 201_050, endMs: 201_730, lines: ['Physics works.'] },
    ]);
  });

  it('splits a long sentence without word times by characters into the fewest even cues of at most 7 s', () => {
    const text = 'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen';
    expect(sentenceCues([{ start: 10, end: 30, text, words: null }])).toEqual([
      { startMs: 10_000, endMs: 14_318, lines: ['one two three four'] },
      { startMs: 14_318, endMs: 19_091, lines: ['five six seven eight'] },
      { startMs: 19_091, endMs: 24_318, lines: ['nine ten eleven twelve'] },
      { startMs: 24_318, endMs: 30_000, lines: ['thirteen fourteen fifteen'] },
    ]);
  });

  it('splits a sentence too long for two lines even when it is quick', () => {
    const text = 'word '.repeat(30).trim();
    const cues = sentenceCues([{ start: 0, end: 5, text, words: null }]);
    expect(cues.length).toBe(2);
    for (const cue of cues) expect(cue.lines.length).toBeLessThanOrEqual(2);
  });

  it('caps a single word held longer than 7 s', () => {
    expect(sentenceCues([{ start: 1, end: 20, text: 'Sooo', words: [{ start: 1, end: 20, text: 'Sooo' }] }])).toEqual([
      { startMs: 1000, endMs: 8000, lines: ['Sooo'] },
    ]);
  });

  it('sorts cues and resolves overlaps: the earlier cue ends where the next begins', () => {
    const cues = sentenceCues([
      { start: 5, end: 8, text: 'Second.', words: null },
      { start: 0, end: 5.3, text: 'First.', words: null },
      { start: 5, end: 6, text: 'Same start.', words: null },
      { start: 9, end: 9, text: 'Instant.', words: null },
      { start: 10, end: 11, text: '   ', words: null },
    ]);
    expect(cues).toEqual([
      { startMs: 0, endMs: 5000, lines: ['First.'] },
      { startMs: 5000, endMs: 6000, lines: ['Same start.'] },
      { startMs: 6000, endMs: 8000, lines: ['Second.'] },
      { startMs: 9000, endMs: 9200, lines: ['Instant.'] },
    ]);
  });
});

describe('the physics lecture transcript (Whisper medium, word times)', () => {
  const lecture = loadWhisperSentences(media('physicsworks-lecture', 'whisper_medium_words.json'));
  const cues = sentenceCues(lecture);

  it('keeps every cue within 7 s and two lines of 42, in order, never overlapping', () => {
    expect(cues.length).toBeGreaterThanOrEqual(lecture.length);
    cues.forEach((cue, i) => {
      expect(cue.endMs).toBeGreaterThan(cue.startMs);
      expect(cue.endMs - cue.startMs).toBeLessThanOrEqual(7000);
      expect(cue.lines.length).toBeGreaterThanOrEqual(1);
      expect(cue.lines.length).toBeLessThanOrEqual(2);
      for (const line of cue.lines) expect(line.length).toBeLessThanOrEqual(42);
      const previous = cues[i - 1];
      if (previous) {
        expect(cue.startMs).toBeGreaterThan(previous.startMs);
        expect(cue.startMs).toBeGreaterThanOrEqual(previous.endMs);
      }
    });
  });

  it('loses no word and splits the 17 s countdown at its pause', () => {
    const words = (text: string): string[] => text.split(/\s+/).filter(Boolean);
    expect(words(cues.flatMap((cue) => cue.lines).join(' '))).toEqual(words(lecture.map((s) => s.text).join(' ')));
    const srt = transcriptSrt(lecture);
    expect(srt).toContain('00:03:05,350 --> 00:03:07,830\nThree, two, one, zero.\n');
    expect(srt).toContain("00:03:21,050 --> 00:03:22,770\nPhysics works and I'm still alive.\n");
  });

  it('writes SRT and WebVTT with the same cues and times', () => {
    const srtTimes = [...transcriptSrt(lecture).matchAll(/^(\S+) --> (\S+)$/gm)].map((m) => `${m[1]}-${m[2]}`);
    const vttTimes = [...transcriptVtt(lecture).matchAll(/^(\S+) --> (\S+)$/gm)].map((m) => `${m[1]}-${m[2]}`);
    expect(srtTimes.length).toBe(cues.length);
    expect(vttTimes).toEqual(srtTimes.map((t) => t.replace(/,/g, '.')));
  });
});
