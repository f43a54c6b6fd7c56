import { describe, expect, it } from 'vitest';
import { detectLayout, type LayoutFrame, type Region } from './detectLayout.ts';

/** Synthetic 64×36 frames standing for a 1280×720 lecture: one sampled pixel is 20×20 source pixels. */
const W = 64;
const H = 36;
const source = { sourceWidth: 1280, sourceHeight: 720 };

interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The picture's layout: where slides are drawn and on what, and where something moves. */
interface Scene {
  slideArea?: Rect;
  background?: number;
  camera?: Rect;
  clock?: Rect;
}

function fill(pixels: Uint8Array, rect: Rect, value: number | (() => number)): void {
  for (let y = rect.y; y < rect.y + rect.h; y++) {
    for (let x = rect.x; x < rect.x + rect.w; x++) pixels[y * W + x] = typeof value === 'number' ? value : value();
  }
}

function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Lines of dark "words" on a light slide, a different layout per slide; `extraLines` reveals bullets one by one. */
function drawSlide(pixels: Uint8Array, slide: number, area: Rect, extraLines = 0): void {
  fill(pixels, area, 230);
  const random = seeded(slide * 977 + 5);
  const lines = 4 + Math.floor(random() * 3);
  for (let line = 0; line < lines + extraLines; line++) {
    const y = area.y + 3 + line * 4;
    if (y + 2 > area.y + area.h - 2) break;
    const end = area.x + area.w - 2 - Math.floor(random() * area.w * 0.3);
    for (let x = area.x + 2 + Math.floor(random() * 3); x < end;) {
      const w = Math.min(end - x, 2 + Math.floor(random() * 5));
      fill(pixels, { x, y, w, h: 2 }, 40);
      x += w + 1 + Math.floor(random() * 2);
    }
  }
}

/**
 * Frames every `step` seconds from 0 to `duration`; `slideAt(t)` says which slide (and how many revealed bullets)
 * shows. Compression-like noise of ±4 on every pixel; the camera is fresh random content in every sample.
 */
function lecture(
  scene: Scene,
  slideAt: (t: number) => [slide: number, extraLines?: number],
  duration = 120,
  step = 2,
): LayoutFrame[] {
  const noise = seeded(42);
  const frames: LayoutFrame[] = [];
  for (let time = 0; time <= duration; time += step) {
    const pixels = new Uint8Array(W * H);
    fill(pixels, { x: 0, y: 0, w: W, h: H }, scene.background ?? 230);
    const [slide, extra] = slideAt(time);
    drawSlide(pixels, slide, scene.slideArea ?? { x: 0, y: 0, w: W, h: H }, extra ?? 0);
    if (scene.camera) fill(pixels, scene.camera, () => 40 + Math.floor(noise() * 180));
    if (scene.clock) fill(pixels, scene.clock, Math.floor(noise() * 255));
    for (let i = 0; i < pixels.length; i++)
      pixels[i] = Math.max(0, Math.min(255, pixels[i]! + Math.round(noise() * 8 - 4)));
    frames.push({ time, pixels, width: W, height: H });
  }
  return frames;
}

const changesAt =
  (...times: number[]) =>
  (t: number): [number] => [times.filter((c) => t >= c).length];

function toSource(rect: Rect): Region {
  return { x: rect.x * 20, y: rect.y * 20, width: rect.w * 20, height: rect.h * 20 };
}

function intersection(a: Region, b: Region): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return Math.max(0, w) * Math.max(0, h);
}

function iou(a: Region, b: Region): number {
  const common = intersection(a, b);
  return common / (a.width * a.height + b.width * b.height - common);
}

const inset: Rect = { x: 46, y: 24, w: 16, h: 10 };

describe('detectLayout: slide changes', () => {
  it('finds each change at the first sample showing the new slide, and nothing in between', () => {
    const frames = lecture({}, changesAt(20, 50, 80));
    const layout = detectLayout(frames, { ...source, durationSec: 120 });
    expect(layout.slideChanges.map((c) => c.time)).toEqual([20, 50, 80]);
    for (const change of layout.slideChanges) expect(change.score).toBeGreaterThan(0.2);
    expect(layout.cameraRegion).toBeNull();
    expect(layout.screenRegion).toEqual({ x: 0, y: 0, width: 1280, height: 720 });
    expect(layout.frameCount).toBe(61);
    expect(layout.sampleFps).toBeCloseTo(61 / 120, 6);
  });

  it('is not fooled by a moving camera inset: the same changes, no others', () => {
    const frames = lecture({ camera: inset }, changesAt(20, 50, 80));
    const layout = detectLayout(frames, { ...source, durationSec: 120 });
    expect(layout.slideChanges.map((c) => c.time)).toEqual([20, 50, 80]);
  });

  it('scores a revealed bullet point lower than a new slide', () => {
    const frames = lecture({}, (t) => (t < 40 ? [0, 0] : t < 80 ? [0, 1] : [1, 0]));
    const layout = detectLayout(frames, { ...source, durationSec: 120 });
    expect(layout.slideChanges.map((c) => c.time)).toEqual([40, 80]);
    const [reveal, newSlide] = layout.slideChanges;
    expect(reveal!.score).toBeLessThan(newSlide!.score / 2);
  });

  it('keeps only the stronger of two changes closer than the minimum gap (a build, then the next slide)', () => {
    const frames = lecture({}, (t) => (t < 30 ? [0, 0] : t < 31 ? [0, 3] : [1, 0]), 60, 1);
    const layout = detectLayout(frames, { ...source, durationSec: 60 });
    expect(layout.slideChanges.map((c) => c.time)).toEqual([31]);
    const apart = detectLayout(frames, { ...source, durationSec: 60, minGapSec: 0.5 });
    expect(apart.slideChanges.map((c) => c.time)).toEqual([30, 31]);
  });

  it('sorts frames given out of order', () => {
    const frames = lecture({ camera: inset }, changesAt(20, 50, 80));
    const shuffled = [...frames].sort((a, b) => ((a.time * 7919) % 61) - ((b.time * 7919) % 61));
    expect(detectLayout(shuffled, { ...source, durationSec: 120 })).toEqual(
      detectLayout(frames, { ...source, durationSec: 120 }),
    );
  });
});

describe('detectLayout: screen and camera regions', () => {
  it('finds the camera inset and a screen covering the rest of the picture', () => {
    const frames = lecture({ camera: inset }, changesAt(20, 50, 80));
    const layout = detectLayout(frames, { ...source, durationSec: 120 });
    expect(iou(layout.cameraRegion!, toSource(inset))).toBeGreaterThan(0.8);
    const screen = layout.screenRegion!;
    const notCamera = 1280 * 720 - 320 * 200;
    const covered =
      intersection(screen, { x: 0, y: 0, width: 1280, height: 720 }) - intersection(screen, toSource(inset));
    expect(covered / notCamera).toBeGreaterThan(0.95);
  });

  it('side by side: the screen stops where the background starts, the camera is beside it', () => {
    const slideArea = { x: 2, y: 4, w: 38, h: 28 };
    const camera = { x: 44, y: 8, w: 18, h: 20 };
    const frames = lecture({ slideArea, background: 20, camera }, changesAt(20, 50, 80));
    const layout = detectLayout(frames, { ...source, durationSec: 120 });
    expect(layout.slideChanges.map((c) => c.time)).toEqual([20, 50, 80]);
    expect(iou(layout.screenRegion!, toSource(slideArea))).toBeGreaterThan(0.85);
    expect(iou(layout.cameraRegion!, toSource(camera))).toBeGreaterThan(0.8);
  });

  it('calls a small animated corner (a clock, a cursor) neither a camera nor a slide change', () => {
    const frames = lecture({ clock: { x: 56, y: 32, w: 4, h: 2 } }, changesAt(20, 50, 80));
    const layout = detectLayout(frames, { ...source, durationSec: 120 });
    expect(layout.cameraRegion).toBeNull();
    expect(layout.slideChanges.map((c) => c.time)).toEqual([20, 50, 80]);
  });

  it('a camera-only recording: the camera fills the frame, no screen, no slide changes', () => {
    const frames = lecture({ camera: { x: 0, y: 0, w: W, h: H } }, () => [0]);
    const layout = detectLayout(frames, { ...source, durationSec: 120 });
    expect(layout.cameraRegion).toEqual({ x: 0, y: 0, width: 1280, height: 720 });
    expect(layout.screenRegion).toBeNull();
    expect(layout.slideChanges).toEqual([]);
  });

  it('one slide all lecture long: no slide changes and so no screen region', () => {
    const layout = detectLayout(
      lecture({}, () => [0]),
      { ...source, durationSec: 120 },
    );
    expect(layout).toMatchObject({ slideChanges: [], screenRegion: null, cameraRegion: null });
  });
});

describe('detectLayout: edge cases', () => {
  it('needs two frames to compare', () => {
    const one = lecture({}, () => [0], 0);
    expect(detectLayout(one, { ...source, durationSec: 10 })).toEqual({
      sampleFps: 0.1,
      frameCount: 1,
      slideChanges: [],
      screenRegion: null,
      cameraRegion: null,
    });
    expect(detectLayout([], { ...source, durationSec: 0 }).frameCount).toBe(0);
  });

  it('rejects frames of different sizes', () => {
    const frames = lecture({}, () => [0], 4);
    frames.push({ time: 6, pixels: new Uint8Array(32 * 18), width: 32, height: 18 });
    expect(() => detectLayout(frames, { ...source, durationSec: 6 })).toThrow(/64x36/);
  });
});
