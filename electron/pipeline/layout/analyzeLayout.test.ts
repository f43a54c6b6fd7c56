import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { media } from '../../../test/env.ts';
import { scratchDir } from '../../../test/support/lectern.ts';
import { buildLectureVideo, type Box, type LectureVideo } from '../../../test/support/lectureVideo.ts';
import type { MediaInfo } from '../../../shared/domain/media.ts';
import { probeMedia } from '../ffmpeg/probe.ts';
import { runningFfmpegCount } from '../ffmpeg/registry.ts';
import { analyzeLayout } from './analyzeLayout.ts';
import { emptyLayout, type Layout, type Region } from './detectLayout.ts';

function intersection(a: Region, b: Box): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return Math.max(0, w) * Math.max(0, h);
}

function iou(a: Region, b: Box): number {
  const common = intersection(a, b);
  return common / (a.width * a.height + b.width * b.height - common);
}

/** Every known change found at most one GOP (2 s) late, never early, and no other change. */
function expectChangesAt(layout: Layout, slideTimes: readonly number[]): void {
  expect(layout.slideChanges.map((c) => c.time)).toHaveLength(slideTimes.length);
  layout.slideChanges.forEach((change, i) => {
    expect(change.time).toBeGreaterThanOrEqual(slideTimes[i]!);
    expect(change.time - slideTimes[i]!).toBeLessThanOrEqual(2);
  });
}

describe('analyzeLayout on generated lectures', () => {
  let scratch: ReturnType<typeof scratchDir>;
  let withCamera: { video: LectureVideo; info: MediaInfo };
  let slidesOnly: { video: LectureVideo; info: MediaInfo };

  beforeAll(async () => {
    scratch = scratchDir('lectern-layout-');
    const [camera, slides] = await Promise.all([
      buildLectureVideo({
        outPath: path.join(scratch.dir, 'camera.mp4'),
        slideTimes: [13, 27, 41, 58, 75],
        durationSec: 90,
        camera: true,
        audio: media('physicsworks-lecture', 'physicsworks_audio.webm'),
      }),
      buildLectureVideo({
        outPath: path.join(scratch.dir, 'slides.mp4'),
        slideTimes: [12, 31, 47],
        durationSec: 60,
        camera: false,
        audio: media('ljspeech-lj001', 'LJ001-0003.flac'),
        width: 640,
        height: 360,
      }),
    ]);
    withCamera = { video: camera, info: await probeMedia(camera.path) };
    slidesOnly = { video: slides, info: await probeMedia(slides.path) };
  });
  afterAll(() => scratch.cleanup());

  it('finds the slide changes within one GOP despite the moving camera, and where the camera and screen are', async () => {
    const { video, info } = withCamera;
    const progress: number[] = [];
    const layout = await analyzeLayout({ mediaPath: video.path, media: info, onProgress: (f) => progress.push(f) });
    expectChangesAt(layout, video.slideTimes);
    expect(iou(layout.cameraRegion!, video.cameraBox!)).toBeGreaterThan(0.5);
    const screen = layout.screenRegion!;
    const camera = video.cameraBox!;
    const rest = video.width * video.height - camera.width * camera.height;
    const frame = { x: 0, y: 0, width: video.width, height: video.height };
    expect((intersection(screen, frame) - intersection(screen, camera)) / rest).toBeGreaterThan(0.9);
    expect(layout.frameCount).toBe(45);
    expect(layout.sampleFps).toBeCloseTo(0.5, 2);
    expect(progress.at(-1)).toBe(1);
    expect(progress.every((f, i) => i === 0 || f >= progress[i - 1]!)).toBe(true);
  });

  it('reports no camera for slides only, and the whole picture as the screen', async () => {
    const { video, info } = slidesOnly;
    const layout = await analyzeLayout({ mediaPath: video.path, media: info });
    expectChangesAt(layout, video.slideTimes);
    expect(layout.cameraRegion).toBeNull();
    expect(layout.screenRegion).toEqual({ x: 0, y: 0, width: 640, height: 360 });
  });

  it('analyses what is there of a truncated copy (an interrupted download) instead of failing', async () => {
    const { video, info } = withCamera;
    const truncated = path.join(scratch.dir, 'truncated.mp4');
    const bytes = readFileSync(video.path);
    writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length / 3)));
    // The header still promises 90 s: MediaInfo comes from probing the same truncated file.
    const layout = await analyzeLayout({ mediaPath: truncated, media: await probeMedia(truncated) });
    expect(layout.frameCount).toBeGreaterThan(5);
    expect(layout.frameCount).toBeLessThan(info.durationSec / 2);
    // The first changes, each at the keyframe after its slide appeared, up to where the file ends.
    const found = layout.slideChanges.map((c) => c.time);
    expect(found.length).toBeGreaterThan(0);
    expect(found).toEqual(video.slideTimes.slice(0, found.length).map((t) => 2 * Math.ceil(t / 2)));
    expect(iou(layout.cameraRegion!, video.cameraBox!)).toBeGreaterThan(0.5);
  });

  it('stops when aborted mid-way, with no FFmpeg left running', async () => {
    const { video, info } = withCamera;
    const controller = new AbortController();
    const run = analyzeLayout({
      mediaPath: video.path,
      media: info,
      signal: controller.signal,
      onProgress: (f) => f > 0.2 && controller.abort(),
    });
    await expect(run).rejects.toMatchObject({ code: 'cancelled' });
    expect(runningFfmpegCount()).toBe(0);
  });

  it('does not start when the signal is already aborted', async () => {
    const { video, info } = slidesOnly;
    const signal = AbortSignal.abort();
    await expect(analyzeLayout({ mediaPath: video.path, media: info, signal })).rejects.toMatchObject({
      code: 'cancelled',
    });
  });
});

describe('analyzeLayout on real recordings', () => {
  it("reads auto-editor's green-screen example: a running timecode is neither a slide change nor a camera", async () => {
    const file = media('auto-editor-example', 'example.mp4');
    const info = await probeMedia(file);
    const layout = await analyzeLayout({ mediaPath: file, media: info });
    // One keyframe every 2 s; the seconds digits change in every one, but they cover under 1 % of the picture.
    expect(layout).toEqual({
      sampleFps: 22 / info.durationSec,
      frameCount: 22,
      slideChanges: [],
      screenRegion: null,
      cameraRegion: null,
    });
  });

  it('returns an empty layout for audio-only media without starting FFmpeg', async () => {
    const file = media('jfk', 'jfk.wav');
    const info = await probeMedia(file);
    expect(info.video).toBeNull();
    const progress: number[] = [];
    // A missing binary would fail any FFmpeg run with ffmpeg-missing.
    const layout = await analyzeLayout({
      mediaPath: file,
      media: info,
      ffmpegPath: '/nonexistent/ffmpeg',
      onProgress: (f) => progress.push(f),
    });
    expect(layout).toEqual(emptyLayout());
    expect(progress).toEqual([1]);
  });

  it('fails with ffmpeg-missing when FFmpeg cannot be started for a video', async () => {
    const file = media('auto-editor-example', 'example.mp4');
    const run = analyzeLayout({ mediaPath: file, media: await probeMedia(file), ffmpegPath: '/nonexistent/ffmpeg' });
    await expect(run).rejects.toMatchObject({ code: 'ffmpeg-missing' });
  });
});
