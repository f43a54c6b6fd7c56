import type { MediaInfo } from '../../../shared/domain/media.ts';
import type { Region } from '../layout/detectLayout.ts';

/** How a clip is framed: the recording as it is, a vertical short, or a square post. */
export type AspectPreset = 'original' | '9:16' | '1:1';

export interface Size {
  width: number;
  height: number;
}

/** Where the detector found the slides and the speaker, in source pixels; either may be unknown. */
export interface LayoutRegions {
  screenRegion: Region | null;
  cameraRegion: Region | null;
}

export interface ClipFrame {
  /** The part of the source picture the clip shows, in source pixels; null when the source has no picture. */
  crop: Region | null;
  /** The clip's picture size; subtitles for a burnt-in track must be laid out for exactly this size (ASS PlayRes). */
  output: Size;
}

/** Width over height of each cropped preset. */
const aspectRatio: Record<Exclude<AspectPreset, 'original'>, number> = { '9:16': 9 / 16, '1:1': 1 };

/** The sizes social platforms ask for; a crop larger than this is scaled down to it, a smaller one is left alone. */
const presetSize: Record<Exclude<AspectPreset, 'original'>, Size> = {
  '9:16': { width: 1080, height: 1920 },
  '1:1': { width: 1080, height: 1080 },
};

/**
 * An audio-only lecture becomes a dark still of this size. The short side is 720 as for a typical 720p recording:
 * the picture only carries subtitles, and a bigger still would only cost encoding time.
 */
const stillSize: Record<AspectPreset, Size> = {
  original: { width: 1280, height: 720 },
  '9:16': { width: 720, height: 1280 },
  '1:1': { width: 720, height: 720 },
};

const noRegions: LayoutRegions = { screenRegion: null, cameraRegion: null };

/**
 * Frames a clip: the largest rectangle of the preset's aspect inside the source picture, centred on what matters, and
 * the output size.
 *
 * What matters: for 9:16 the speaker's camera (a vertical short of a lecture is a talking head), else the slides;
 * for 1:1 the slides, else the camera; without either the middle of the picture. The region decides where the crop
 * sits, never how big it is: zooming into a 320×240 webcam inset would blow a few hundred pixels up to full height.
 *
 * Scaling: a crop larger than the platform size (1080×1920, 1080×1080) is scaled down to it; a smaller one is never
 * scaled up (a 720p lecture gives a 404×720 short), because upscaling adds encoding time and file size but no detail,
 * and players scale on screen anyway. `original` keeps the source size. All sizes are even, as yuv420p requires.
 */
export function planClipFrame(
  source: Size | null,
  aspect: AspectPreset,
  regions: LayoutRegions = noRegions,
): ClipFrame {
  if (!source) return { crop: null, output: stillSize[aspect] };
  const crop = cropForAspect(source, aspect, regions);
  return { crop, output: outputSizeFor(crop, aspect) };
}

/** The clip's picture size for a recording: what the subtitle writer needs before the clip is rendered. */
export function clipOutputSize(media: MediaInfo, aspect: AspectPreset, regions: LayoutRegions = noRegions): Size {
  return planClipFrame(media.video, aspect, regions).output;
}

/** The crop rectangle, in source pixels, with even position and size, inside the frame. */
export function cropForAspect(source: Size, aspect: AspectPreset, regions: LayoutRegions = noRegions): Region {
  const frameWidth = evenFloor(source.width);
  const frameHeight = evenFloor(source.height);
  if (aspect === 'original') return { x: 0, y: 0, width: frameWidth, height: frameHeight };
  const ratio = aspectRatio[aspect];
  const width = frameWidth / frameHeight > ratio ? evenFloor(frameHeight * ratio) : frameWidth;
  const height = frameWidth / frameHeight > ratio ? frameHeight : evenFloor(frameWidth / ratio);
  const focus =
    aspect === '9:16' ? (regions.cameraRegion ?? regions.screenRegion) : (regions.screenRegion ?? regions.cameraRegion);
  const centreX = focus ? focus.x + focus.width / 2 : frameWidth / 2;
  const centreY = focus ? focus.y + focus.height / 2 : frameHeight / 2;
  return {
    x: placeEven(centreX - width / 2, frameWidth - width),
    y: placeEven(centreY - height / 2, frameHeight - height),
    width,
    height,
  };
}

function outputSizeFor(crop: Region, aspect: AspectPreset): Size {
  if (aspect === 'original') return { width: crop.width, height: crop.height };
  const target = presetSize[aspect];
  if (crop.height <= target.height && crop.width <= target.width) return { width: crop.width, height: crop.height };
  return target;
}

function placeEven(position: number, max: number): number {
  return Math.floor(Math.min(Math.max(Math.round(position), 0), max) / 2) * 2;
}

function evenFloor(size: number): number {
  return Math.max(2, Math.floor(size / 2) * 2);
}
