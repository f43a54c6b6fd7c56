import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { media } from '../../../../test/env.ts';
import { parseTranscriptJson } from './parseTranscriptJson.ts';

describe('parseTranscriptJson', () => {
  it('reads the physicsworks Whisper transcript, whose times sit in time_interval', () => {
    const { cues, language } = parseTranscriptJson(
      readFileSync(media('physicsworks-lecture', 'whisper_medium_words.json'), 'utf8'),
    );
    expect(language).toBe('en');
    expect(cues).toHaveLength(40);
    expect(cues[0]).toMatchObject({
      start: 0,
      end: 4.94,
      text: 'Now I want to return to the conservation of mechanical energy.',
    });
    expect(cues[0]?.words?.[0]).toEqual({ start: 0, end: 0.24, text: 'Now' });
    expect(cues.at(-1)?.words?.at(-1)).toEqual({ start: 202.43, end: 202.77, text: 'alive.' });
    expect(cues.reduce((n, c) => n + (c.words?.length ?? 0), 0)).toBe(410);
  });

  it('reads openai-whisper output, with and without word times', () => {
    const json = JSON.stringify({
      text: ' Hello there. Bye.',
      language: 'en',
      segments: [
        {
          id: 0,
          seek: 0,
          start: 0,
          end: 1.5,
          text: ' Hello there.',
          words: [
            { word: ' Hello', start: 0, end: 0.6, probability: 0.9 },
            { word: ' there.', start: 0.7, end: 1.5, probability: 0.9 },
          ],
        },
        { id: 1, seek: 0, start: 2, end: 3, text: ' Bye.' },
      ],
    });
    expect(parseTranscriptJson(json)).toEqual({
      language: 'en',
      cues: [
        {
          start: 0,
          end: 1.5,
          text: 'Hello there.',
          words: [
            { start: 0, end: 0.6, text: 'Hello' },
            { start: 0.7, end: 1.5, text: 'there.' },
          ],
        },
        { start: 2, end: 3, text: 'Bye.', words: null },
      ],
    });
  });

  it("reads Lectern's own transcripts", () => {
    const json = JSON.stringify({
      segments: [{ start: 1, end: 2, text: 'Work.', words: [{ start: 1, end: 2, text: 'Work.' }] }],
    });
    expect(parseTranscriptJson(json).cues).toEqual([
      { start: 1, end: 2, text: 'Work.', words: [{ start: 1, end: 2, text: 'Work.' }] },
    ]);
  });

  it('gives words WhisperX could not align the time between their neighbours', () => {
    const json = JSON.stringify({
      segments: [
        {
          start: 10,
          end: 13,
          text: ' It costs 15 dollars',
          words: [
            { word: 'It', start: 10, end: 10.3 },
            { word: 'costs', start: 10.4, end: 10.9 },
            { word: '15' },
            { word: 'dollars', start: 12, end: 13 },
          ],
        },
      ],
    });
    expect(parseTranscriptJson(json).cues[0]?.words?.[2]).toEqual({ start: 10.9, end: 12, text: '15' });
  });

  it("reads whisper.cpp's --output-json and OpenAI's word-granular responses", () => {
    const cpp = JSON.stringify({
      result: { language: 'en' },
      transcription: [
        {
          timestamps: { from: '00:00:00,000', to: '00:00:07,600' },
          offsets: { from: 0, to: 7600 },
          text: ' And so my fellow Americans',
        },
      ],
    });
    expect(parseTranscriptJson(cpp)).toEqual({
      language: 'en',
      cues: [{ start: 0, end: 7.6, text: 'And so my fellow Americans', words: null }],
    });
    const openai = JSON.stringify({
      task: 'transcribe',
      language: 'english',
      text: 'Hi all',
      words: [
        { word: 'Hi', start: 0.5, end: 0.8 },
        { word: 'all', start: 0.9, end: 1.2 },
      ],
    });
    expect(parseTranscriptJson(openai).cues.map((c) => c.words)).toEqual([
      [{ start: 0.5, end: 0.8, text: 'Hi' }],
      [{ start: 0.9, end: 1.2, text: 'all' }],
    ]);
  });

  it('names the line of broken JSON', () => {
    expect(() => parseTranscriptJson('{\n  "segments": [\n    {"start": 1,,}\n  ]\n}')).toThrow(
      /^line 3: not valid JSON/,
    );
  });

  it('names the field that is wrong', () => {
    const missingTimes = JSON.stringify({ segments: [{ start: 0, end: 1, text: 'a' }, { text: 'b' }] });
    expect(() => parseTranscriptJson(missingTimes)).toThrow(/^segments\[1\]: needs "start" and "end"/);
    const wrongType = JSON.stringify({
      segments: [
        {
          start: 0,
          end: 1,
          text: 'a',
          words: [
            { word: 'a', start: 0, end: 1 },
            { word: 'b', start: '1' },
          ],
        },
      ],
    });
    expect(() => parseTranscriptJson(wrongType)).toThrow(/^segments\[0\]\.words\[1\]\.start: /);
    expect(() => parseTranscriptJson('[1, 2]')).toThrow(/^top level: expected a Whisper or Lectern transcript/);
  });
});
