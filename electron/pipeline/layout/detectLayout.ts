import {
  boxMask,
  findCameraBox,
  findScreenBox,
  toSourceRegion,
  type CellBox,
  type CellGrid,
  type Region,
} from './regions.ts';

export type { Region } from './regions.ts';

/** One sampled picture: a tiny 8-bit gray frame, row by row, and when it is shown in the recording. */
export interface LayoutFrame {
  time: number;
  pixels: Uint8Array;
  width: number;
  height: number;
}

export interface SlideChange {
  /** The first sampled moment showing the new slide (exact when the encoder put a keyframe on the cut). */
  time: number;
  /**
   * Share of the still picture that changed, 0..1: near 1 for a new layout or colour scheme, 0.3–0.5 for a new slide
   * on the same template, under 0.1 for a revealed bullet point.
   */
  score: number;
}

export interface Layout {
  /** Frames actually analysed per second of recording. */
  sampleFps: number;
  slideChanges: SlideChange[];
  /**
   * Where slides are shown, in source pixels: it includes a picture-in-picture camera drawn over the slides, and stops
   * at the slide's edge in a side-by-side layout. Null when no slide ever changed.
   */
  screenRegion: Region | null;
  /** Where a camera keeps moving, in source pixels; null for slides only (or a still camera). */
  cameraRegion: Region | null;
  frameCount: number;
}

export interface DetectLayoutOptions {
  sourceWidth: number;
  sourceHeight: number;
  durationSec: number;
  /** Two changes closer than this are one change (a fade, an animation); the stronger one is kept. */
  minGapSec?: number;
}

export function emptyLayout(): Layout {
  return { sampleFps: 0, slideChanges: [], screenRegion: null, cameraRegion: null, frameCount: 0 };
}

/** 2×2 sampled pixels: at 64×36 that is a 32×18 grid, each cell 40×40 source pixels of a 1280×720 lecture. */
const cellPx = 2;
/**
 * A cell changes when its mean absolute difference (of 255) exceeds this multiple of the typical (median) difference,
 * the noise floor, kept within [min, max]: the cap matters when most of the picture moves (a camera-only recording),
 * where the median measures motion, not noise.
 */
const noiseMultiple = 4;
const minCellDifference = 8;
const maxCellDifference = 24;
/** A cell changing in this share of the quiet samples is moving: a camera, not a slide. */
const movingRate = 0.25;
/** Motion needs evidence: with fewer quiet samples than this, no cell is called moving. */
const minQuietSamples = 4;
/** When this share of the picture moves, the recording is a camera shot, not slides with a camera inset. */
const cameraOnlyShare = 0.5;
/** The adaptive slide-change threshold stays within these shares of the still picture. */
const minChangeScore = 0.05;
const maxChangeScore = 0.3;

/**
 * Finds slide changes and the screen and camera regions from tiny gray frames sampled over the whole lecture.
 * Pure: the caller samples frames (sampleFrames.ts) and passes them sorted or not.
 */
export function detectLayout(frames: readonly LayoutFrame[], options: DetectLayoutOptions): Layout {
  const sorted = [...frames].sort((a, b) => a.time - b.time);
  const sampleFps = options.durationSec > 0 ? sorted.length / options.durationSec : 0;
  const base = { sampleFps, frameCount: sorted.length };
  if (sorted.length < 2) return { ...base, slideChanges: [], screenRegion: null, cameraRegion: null };

  const grid = gridFor(sorted);
  const { changed, typical } = measureChanges(sorted, grid);
  const times = sorted.map((frame) => frame.time);
  const { moving, changes } = findSlideChanges(changed, times, grid, options.minGapSec ?? 2);
  const { screen, camera } = findRegions({ changed, typical, moving, changes }, grid);
  const toRegion = (box: CellBox | null): Region | null =>
    box && toSourceRegion(box, grid, options.sourceWidth, options.sourceHeight);
  return {
    ...base,
    slideChanges: changes.map((c) => ({ time: times[c.transition + 1]!, score: round3(c.score) })),
    screenRegion: toRegion(screen),
    cameraRegion: toRegion(camera),
  };
}

function gridFor(frames: readonly LayoutFrame[]): CellGrid {
  const { width, height } = frames[0]!;
  for (const frame of frames) {
    if (frame.width !== width || frame.height !== height || frame.pixels.length < width * height) {
      throw new Error(
        `detectLayout: every frame must be ${width}x${height}; got ${frame.width}x${frame.height} at ${frame.time} s`,
      );
    }
  }
  return {
    cols: Math.max(1, Math.floor(width / cellPx)),
    rows: Math.max(1, Math.floor(height / cellPx)),
    cellPx,
    frameWidth: width,
    frameHeight: height,
  };
}

interface Evidence {
  changed: Uint8Array;
  typical: Float32Array;
  moving: Uint8Array;
  changes: readonly Change[];
}

/**
 * The camera is the largest moving blob; if it fills most of the picture, there is no screen. Otherwise the screen
 * grows from the cells that changed at slide changes, never into the camera or other moving cells.
 */
function findRegions(evidence: Evidence, grid: CellGrid): { screen: CellBox | null; camera: CellBox | null } {
  const { changed, typical, moving, changes } = evidence;
  const cellCount = grid.cols * grid.rows;
  const camera = findCameraBox(moving, grid);
  if (camera && count(moving) >= cameraOnlyShare * cellCount) return { screen: null, camera };
  const blocked = boxMask(camera, grid);
  for (let cell = 0; cell < cellCount; cell++) blocked[cell] ||= moving[cell]!;
  const active = new Uint8Array(cellCount);
  for (const change of changes) {
    const row = change.transition * cellCount;
    for (let cell = 0; cell < cellCount; cell++) if (changed[row + cell] && !blocked[cell]) active[cell] = 1;
  }
  return { screen: findScreenBox(active, blocked, typical, grid), camera };
}

/**
 * For each pair of neighbouring samples, which cells changed (mean absolute pixel difference above the noise floor),
 * and each cell's typical brightness over the lecture (its median), which tells a slide's margin from a background.
 */
function measureChanges(
  frames: readonly LayoutFrame[],
  grid: CellGrid,
): { changed: Uint8Array; typical: Float32Array } {
  const cellCount = grid.cols * grid.rows;
  const transitions = frames.length - 1;
  const differences = new Float32Array(transitions * cellCount);
  const brightness = new Uint32Array(cellCount * 256);
  const cellPixels = cellPx * cellPx;
  const width = grid.frameWidth;
  for (let f = 0; f < frames.length; f++) {
    const pixels = frames[f]!.pixels;
    const previous = f > 0 ? frames[f - 1]!.pixels : null;
    for (let cy = 0; cy < grid.rows; cy++) {
      for (let cx = 0; cx < grid.cols; cx++) {
        let sum = 0;
        let difference = 0;
        for (let y = cy * cellPx; y < (cy + 1) * cellPx; y++) {
          for (let x = cx * cellPx, i = y * width + x; x < (cx + 1) * cellPx; x++, i++) {
            sum += pixels[i]!;
            if (previous) difference += Math.abs(pixels[i]! - previous[i]!);
          }
        }
        const cell = cy * grid.cols + cx;
        brightness[cell * 256 + Math.round(sum / cellPixels)]!++;
        if (previous) differences[(f - 1) * cellCount + cell] = difference / cellPixels;
      }
    }
  }
  const threshold = Math.min(
    maxCellDifference,
    Math.max(minCellDifference, noiseMultiple * differenceMedian(differences)),
  );
  const changed = new Uint8Array(differences.length);
  for (let i = 0; i < differences.length; i++) changed[i] = differences[i]! > threshold ? 1 : 0;
  const typical = new Float32Array(cellCount);
  for (let cell = 0; cell < cellCount; cell++) typical[cell] = histogramMedian(brightness, cell * 256, frames.length);
  return { changed, typical };
}

interface Change {
  transition: number;
  score: number;
}

/**
 * Two rounds: a first guess at which cells move (those changing in the calmer half of the samples) gives first slide
 * changes; every other sample is then "quiet", and cells changing in a quarter of the quiet samples are the camera.
 * Slide changes are scored on the remaining, still cells only, so a moving inset never looks like a new slide.
 */
function findSlideChanges(
  changed: Uint8Array,
  times: readonly number[],
  grid: CellGrid,
  minGapSec: number,
): { moving: Uint8Array; changes: Change[] } {
  const cellCount = grid.cols * grid.rows;
  const transitions = times.length - 1;
  const wholePicture = changedShares(changed, transitions, new Uint8Array(cellCount));
  const calm = median(wholePicture);
  const firstQuiet = range(transitions).filter((t) => wholePicture[t]! <= calm);
  let moving = movingCells(changed, firstQuiet, cellCount);
  let changes = pickChanges(changedShares(changed, transitions, moving), times, minGapSec);
  const picked = new Set(changes.map((c) => c.transition));
  moving = movingCells(
    changed,
    range(transitions).filter((t) => !picked.has(t)),
    cellCount,
  );
  changes = pickChanges(changedShares(changed, transitions, moving), times, minGapSec);
  return { moving, changes };
}

function movingCells(changed: Uint8Array, quiet: readonly number[], cellCount: number): Uint8Array {
  const moving = new Uint8Array(cellCount);
  if (quiet.length < minQuietSamples) return moving;
  const counts = new Uint32Array(cellCount);
  for (const t of quiet) for (let cell = 0; cell < cellCount; cell++) counts[cell]! += changed[t * cellCount + cell]!;
  for (let cell = 0; cell < cellCount; cell++) moving[cell] = counts[cell]! >= movingRate * quiet.length ? 1 : 0;
  return moving;
}

/** Per transition, the share of cells outside `excluded` that changed. */
function changedShares(changed: Uint8Array, transitions: number, excluded: Uint8Array): Float64Array {
  const cellCount = excluded.length;
  const considered = cellCount - count(excluded);
  const shares = new Float64Array(transitions);
  if (considered === 0) return shares;
  for (let t = 0; t < transitions; t++) {
    let n = 0;
    for (let cell = 0; cell < cellCount; cell++) if (!excluded[cell]) n += changed[t * cellCount + cell]!;
    shares[t] = n / considered;
  }
  return shares;
}

/**
 * Transitions whose score stands out: above the median by six robust standard deviations (1.4826 × MAD), kept within
 * [minChangeScore, maxChangeScore]; of changes closer than `minGapSec`, the strongest wins.
 */
function pickChanges(scores: Float64Array, times: readonly number[], minGapSec: number): Change[] {
  const typical = median(scores);
  const spread = 1.4826 * median(scores.map((s) => Math.abs(s - typical)));
  const threshold = Math.min(maxChangeScore, Math.max(minChangeScore, typical + 6 * spread));
  const candidates = range(scores.length)
    .filter((t) => scores[t]! >= threshold)
    .sort((a, b) => scores[b]! - scores[a]!);
  const kept: number[] = [];
  for (const t of candidates) {
    if (kept.every((k) => Math.abs(times[k + 1]! - times[t + 1]!) >= minGapSec)) kept.push(t);
  }
  return kept.sort((a, b) => a - b).map((transition) => ({ transition, score: scores[transition]! }));
}

function median(values: ArrayLike<number>): number {
  if (values.length === 0) return 0;
  const sorted = Float64Array.from(values).sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The median of values in 0..255 to a quarter level: a histogram, as a 2-hour lecture has ~2 M differences. */
function differenceMedian(values: Float32Array): number {
  const histogram = new Uint32Array(256 * 4 + 1);
  for (const value of values) histogram[Math.round(value * 4)]!++;
  let seen = 0;
  for (let bin = 0; bin < histogram.length; bin++) {
    seen += histogram[bin]!;
    if (seen * 2 >= values.length) return bin / 4;
  }
  return 255;
}

function histogramMedian(histogram: Uint32Array, offset: number, total: number): number {
  let seen = 0;
  for (let value = 0; value < 256; value++) {
    seen += histogram[offset + value]!;
    if (seen * 2 >= total) return value;
  }
  return 255;
}

function count(mask: Uint8Array): number {
  let n = 0;
  for (const value of mask) n += value;
  return n;
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}
