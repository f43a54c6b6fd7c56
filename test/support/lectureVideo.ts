import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import ffmpeg from '@ffmpeg-installer/ffmpeg';

const run = promisify(execFile);

export interface LectureVideoOptions {
  outPath: string;
  /** When each new slide appears, in seconds; slide 0 shows from 0 to the first of these. */
  slideTimes: number[];
  durationSec: number;
  /** Overlays a moving "camera" (a swaying presenter over a wall) in the bottom-right corner. */
  camera: boolean;
  /** A recording whose audio is laid under the video, looped to fill the duration; null for no audio. */
  audio: string | null;
  /** 1280×720 by default; smaller sizes make faster fixtures with the same layout, scaled. */
  width?: number;
  height?: number;
  fps?: number;
  /** Frames between keyframes. Scene-cut keyframes are off (ultrafast), so keyframes are exactly every `gop`. */
  gop?: number;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface LectureVideo {
  path: string;
  width: number;
  height: number;
  durationSec: number;
  slideTimes: number[];
  /** Where the camera inset is, in pixels; null without camera. */
  cameraBox: Box | null;
}

/**
 * Writes a synthetic lecture with FFmpeg: slides (a title bar, lines of "words", bar charts; every fifth slide dark)
 * that change at known times, optionally a camera inset, real speech underneath. H.264 (ultrafast) + AAC in MP4.
 *
 * Each slide is drawn once into a PNG; the concat demuxer then shows each for its duration, so the per-frame cost is
 * only the camera overlay and the encoder: a 60-minute 1280×720 lecture with camera takes about 5 CPU-minutes.
 */
export async function buildLectureVideo(options: LectureVideoOptions): Promise<LectureVideo> {
  const lecture = describeLecture(options, options.outPath);
  const { width, height, cameraBox } = lecture;
  const fps = options.fps ?? 25;
  const gop = options.gop ?? 50;
  const starts = [0, ...lecture.slideTimes];
  const work = mkdtempSync(path.join(path.dirname(options.outPath), '.lecture-'));
  try {
    await drawSlides(starts.length, width, height, work);
    const list = starts.map((start, i) => {
      const end = starts[i + 1] ?? options.durationSec;
      return `file 'slide-${String(i + 1).padStart(3, '0')}.png'\nduration ${(end - start).toFixed(3)}\n`;
    });
    // The concat demuxer ignores the last entry's duration unless the file is listed once more.
    list.push(`file 'slide-${String(starts.length).padStart(3, '0')}.png'\n`);
    writeFileSync(path.join(work, 'slides.ffconcat'), `ffconcat version 1.0\n${list.join('')}`);

    const inputs = ['-f', 'concat', '-safe', '0', '-i', path.join(work, 'slides.ffconcat')];
    // Converting each slide once, before `fps` repeats it, keeps the RGB→YUV conversion off the per-frame path.
    const graph = [`[0:v]format=yuv420p,fps=${fps}[slides]`];
    let picture = '[slides]';
    if (cameraBox) {
      inputs.push(...cameraInputs(cameraBox, fps));
      graph.push(...cameraGraph(cameraBox));
      graph.push(`[slides][camera]overlay=x=${cameraBox.x}:y=${cameraBox.y}[picture]`);
      picture = '[picture]';
    }
    const audioInput = cameraBox ? 4 : 1;
    const audioArgs = options.audio ? ['-map', `${audioInput}:a:0`, '-c:a', 'aac', '-b:a', '64k', '-ac', '1'] : ['-an'];
    if (options.audio) inputs.push('-stream_loop', '-1', '-i', options.audio);

    const partial = `${options.outPath}.partial.mp4`;
    // prettier-ignore
    await ffmpegRun([
      ...inputs,
      '-filter_complex', graph.join(';'),
      '-map', picture, ...audioArgs,
      '-t', String(options.durationSec),
      '-c:v', 'libx264', '-preset', 'ultrafast', '-g', String(gop), '-pix_fmt', 'yuv420p',
      '-movflags', '+faststart', partial,
    ]);
    renameSync(partial, options.outPath);
    return lecture;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Builds once per option set into the OS temp folder and reuses it across runs (long fixtures take minutes). */
export async function cachedLectureVideo(
  name: string,
  options: Omit<LectureVideoOptions, 'outPath'>,
): Promise<LectureVideo> {
  const dir = path.join(os.tmpdir(), 'lectern-test-fixtures');
  mkdirSync(dir, { recursive: true });
  const key = createHash('sha256').update(JSON.stringify(options)).digest('hex').slice(0, 12);
  const outPath = path.join(dir, `${name}-${key}.mp4`);
  if (existsSync(outPath)) return describeLecture(options, outPath);
  return buildLectureVideo({ ...options, outPath });
}

function describeLecture(options: Omit<LectureVideoOptions, 'outPath'>, outPath: string): LectureVideo {
  const width = options.width ?? 1280;
  const height = options.height ?? 720;
  return {
    path: outPath,
    width,
    height,
    durationSec: options.durationSec,
    slideTimes: options.slideTimes.filter((t) => t > 0 && t < options.durationSec).sort((a, b) => a - b),
    cameraBox: options.camera ? insetBox(width, height) : null,
  };
}

/** A quarter of the width, 16:9, 24 px (at 720p) from the bottom-right corner: a typical picture-in-picture. */
export function insetBox(width: number, height: number): Box {
  const insetWidth = even(width / 4);
  const insetHeight = even((insetWidth * 9) / 16);
  const margin = even((24 * height) / 720);
  return { x: width - insetWidth - margin, y: height - insetHeight - margin, width: insetWidth, height: insetHeight };
}

async function drawSlides(count: number, width: number, height: number, dir: string): Promise<void> {
  const boxes: string[] = [];
  for (let i = 0; i < count; i++) {
    for (const box of slideBoxes(i, width, height)) {
      boxes.push(
        `drawbox=x=${box.x}:y=${box.y}:w=${box.width}:h=${box.height}:c=${box.color}:t=fill:enable='eq(n,${i})'`,
      );
    }
  }
  // A long lecture's boxes run past Linux's 128 KB limit for one argument, so the filter goes in a file.
  const script = path.join(dir, 'slides.filter');
  writeFileSync(script, boxes.join(',\n'));
  // prettier-ignore
  await ffmpegRun([
    '-f', 'lavfi', '-i', `color=c=white:s=${width}x${height}:r=1:d=${count}`,
    '-filter_script:v', script, '-frames:v', String(count), path.join(dir, 'slide-%03d.png'),
  ]);
}

interface ColoredBox extends Box {
  color: string;
}

/** Slide `index`'s drawing, the same on every run: a seeded pseudo-random layout of title, bullet lines and a chart. */
function slideBoxes(index: number, width: number, height: number): ColoredBox[] {
  const random = mulberry32(index * 7919 + 17);
  const px = (share: number): number => Math.round(share * width);
  const py = (share: number): number => Math.round(share * height);
  const dark = index % 5 === 4;
  const ink = dark ? '0xe8e8e8' : '0x303030';
  const boxes: ColoredBox[] = [];
  if (dark) boxes.push({ x: 0, y: 0, width, height, color: '0x1c2430' });
  boxes.push({ x: 0, y: 0, width, height: py(0.125), color: '0x203060' });
  boxes.push(...words(px(0.05), py(0.04), px(0.3 + 0.4 * random()), py(0.05), '0xf0f0f0', random, px));
  const chart = random() < 0.6;
  const lineCount = 3 + Math.floor(random() * 5);
  const textRight = chart ? 0.5 : 0.9;
  for (let line = 0; line < lineCount; line++) {
    const indent = random() < 0.3 ? 0.04 : 0;
    const y = py(0.2 + line * 0.09);
    boxes.push({ x: px(0.06 + indent), y: y + py(0.01), width: py(0.015), height: py(0.015), color: ink });
    const length = (textRight - 0.1 - indent) * (0.4 + 0.6 * random());
    boxes.push(...words(px(0.09 + indent), y, px(length), py(0.035), ink, random, px));
  }
  if (chart) {
    const x = px(0.55 + 0.05 * random());
    const y = py(0.25 + 0.1 * random());
    const w = px(0.35);
    const h = py(0.45);
    boxes.push({ x, y, width: w, height: h, color: dark ? '0x2c3440' : '0xeeeeee' });
    const bars = 3 + Math.floor(random() * 4);
    const palette = ['0x2080c0', '0xc04020', '0x40a040', '0xe0a020', '0x8040a0', '0x20a0a0'];
    for (let b = 0; b < bars; b++) {
      const barHeight = Math.round(h * (0.2 + 0.75 * random()));
      const slot = w / bars;
      boxes.push({
        x: Math.round(x + b * slot + slot * 0.2),
        y: y + h - barHeight,
        width: Math.round(slot * 0.6),
        height: barHeight,
        color: palette[(index + b) % palette.length]!,
      });
    }
  }
  return boxes;
}

/** A line of text as word-sized boxes with gaps, so two slides' lines differ along their length, not just at the end. */
function words(
  x: number,
  y: number,
  length: number,
  height: number,
  color: string,
  random: () => number,
  px: (share: number) => number,
): ColoredBox[] {
  const result: ColoredBox[] = [];
  for (let at = x; at < x + length;) {
    const word = Math.min(px(0.025 + 0.06 * random()), x + length - at);
    if (word < px(0.01)) break;
    result.push({ x: at, y, width: word, height, color });
    at += word + px(0.012);
  }
  return result;
}

/** Wall, a textured "shirt" (testsrc2) and a head, swaying like a presenter: every sample the inset looks different. */
function cameraInputs(box: Box, fps: number): string[] {
  const unit = box.width / 320;
  const size = (w: number, h: number): string => `${even(w * unit)}x${even(h * unit)}`;
  // prettier-ignore
  return [
    '-f', 'lavfi', '-i', `color=c=0x4a5560:s=${box.width}x${box.height}:r=${fps}`,
    '-f', 'lavfi', '-i', `testsrc2=s=${size(120, 110)}:r=${fps}`,
    '-f', 'lavfi', '-i', `color=c=0xe0b090:s=${size(56, 64)}:r=${fps}`,
  ];
}

function cameraGraph(box: Box): string[] {
  const unit = box.width / 320;
  const sway = `${(60 * unit).toFixed(1)}*sin(2*PI*t/7)+${(30 * unit).toFixed(1)}*sin(2*PI*t/2.3)`;
  const bob = `${(6 * unit).toFixed(1)}*sin(2*PI*t/3)`;
  return [
    `[1:v][2:v]overlay=x='${(100 * unit).toFixed(1)}+${sway}':y='${(70 * unit).toFixed(1)}+${bob}'[dressed]`,
    `[dressed][3:v]overlay=x='${(132 * unit).toFixed(1)}+${sway}':y='${(8 * unit).toFixed(1)}+${bob}',format=yuv420p[camera]`,
  ];
}

async function ffmpegRun(args: string[]): Promise<void> {
  await run(ffmpeg.path, ['-hide_banner', '-v', 'error', '-nostdin', '-y', ...args], { maxBuffer: 16 * 1024 * 1024 });
}

function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function even(value: number): number {
  return 2 * Math.round(value / 2);
}
