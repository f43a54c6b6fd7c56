import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MediaInfo } from '../../../shared/domain/media.ts';
import { media } from '../../../test/env.ts';
import { probeMedia } from '../ffmpeg/probe.ts';
import { runFfmpeg } from '../ffmpeg/run.ts';
import { readColourTags } from './colour.ts';
import { clipOutputSize } from './crop.ts';
import { grayFrame, meanDifference, probeFile, writeTestAss } from './fixtures/inspect.ts';
import { integratedLoudness } from './fixtures/loudness.ts';
import { renderClip } from './renderClip.ts';

const examplePath = media('auto-editor-example', 'example.mp4');
const lecturePath = media('physicsworks-lecture', 'physicsworks_audio.webm');
const work = mkdtempSync(path.join(tmpdir(), 'lectern-render-audio-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let example: MediaInfo;
let lecture: MediaInfo;
beforeAll(async () => {
  [example, lecture] = await Promise.all([probeMedia(examplePath), probeMedia(lecturePath)]);
});

describe('renderClip on an audio-only lecture (Opus 5.1 in WebM)', () => {
  it('renders a playable MP4: subtitles burnt on a dark still, stereo AAC', async () => {
    expect(lecture.video).toBeNull();
    const assPath = path.join(work, 'still.ass');
    const size = clipOutputSize(lecture, 'original');
    expect(size).toEqual({ width: 1280, height: 720 });
    await writeTestAss(assPath, size, 'Gravity does work on the apple');
    const clip = await renderClip({
      source: lecturePath,
      media: lecture,
      start: 30,
      end: 36,
      outPath: path.join(work, 'lecture.mp4'),
      aspect: 'original',
      subtitles: { mode: 'burn', assPath },
      loudnorm: false,
    });
    const probe = await probeFile(clip.outPath);
    expect(probe.streams.map((s) => s.codec_name)).toEqual(['h264', 'aac']);
    expect(probe.streams[0]).toMatchObject({ width: 1280, height: 720 });
    expect(probe.streams[1]).toMatchObject({ sample_rate: '48000', channels: 2 });
    expect(Math.abs(Number(probe.format?.duration) - 6)).toBeLessThanOrEqual(1 / 25);
    // Playable: decoding every frame and sample reports no error.
    const { stderr } = await runFfmpeg(['-v', 'error', '-i', clip.outPath, '-f', 'null', '-']);
    expect(stderr.trim()).toBe('');
    const bottom = await grayFrame(clip.outPath, { atSec: 1, crop: '1280:180:0:540' });
    const top = await grayFrame(clip.outPath, { atSec: 1, crop: '1280:180:0:0' });
    expect(meanDifference(top, bottom)).toBeGreaterThan(10);
  });
});

describe('renderClip loudness normalisation', () => {
  it('brings a quiet recording (about -22 LUFS) to -16 LUFS, and leaves it alone when off', async () => {
    const render = (loudnorm: boolean): ReturnType<typeof renderClip> =>
      renderClip({
        source: examplePath,
        media: example,
        start: 10,
        end: 20,
        outPath: path.join(work, `loudnorm-${loudnorm}.mp4`),
        aspect: '1:1',
        subtitles: { mode: 'none' },
        loudnorm,
      });
    const [plain, normalised] = await Promise.all([render(false), render(true)]);
    const [before, after] = await Promise.all([
      integratedLoudness(plain.outPath),
      integratedLoudness(normalised.outPath),
    ]);
    expect(before).toBeLessThan(-20);
    expect(Math.abs(after + 16)).toBeLessThanOrEqual(1.5);
    const probe = await probeFile(normalised.outPath);
    expect(probe.streams.find((s) => s.codec_type === 'audio')).toMatchObject({ sample_rate: '48000', channels: 2 });
    expect(Math.abs(Number(probe.format?.duration) - 10)).toBeLessThanOrEqual(1 / 30);
  });
});

describe('renderClip colour', () => {
  it("tags the clip with the source's BT.709 colours, which this FFmpeg would otherwise drop", async () => {
    const clip = await renderClip({
      source: examplePath,
      media: example,
      start: 1,
      end: 2,
      outPath: path.join(work, 'colour.mp4'),
      aspect: '9:16',
      subtitles: { mode: 'none' },
      loudnorm: false,
    });
    const expected = { primaries: 'bt709', transfer: 'bt709', matrix: 'bt709', range: 'tv' };
    expect(await readColourTags(examplePath, 0)).toEqual(expected);
    expect(await readColourTags(clip.outPath, 0)).toEqual(expected);
  });
});
