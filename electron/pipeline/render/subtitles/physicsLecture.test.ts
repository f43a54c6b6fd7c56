import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Sentence, TimeRange } from '../../../../shared/domain/transcript.ts';
import { media } from '../../../../test/env.ts';
import { buildClipCues } from './buildCues.ts';
import { cueViolations } from './cueViolations.ts';
import { toAss } from './ass.ts';
import { toSrt, toVtt } from './formats.ts';

// aana_sdk's Whisper output: times nested in `time_interval`, words with their leading space.
const interval = z.object({ start: z.number(), end: z.number() });
const whisperJson = z.object({
  segments: z.array(
    z.object({
      text: z.string(),
      time_interval: interval,
      words: z.array(z.object({ word: z.string(), time_interval: interval })),
    }),
  ),
});

const lecture: Sentence[] = whisperJson
  .parse(JSON.parse(readFileSync(media('physicsworks-lecture', 'whisper_medium_words.json'), 'utf8')))
  .segments.map((s) => ({
    start: s.time_interval.start,
    end: s.time_interval.end,
    text: s.text.trim(),
    words: s.words.map((w) => ({ start: w.time_interval.start, end: w.time_interval.end, text: w.word })),
  }));

const captionsOnly: Sentence[] = lecture.map((s) => ({ ...s, words: null }));

// Each starts and ends inside a segment; the last holds the 17 s "Three, two, one, zero. … still alive." segment.
const clips: TimeRange[] = [
  { start: 10.5, end: 61.3 },
  { start: 84.2, end: 140.3 },
  { start: 150.6, end: 203.3 },
];

/** The words heard in the clip, in order: the words whose middle is inside it. */
function wordsInClip(sentences: readonly Sentence[], clip: TimeRange): string[] {
  return sentences.flatMap((s) =>
    (s.words ?? [])
      .filter((w) => (w.start + w.end) / 2 >= clip.start && (w.start + w.end) / 2 < clip.end)
      .map((w) => w.text.trim()),
  );
}

function cueWords(text: string): string[] {
  return text.split(/\s+/).filter(Boolean);
}

describe('cues for clips of a real lecture (Whisper word times)', () => {
  for (const clip of clips) {
    it(`keeps every rule and every word for ${clip.start}–${clip.end} s`, () => {
      const cues = buildClipCues(lecture, clip);
      const duration = clip.end - clip.start;
      expect(cueViolations(cues, duration)).toEqual([]);
      expect(cues.flatMap((c) => cueWords(c.text))).toEqual(wordsInClip(lecture, clip));
      expect(buildClipCues(lecture, clip)).toEqual(cues);

      // Each cue is on screen while its words are spoken (times relative to the clip).
      const words = lecture
        .flatMap((s) => s.words ?? [])
        .filter((w) => (w.start + w.end) / 2 >= clip.start && (w.start + w.end) / 2 < clip.end);
      let next = 0;
      for (const cue of cues) {
        const spoken = words.slice(next, next + cueWords(cue.text).length);
        next += spoken.length;
        expect(cue.start).toBeLessThanOrEqual(Math.max(0, spoken[0]!.start - clip.start) + 0.001);
        expect(cue.end).toBeGreaterThanOrEqual(Math.min(duration, spoken.at(-1)!.end - clip.start) - 0.001);
      }
    });
  }

  it('writes the cues as SRT, WebVTT and ASS with one entry per cue', () => {
    const cues = buildClipCues(lecture, clips[0]!);
    expect(toSrt(cues).match(/^\d\d:\d\d:\d\d,\d{3} --> \d\d:\d\d:\d\d,\d{3}$/gm)).toHaveLength(cues.length);
    expect(toVtt(cues).match(/^\d\d:\d\d:\d\d\.\d{3} --> \d\d:\d\d:\d\d\.\d{3}$/gm)).toHaveLength(cues.length);
    expect(toAss(cues, { width: 1280, height: 720 }).match(/^Dialogue: /gm)).toHaveLength(cues.length);
  });
});

describe('cues for clips of a real lecture (captions only, no word times)', () => {
  for (const clip of clips) {
    it(`keeps every rule for ${clip.start}–${clip.end} s`, () => {
      const cues = buildClipCues(captionsOnly, clip);
      expect(cueViolations(cues, clip.end - clip.start)).toEqual([]);
      const text = cues.flatMap((c) => cueWords(c.text)).join(' ');
      // Only the segments straddling the edges lose words, and only there.
      const inside = captionsOnly.filter((s) => s.start >= clip.start && s.end <= clip.end).map((s) => s.text);
      expect(text).toContain(inside.join(' '));
    });
  }
});
