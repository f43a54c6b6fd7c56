import { describe, expect, it } from 'vitest';
import type { MediaInfo } from '../../../shared/domain/media.ts';
import { clipOutputSize, cropForAspect, planClipFrame, type LayoutRegions } from './crop.ts';

const hd = { width: 1280, height: 720 };
const fullHd = { width: 1920, height: 1080 };
/** Slides on the left two thirds, a webcam inset at the bottom right, as detectLayout reports them. */
const lecture: LayoutRegions = {
  screenRegion: { x: 0, y: 0, width: 1280, height: 1080 },
  cameraRegion: { x: 1500, y: 700, width: 400, height: 300 },
};

describe('cropForAspect', () => {
  it('keeps the whole (even) frame for original', () => {
    expect(cropForAspect(hd, 'original')).toEqual({ x: 0, y: 0, width: 1280, height: 720 });
    expect(cropForAspect({ width: 853, height: 481 }, 'original')).toEqual({ x: 0, y: 0, width: 852, height: 480 });
  });

  it('cuts the tallest 9:16 and 1:1 out of the middle when nothing was detected', () => {
    expect(cropForAspect(hd, '9:16')).toEqual({ x: 438, y: 0, width: 404, height: 720 });
    expect(cropForAspect(hd, '1:1')).toEqual({ x: 280, y: 0, width: 720, height: 720 });
  });

  it('centres 9:16 on the camera, clamped to the frame edge', () => {
    // Camera centre x = 1700; a 606-wide crop centred there would overrun 1920, so it stops at the edge.
    expect(cropForAspect(fullHd, '9:16', lecture)).toEqual({ x: 1314, y: 0, width: 606, height: 1080 });
  });

  it('centres 9:16 on the slides when there is no camera, and 1:1 on the slides even when there is', () => {
    const slidesOnly = { screenRegion: lecture.screenRegion, cameraRegion: null };
    expect(cropForAspect(fullHd, '9:16', slidesOnly)).toEqual({ x: 336, y: 0, width: 606, height: 1080 });
    expect(cropForAspect(fullHd, '1:1', lecture)).toEqual({ x: 100, y: 0, width: 1080, height: 1080 });
    expect(cropForAspect(fullHd, '1:1', { screenRegion: null, cameraRegion: lecture.cameraRegion })).toEqual({
      x: 840,
      y: 0,
      width: 1080,
      height: 1080,
    });
  });

  it('crops portrait recordings vertically, around the region', () => {
    const phone = { width: 1080, height: 1920 };
    const faceLow = { screenRegion: null, cameraRegion: { x: 0, y: 1400, width: 1080, height: 500 } };
    expect(cropForAspect(phone, '1:1', faceLow)).toEqual({ x: 0, y: 840, width: 1080, height: 1080 });
    expect(cropForAspect(phone, '9:16')).toEqual({ x: 0, y: 0, width: 1080, height: 1920 });
  });

  it('always gives even sizes and positions inside the frame', () => {
    for (const source of [hd, fullHd, { width: 641, height: 359 }, { width: 3840, height: 2160 }]) {
      for (const aspect of ['original', '9:16', '1:1'] as const) {
        const crop = cropForAspect(source, aspect, lecture);
        for (const value of [crop.x, crop.y, crop.width, crop.height]) expect(value % 2, `${aspect}`).toBe(0);
        expect(crop.x + crop.width).toBeLessThanOrEqual(source.width);
        expect(crop.y + crop.height).toBeLessThanOrEqual(source.height);
      }
    }
  });
});

describe('planClipFrame', () => {
  it('scales big crops down to the platform size and never scales small ones up', () => {
    const uhd = { width: 3840, height: 2160 };
    expect(planClipFrame(uhd, '9:16').output).toEqual({ width: 1080, height: 1920 });
    expect(planClipFrame(uhd, '1:1').output).toEqual({ width: 1080, height: 1080 });
    expect(planClipFrame(uhd, 'original').output).toEqual(uhd);
    expect(planClipFrame(hd, '9:16').output).toEqual({ width: 404, height: 720 });
    expect(planClipFrame(fullHd, '1:1').output).toEqual({ width: 1080, height: 1080 });
  });

  it('gives audio-only recordings a still of the preset shape', () => {
    expect(planClipFrame(null, 'original')).toEqual({ crop: null, output: { width: 1280, height: 720 } });
    expect(planClipFrame(null, '9:16').output).toEqual({ width: 720, height: 1280 });
    expect(planClipFrame(null, '1:1').output).toEqual({ width: 720, height: 720 });
  });
});

describe('clipOutputSize', () => {
  it('tells the subtitle writer the size the clip will have', () => {
    const media: MediaInfo = {
      container: 'mp4',
      durationSec: 42.4,
      sizeBytes: 1,
      bitRate: null,
      audio: null,
      video: { index: 0, codec: 'h264', width: 1280, height: 720, frameRate: 30 },
      subtitles: [],
    };
    expect(clipOutputSize(media, '9:16')).toEqual({ width: 404, height: 720 });
    expect(clipOutputSize({ ...media, video: null }, '9:16')).toEqual({ width: 720, height: 1280 });
  });
});
