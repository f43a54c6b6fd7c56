import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { media } from '../../../test/env.ts';
import { scratchDir } from '../../../test/support/lectern.ts';
import { buildLectureVideo, type LectureVideo } from '../../../test/support/lectureVideo.ts';
import { runningFfmpegCount } from '../ffmpeg/registry.ts';
import { detectLayout, type LayoutFrame } from './detectLayout.ts';
import { frameStreamArgs, planSeeks, sampleFrames, sampleSize, seekCostSec } from './sampleFrames.ts';

describe('sampleSize', () => {
  it('keeps the aspect ratio with a long side of 64 and even sides', () => {
    expect(sampleSize(1280, 720)).toEqual({ width: 64, height: 36 });
    expect(sampleSize(1920, 1080)).toEqual({ width: 64, height: 36 });
    expect(sampleSize(1024, 768)).toEqual({ width: 64, height: 48 });
    expect(sampleSize(720, 1280)).toEqual({ width: 36, height: 64 });
    expect(sampleSize(1280, 536)).toEqual({ width: 64, height: 26 });
    expect(sampleSize(3000, 20)).toEqual({ width: 64, height: 2 });
  });
});

describe('frameStreamArgs', () => {
  it('skips non-key packets and frames before the input, and passes timestamps through', () => {
    const args = frameStreamArgs('/lectures/a b.mp4', 0, { width: 64, height: 36 }, true);
    const input = args.indexOf('-i');
    expect(args.slice(0, input)).toEqual(['-noautorotate', '-discard', 'nokey', '-skip_frame', 'nokey']);
    expect(args[input + 1]).toBe('/lectures/a b.mp4');
    expect(args.join(' ')).toMatch(
      /-vsync 0 .*scale=64:36:flags=area,format=gray,showinfo=checksum=0 -f rawvideo pipe:1$/,
    );
  });

  it('decodes every frame when asked, keeping one every 2 s', () => {
    const args = frameStreamArgs('a.mp4', 1, { width: 64, height: 48 }, false);
    expect(args).not.toContain('-skip_frame');
    expect(args).toContain('0:1');
    expect(args.join(' ')).toContain("select='isnan(prev_selected_t)+gte(t-prev_selected_t\\,2)',scale=64:48");
  });
});

describe('planSeeks', () => {
  it('plans nothing when keyframes come every 2 s', () => {
    const keyframes = Array.from({ length: 60 }, (_, i) => 2 * i);
    expect(planSeeks(keyframes, 120, 10, 100)).toEqual([]);
  });

  it('splits gaps longer than the limit into even pieces of at most that, including the tail', () => {
    expect(planSeeks([0, 30, 60], 72, 10, 100)).toEqual([10, 20, 40, 50, 66]);
  });

  it('stays within the seek budget by making the pieces longer', () => {
    const seeks = planSeeks([0], 3600, 10, 120);
    expect(seeks.length).toBeLessThanOrEqual(120);
    expect(seeks.length).toBeGreaterThan(100);
    expect(seeks[0]).toBeGreaterThan(0);
    expect(seeks.at(-1)).toBeLessThan(3600);
    expect(planSeeks([], 600, 10, 0)).toEqual([]);
  });
});

describe('seekCostSec', () => {
  it('counts the video each seek decodes from the keyframe before it', () => {
    expect(seekCostSec([0, 12, 24], [6, 18, 30])).toBe(18);
    // Only the first frame is a keyframe: every seek decodes from the start.
    expect(seekCostSec([0], [10, 20, 30])).toBe(60);
    expect(seekCostSec([], [5])).toBe(5);
  });
});

describe('sampleFrames on long-GOP recordings', () => {
  let scratch: ReturnType<typeof scratchDir>;
  let gop12s: LectureVideo;
  let oneKeyframe: LectureVideo;
  const slideTimes = [17, 46, 83, 101];

  beforeAll(async () => {
    scratch = scratchDir('lectern-layout-gop-');
    const build = (name: string, gop: number): Promise<LectureVideo> =>
      buildLectureVideo({
        outPath: path.join(scratch.dir, name),
        slideTimes,
        durationSec: 120,
        camera: false,
        audio: media('ljspeech-lj001', 'LJ001-0001.flac'),
        width: 640,
        height: 360,
        gop,
      });
    // A keyframe every 12 s, as screen recorders often write; and only the first frame a keyframe, as Zoom can.
    [gop12s, oneKeyframe] = await Promise.all([build('gop-12s.mp4', 300), build('one-keyframe.mp4', 100_000)]);
  });
  afterAll(() => scratch.cleanup());

  const optionsFor = (video: LectureVideo) => ({
    mediaPath: video.path,
    streamIndex: 0,
    sourceWidth: video.width,
    sourceHeight: video.height,
    durationSec: video.durationSec,
  });

  /** Every slide change found, at the first sample after it, and nothing else. */
  function expectChangesWithin(frames: LayoutFrame[], toleranceSec: number): void {
    const layout = detectLayout(frames, { sourceWidth: 640, sourceHeight: 360, durationSec: 120 });
    expect(layout.slideChanges).toHaveLength(slideTimes.length);
    layout.slideChanges.forEach((change, i) => {
      expect(change.time).toBeGreaterThanOrEqual(slideTimes[i]!);
      expect(change.time - slideTimes[i]!).toBeLessThanOrEqual(toleranceSec);
    });
  }

  it('seeks into the gaps between keyframes, one seek per 12 s gap', async () => {
    const progress: number[] = [];
    const sampled = await sampleFrames({ ...optionsFor(gop12s), onProgress: (f) => progress.push(f) });
    expect(sampled).toMatchObject({ method: 'seeks', keyframes: 10, seeks: 10 });
    const times = sampled.frames.map((f) => f.time);
    expect(times.slice(0, 4)).toEqual([0, 6, 12, 18]);
    expect(progress.at(-1)).toBe(1);
    expect(progress.every((f, i) => i === 0 || f >= progress[i - 1]!)).toBe(true);
    expectChangesWithin(sampled.frames, 6);
  });

  it('decodes once instead when seeking would decode more than the whole video', async () => {
    const sampled = await sampleFrames(optionsFor(oneKeyframe));
    expect(sampled).toMatchObject({ method: 'decode', keyframes: 1, seeks: 0 });
    expect(sampled.frames.map((f) => f.time)).toEqual(Array.from({ length: 60 }, (_, i) => 2 * i));
    expectChangesWithin(sampled.frames, 2);
  });

  it('never seeks more than it is allowed to', async () => {
    const sampled = await sampleFrames({ ...optionsFor(gop12s), maxGapSec: 3, maxSeeks: 15 });
    expect(sampled.method).toBe('seeks');
    expect(sampled.seeks).toBeLessThanOrEqual(15);
    expect(sampled.seeks).toBeGreaterThan(5);
    expect(sampled.frames).toHaveLength(10 + sampled.seeks);
  });

  it('stops between seeks when aborted, with no FFmpeg left running', async () => {
    const controller = new AbortController();
    const onProgress = (f: number): void => (f > 0.5 ? controller.abort() : undefined);
    const run = sampleFrames({ ...optionsFor(gop12s), signal: controller.signal, onProgress });
    await expect(run).rejects.toMatchObject({ code: 'cancelled' });
    expect(runningFfmpegCount()).toBe(0);
  });
});
