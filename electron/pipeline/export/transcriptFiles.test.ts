import { describe, expect, it } from 'vitest';
import type { Sentence } from '../../../shared/domain/transcript.ts';
import { media } from '../../../test/env.ts';
import { loadWhisperSentences } from './fixtures/whisperTranscript.ts';
import { transcriptSrt, transcriptVtt } from './transcriptFiles.ts';

const sentences: Sentence[] = [
  { start: 0, end: 4.94, text: ' Now I want to return to the conservation of mechanical energy.', words: null },
  { start: 6.48, end: 9.1, text: 'I have here a pendulum & a <bob>.', words: null },
];

interface WrittenCue {
  startMs: number;
  endMs: number;
  lines: string[];
}

/** The cues as a player reads them back from the SRT text, so the checks are on what the lecturer uploads. */
function readSrt(srt: string): WrittenCue[] {
  return srt
    .split('\n\n')
    .filter((block) => block.trim() !== '')
    .map((block) => {
      const [, timing = '', ...lines] = block.trim().split('\n');
      const [start = '', end = ''] = timing.split(' --> ');
      return { startMs: srtMs(start), endMs: srtMs(end), lines };
    });
}

function srtMs(time: string): number {
  const [h, m, s, ms] = time.split(/[:,]/).map(Number);
  return (((h ?? 0) * 60 + (m ?? 0)) * 60 + (s ?? 0)) * 1000 + (ms ?? 0);
}

function words(text: string): string[] {
  return text.split(/\s+/).filter(Boolean);
}

describe('transcriptSrt and transcriptVtt', () => {
  it('write one cue per sentence on the recording’s timeline, in at most two lines', () => {
    expect(transcriptSrt(sentences, 10)).toBe(
      [
        '1',
        '00:00:00,000 --> 00:00:04,940',
        'Now I want to return to the conservation',
        'of mechanical energy.',
        '',
        '2',
        '00:00:06,480 --> 00:00:09,100',
        'I have here a pendulum & a <bob>.',
        '',
      ].join('\n'),
    );
    expect(transcriptVtt(sentences, 10)).toBe(
      [
        'WEBVTT',
        '',
        '00:00:00.000 --> 00:00:04.940',
        'Now I want to return to the conservation',
        'of mechanical energy.',
        '',
        '00:00:06.480 --> 00:00:09.100',
        'I have here a pendulum &amp; a &lt;bob&gt;.',
        '',
      ].join('\n'),
    );
  });

  it('keep an arrow in the text from being read as a timing line', () => {
    const arrow: Sentence[] = [{ start: 1, end: 2, text: 'Energy --> heat', words: null }];
    expect(transcriptSrt(arrow, 3)).toBe('1\n00:00:01,000 --> 00:00:02,000\nEnergy -> heat\n');
    expect(transcriptVtt(arrow, 3)).toBe('WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nEnergy --&gt; heat\n');
  });

  it('end with the recording: words spoken after its end are not captioned', () => {
    const overrun: Sentence[] = [{ start: 8, end: 12, text: 'Thank you and goodbye.', words: null }];
    expect(transcriptSrt(overrun, 10)).toBe('1\n00:00:08,000 --> 00:00:09,739\nThank you\n');
  });

  it('write valid empty files for an empty transcript', () => {
    expect(transcriptSrt([], 10)).toBe('');
    expect(transcriptVtt([], 10)).toBe('WEBVTT\n');
  });
});

describe('the physics lecture transcript (Whisper medium, word times)', () => {
  const lecture = loadWhisperSentences(media('physicsworks-lecture', 'whisper_medium_words.json'));
  // physicsworks_audio.webm as ffprobe reports it (probe.test.ts).
  const durationSec = 203.3;
  const srt = transcriptSrt(lecture, durationSec);
  const cues = readSrt(srt);

  it('keeps every cue within 7 s and two lines of 42, in order, never overlapping', () => {
    expect(cues.length).toBeGreaterThanOrEqual(lecture.length);
    cues.forEach((cue, i) => {
      expect(cue.endMs).toBeGreaterThan(cue.startMs);
      expect(cue.endMs - cue.startMs).toBeLessThanOrEqual(7000);
      expect(cue.endMs).toBeLessThanOrEqual(durationSec * 1000);
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
    expect(words(cues.flatMap((cue) => cue.lines).join(' '))).toEqual(words(lecture.map((s) => s.text).join(' ')));
    expect(srt).toContain('00:03:05,350 --> 00:03:07,830\nThree, two, one, zero.\n');
    expect(srt).toContain("00:03:21,050 --> 00:03:22,770\nPhysics works and I'm still alive.\n");
  });

  it('writes SRT and WebVTT with the same cues and times', () => {
    const srtTimes = [...srt.matchAll(/^(\S+) --> (\S+)$/gm)].map((m) => `${m[1]}-${m[2]}`);
    const vttTimes = [...transcriptVtt(lecture, durationSec).matchAll(/^(\S+) --> (\S+)$/gm)].map(
      (m) => `${m[1]}-${m[2]}`,
    );
    expect(srtTimes.length).toBe(cues.length);
    expect(vttTimes).toEqual(srtTimes.map((t) => t.replace(/,/g, '.')));
  });
});
