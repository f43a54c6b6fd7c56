import { readdirSync } from 'node:fs';
import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MediaInfo } from '../../../../shared/domain/media.ts';
import { evalDir, media } from '../../../../test/env.ts';
import { probeMedia } from '../../ffmpeg/probe.ts';
import { fitToRecording, loadCaptionsTranscript, loadTranscriptFile, type CaptionsTranscript } from './loadCaptions.ts';

const movText = media('auto-editor-example', 'mov_text.mp4');
const mavilsDir = path.join(evalDir, 'mavils', 'transcripts');
const srt = (text: string): string => `1\n00:00:00,500 --> 00:00:01,500\n${text}\n`;

describe('loadCaptionsTranscript', () => {
  let dir: string;
  let lecture: string;
  let info: MediaInfo;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'lectern-captions-'));
    lecture = path.join(dir, 'Lecture 1.mp4');
    await symlink(movText, lecture);
    info = await probeMedia(lecture);
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads the subtitle track inside the recording when nothing else exists', async () => {
    expect(info.subtitles).toEqual([{ index: 2, codec: 'mov_text', language: null, title: null }]);
    const transcript = await loadCaptionsTranscript({ mediaPath: lecture, media: info });
    expect(transcript).toEqual({
      source: 'captions',
      origin: 'embedded:2',
      language: null,
      sentences: [
        {
          start: 0.523,
          end: 1.916,
          text: 'oop boop',
          words: [
            { start: 0.523, end: 1.016, text: 'oop' },
            { start: 1.523, end: 1.916, text: 'boop' },
          ],
        },
      ],
    });
  });

  it('prefers captions beside the recording to the embedded track', async () => {
    await writeFile(path.join(dir, 'Lecture 1.en.srt'), srt('From the sidecar.'));
    const transcript = await loadCaptionsTranscript({ mediaPath: lecture, media: info });
    expect(transcript).toMatchObject({ origin: path.join(dir, 'Lecture 1.en.srt'), language: 'en' });
    expect(transcript?.sentences.map((s) => s.text)).toEqual(['From the sidecar.']);
  });

  it('prefers the captions the lecturer chose to everything else', async () => {
    await writeFile(path.join(dir, 'Lecture 1.srt'), srt('From the sidecar.'));
    const chosen = path.join(dir, 'chosen.vtt');
    await writeFile(chosen, 'WEBVTT\nLanguage: de\n\n00:00.500 --> 00:01.500\nGewählt.\n');
    const transcript = await loadCaptionsTranscript({ mediaPath: lecture, captionsPath: chosen, media: info });
    expect(transcript).toMatchObject({ origin: chosen, language: 'de', sentences: [{ text: 'Gewählt.' }] });
  });

  it('is null when the recording has no captions of any kind', async () => {
    const transcript = await loadCaptionsTranscript({ mediaPath: lecture, media: { ...info, subtitles: [] } });
    expect(transcript).toBeNull();
  });

  it('skips bitmap subtitle tracks, which would need OCR', async () => {
    const bitmap = { ...info, subtitles: [{ index: 2, codec: 'hdmv_pgs_subtitle', language: 'eng', title: null }] };
    expect(await loadCaptionsTranscript({ mediaPath: lecture, media: bitmap })).toBeNull();
  });

  it('reports a broken sidecar instead of silently ignoring it', async () => {
    await writeFile(path.join(dir, 'Lecture 1.srt'), '1\n00:00:01,000 --> later\nx\n');
    await expect(loadCaptionsTranscript({ mediaPath: lecture, media: info })).rejects.toMatchObject({
      code: 'invalid-input',
      message: expect.stringMatching(/"Lecture 1\.srt": line 2: cannot read the times/),
    });
  });
});

describe('loadTranscriptFile', () => {
  it('reads the physicsworks Whisper transcript into word-timed sentences', async () => {
    const transcript = await loadTranscriptFile(media('physicsworks-lecture', 'whisper_medium_words.json'));
    expect(transcript.language).toBe('en');
    expect(transcript.sentences[0]?.text).toBe('Now I want to return to the conservation of mechanical energy.');
    expect(transcript.sentences.at(-1)).toMatchObject({
      start: 201.05,
      end: 202.77,
      text: "Physics works and I'm still alive.",
    });
    expect(transcript.sentences.every((s) => s.words !== null && s.end <= 203.3)).toBe(true);
    expect(transcript.sentences.flatMap((s) => s.words ?? [])).toHaveLength(410);
  });

  it.each(readdirSync(mavilsDir).filter((n) => n.endsWith('.srt')))(
    'turns the MaViLS word stream %s into word-timed sentences of sane length',
    async (name) => {
      const { sentences } = await loadTranscriptFile(path.join(mavilsDir, name));
      expect(sentences.length).toBeGreaterThan(100);
      const misfits = sentences.filter((s, i) => {
        const words = s.words ?? [];
        const previous = sentences[i - 1];
        return (
          words.length === 0 ||
          words.length > 30 ||
          s.end - s.start > 30 ||
          s.end < s.start ||
          (previous !== undefined && s.start < previous.end) ||
          words.some((w, j) => w.start < (words[j - 1]?.end ?? s.start))
        );
      });
      expect(misfits).toEqual([]);
    },
  );

  it('reads a WebVTT file saved as .srt by its content, and a Windows-1252 file', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'lectern-transcript-'));
    try {
      const vttAsSrt = path.join(dir, 'talk.srt');
      await writeFile(vttAsSrt, 'WEBVTT\n\n00:01.000 --> 00:02.000\nHi there.\n');
      expect((await loadTranscriptFile(vttAsSrt)).sentences).toEqual([
        { start: 1, end: 2, text: 'Hi there.', words: null },
      ]);
      const latin = path.join(dir, 'cafe.srt');
      await writeFile(latin, Buffer.from('1\r\n00:00:01,000 --> 00:00:02,000\r\nCaf\xe9 d\xe9j\xe0 vu.\r\n', 'latin1'));
      expect((await loadTranscriptFile(latin)).sentences[0]?.text).toBe('Café déjà vu.');
      const utf16 = path.join(dir, 'wide.srt');
      await writeFile(
        utf16,
        Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('1\n00:00:01,000 --> 00:00:02,000\nWide.\n', 'utf16le')]),
      );
      expect((await loadTranscriptFile(utf16)).sentences[0]?.text).toBe('Wide.');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('explains missing, empty and unreadable files', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'lectern-transcript-'));
    try {
      await expect(loadTranscriptFile(path.join(dir, 'nope.srt'))).rejects.toMatchObject({ code: 'file-missing' });
      await writeFile(path.join(dir, 'empty.vtt'), 'WEBVTT\n\n');
      await expect(loadTranscriptFile(path.join(dir, 'empty.vtt'))).rejects.toMatchObject({ code: 'file-empty' });
      await writeFile(path.join(dir, 'notes.json'), '{"segments": [{"start": 0, "text": "no end"}]}');
      await expect(loadTranscriptFile(path.join(dir, 'notes.json'))).rejects.toMatchObject({
        code: 'invalid-input',
        message: expect.stringContaining('"notes.json": segments[0]: needs "start" and "end"'),
      });
      await expect(loadTranscriptFile(dir)).rejects.toMatchObject({ code: 'file-unreadable' });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('fitToRecording', () => {
  const transcript = (sentences: CaptionsTranscript['sentences']): CaptionsTranscript => ({
    source: 'captions',
    origin: '/lectures/week 3.srt',
    language: null,
    sentences,
  });

  it('drops what starts after the recording ends and cuts what runs past it', () => {
    const fitted = fitToRecording(
      transcript([
        { start: 1, end: 3, text: 'Inside.', words: null },
        {
          start: 9,
          end: 12,
          text: 'Across the end.',
          words: [
            { start: 9, end: 9.5, text: 'Across' },
            { start: 9.6, end: 10.5, text: 'the' },
            { start: 10.6, end: 12, text: 'end.' },
          ],
        },
        { start: 13, end: 14, text: 'After.', words: null },
      ]),
      10,
    );
    expect(fitted.sentences).toEqual([
      { start: 1, end: 3, text: 'Inside.', words: null },
      {
        start: 9,
        end: 10,
        text: 'Across the',
        words: [
          { start: 9, end: 9.5, text: 'Across' },
          { start: 9.6, end: 10, text: 'the' },
        ],
      },
    ]);
  });

  it('refuses captions that all start after the recording ends', () => {
    expect(() => fitToRecording(transcript([{ start: 3725, end: 3726, text: 'Late.', words: null }]), 600)).toThrow(
      /"week 3\.srt" start at 1:02:05, after the recording ends \(10:00\)/,
    );
  });
});
