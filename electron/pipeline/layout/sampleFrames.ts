import { LecternError } from '../../../shared/errors.ts';
import { spawnFfmpegStream } from '../ffmpeg/run.ts';
import type { LayoutFrame } from './detectLayout.ts';
import { spawnFfmpegWithLog } from './ffmpegWithLog.ts';
import { createShowinfoReader, type ShowinfoFrame } from './showinfo.ts';

export interface SampleFramesOptions {
  mediaPath: string;
  /** FFmpeg's absolute stream index of the picture (MediaInfo `video.index`). */
  streamIndex: number;
  sourceWidth: number;
  sourceHeight: number;
  durationSec: number;
  signal?: AbortSignal;
  /** 0..1: the keyframe pass is the first quarter, filling gaps (when needed) the rest. */
  onProgress?: (fraction: number) => void;
  ffmpegPath?: string;
  /** Keyframes further apart than this leave a gap that is filled by seeking. */
  maxGapSec?: number;
  /** Each seek is an FFmpeg run, so their number is bounded. */
  maxSeeks?: number;
}

export interface SampledFrames {
  /** Sorted by time. */
  frames: LayoutFrame[];
  /** How gaps between keyframes were filled: not at all, by seeking, or by one pass decoding every frame. */
  method: 'keyframes' | 'seeks' | 'decode';
  keyframes: number;
  seeks: number;
}

/** Long side of the sampled frames: 64×36 for 16:9, 2.3 KB each. */
const sampleLongSide = 64;
/** All-intra files (every frame a keyframe) are thinned to one frame per this many seconds. */
const keyframeIntervalSec = 1;
/** When every frame is decoded anyway, one sample per typical GOP length is plenty. */
const decodeIntervalSec = 2;
const keyframeShare = 0.25;

/**
 * Samples tiny gray frames without decoding the whole video: first every keyframe (the demuxer and decoder skip
 * everything else, so a 2 s GOP costs about 1/50 of a full decode), then, where keyframes are further apart than
 * `maxGapSec` (long-GOP encoders: screen recorders, Zoom), single-frame seeks into the gaps.
 *
 * A seek decodes from the keyframe before it, so seeking deep into long gaps can cost more than decoding the whole
 * video once; then one pass decodes every frame and keeps one every 2 s instead. A file whose only keyframe is its
 * first would otherwise cost O(n²).
 *
 * All frames are kept: a 2-hour lecture with a 2 s GOP gives 3,600 × 2.3 KB ≈ 8 MB, and the thinning to one frame per
 * second caps even an all-intra file at 17 MB. The detector needs them all anyway: its thresholds adapt to the whole
 * lecture, and which cells count as camera depends on which samples turned out to be slide changes.
 */
export async function sampleFrames(options: SampleFramesOptions): Promise<SampledFrames> {
  const size = sampleSize(options.sourceWidth, options.sourceHeight);
  const keyframes = await sampleStream(options, size, { keyframesOnly: true, progressSpan: [0, keyframeShare] });
  const keyframeTimes = keyframes.map((f) => f.time);
  const seekTimes = planSeeks(keyframeTimes, options.durationSec, options.maxGapSec ?? 10, options.maxSeeks ?? 120);
  const base = { keyframes: keyframes.length, seeks: 0 };
  if (seekTimes.length === 0) {
    options.onProgress?.(1);
    return { ...base, frames: keyframes, method: 'keyframes' };
  }
  if (seekCostSec(keyframeTimes, seekTimes) >= options.durationSec) {
    const frames = await sampleStream(options, size, { keyframesOnly: false, progressSpan: [keyframeShare, 1] });
    options.onProgress?.(1);
    return { ...base, frames, method: 'decode' };
  }
  const frames = [...keyframes];
  for (const [i, time] of seekTimes.entries()) {
    throwIfAborted(options.signal);
    const pixels = await sampleAt(options, size, time);
    if (pixels) frames.push({ time, pixels, ...size });
    options.onProgress?.(keyframeShare + ((1 - keyframeShare) * (i + 1)) / seekTimes.length);
  }
  frames.sort((a, b) => a.time - b.time);
  return { ...base, frames, method: 'seeks', seeks: seekTimes.length };
}

/** Keeps the aspect ratio, long side 64, both sides even. */
export function sampleSize(width: number, height: number): { width: number; height: number } {
  const scale = sampleLongSide / Math.max(width, height, 1);
  const even = (value: number): number => Math.max(2, 2 * Math.round((value * scale) / 2));
  return { width: even(width), height: even(height) };
}

/**
 * With `keyframesOnly`, `-discard nokey` drops non-key packets in the demuxer and `-skip_frame nokey` in the decoder:
 * with the decoder option alone FFmpeg still reads and parses every packet, 5× slower on a 60-minute lecture. A
 * container that flags no keyframes at all yields no frames that way, and sampleFrames then fills the whole gap.
 * `-noautorotate`: frames stay in stored orientation, the one MediaInfo's width and height describe.
 * `-vsync 0`: frames pass with their own timestamps, none duplicated to fill a constant rate.
 * `showinfo` comes last, so its frame numbers count exactly the frames written to stdout.
 */
export function frameStreamArgs(
  mediaPath: string,
  streamIndex: number,
  size: { width: number; height: number },
  keyframesOnly: boolean,
): string[] {
  const interval = keyframesOnly ? keyframeIntervalSec : decodeIntervalSec;
  const thin = `select='isnan(prev_selected_t)+gte(t-prev_selected_t\\,${interval})'`;
  const skip = keyframesOnly ? ['-discard', 'nokey', '-skip_frame', 'nokey'] : [];
  // prettier-ignore
  return [
    '-noautorotate', ...skip, '-i', mediaPath,
    '-map', `0:${streamIndex}`, '-an', '-sn', '-dn', '-vsync', '0',
    '-vf', `${thin},${grayTiny(size)},showinfo=checksum=0`,
    '-f', 'rawvideo', 'pipe:1',
  ];
}

/** `-ss` before `-i`: FFmpeg jumps to the keyframe before `timeSec` and decodes only from there. */
export function seekArgs(
  mediaPath: string,
  streamIndex: number,
  size: { width: number; height: number },
  timeSec: number,
): string[] {
  // prettier-ignore
  return [
    '-noautorotate', '-ss', timeSec.toFixed(3), '-i', mediaPath,
    '-map', `0:${streamIndex}`, '-an', '-sn', '-dn', '-frames:v', '1',
    '-vf', grayTiny(size), '-f', 'rawvideo', 'pipe:1',
  ];
}

/**
 * Seek times that split every gap longer than `maxGapSec` (between keyframes, and from 0 and to the end) into even
 * pieces of at most that; if that takes more than `maxSeeks`, the pieces grow until it does not.
 */
export function planSeeks(
  times: readonly number[],
  durationSec: number,
  maxGapSec: number,
  maxSeeks: number,
): number[] {
  const edges = [0, ...times.filter((t) => t > 0 && t < durationSec), durationSec].sort((a, b) => a - b);
  const gaps: [number, number][] = [];
  for (let i = 1; i < edges.length; i++) {
    if (edges[i]! - edges[i - 1]! > maxGapSec) gaps.push([edges[i - 1]!, edges[i]!]);
  }
  if (gaps.length === 0 || maxSeeks <= 0) return [];
  const piecesFor = (piece: number): number[] => gaps.map(([a, b]) => Math.ceil((b - a) / piece) - 1);
  let piece = maxGapSec;
  while (sum(piecesFor(piece)) > maxSeeks) piece *= 1.25;
  return gaps.flatMap(([a, b], g) => {
    const cuts = piecesFor(piece)[g]!;
    return Array.from({ length: cuts }, (_, i) => round3(a + ((b - a) * (i + 1)) / (cuts + 1)));
  });
}

/** Seconds of video the seeks decode: each starts at the keyframe before it (or at the start of the file). */
export function seekCostSec(keyframeTimes: readonly number[], seekTimes: readonly number[]): number {
  const sorted = [...keyframeTimes].sort((a, b) => a - b);
  return sum(seekTimes.map((t) => t - (sorted.findLast((k) => k <= t) ?? 0)));
}

/** One FFmpeg run writing thinned tiny frames to stdout and their timestamps (showinfo) to stderr. */
async function sampleStream(
  options: SampleFramesOptions,
  size: { width: number; height: number },
  pass: { keyframesOnly: boolean; progressSpan: [number, number] },
): Promise<LayoutFrame[]> {
  const [from, to] = pass.progressSpan;
  const frameBytes = size.width * size.height;
  const frames: LayoutFrame[] = [];
  const pictures: Uint8Array[] = [];
  const infos: ShowinfoFrame[] = [];
  let failure: Error | null = null;
  const pair = (): void => {
    while (pictures.length > 0 && infos.length > 0) {
      const info = infos.shift()!;
      const pixels = pictures.shift()!;
      if (info.width !== size.width || info.height !== size.height) {
        failure ??= new Error(
          `Frame sampling expected ${size.width}x${size.height} frames, FFmpeg made ${info.width}x${info.height}`,
        );
      }
      if (info.ptsTime === null) continue;
      const time = Math.max(0, info.ptsTime);
      frames.push({ time, pixels, ...size });
      if (options.durationSec > 0) options.onProgress?.(from + (to - from) * Math.min(1, time / options.durationSec));
    }
  };
  const showinfo = createShowinfoReader((info) => {
    infos.push(info);
    pair();
  });
  const args = frameStreamArgs(options.mediaPath, options.streamIndex, size, pass.keyframesOnly);
  const ffmpeg = spawnFfmpegWithLog(args, {
    signal: options.signal,
    ffmpegPath: options.ffmpegPath,
    onStderr: (chunk) => showinfo.push(chunk),
  });
  const reader = createFrameReader(frameBytes, (pixels) => {
    pictures.push(pixels);
    pair();
  });
  ffmpeg.stdout.on('data', (chunk: Buffer) => reader.push(chunk));
  await ffmpeg.done;
  showinfo.end();
  pair();
  if (failure) throw failure;
  return frames;
}

async function sampleAt(
  options: SampleFramesOptions,
  size: { width: number; height: number },
  timeSec: number,
): Promise<Uint8Array | null> {
  let picture: Uint8Array | null = null;
  const reader = createFrameReader(size.width * size.height, (pixels) => (picture ??= pixels));
  const ffmpeg = spawnFfmpegStream(seekArgs(options.mediaPath, options.streamIndex, size, timeSec), {
    signal: options.signal,
    ffmpegPath: options.ffmpegPath,
  });
  ffmpeg.stdout.on('data', (chunk: Buffer) => reader.push(chunk));
  await ffmpeg.done;
  return picture;
}

/** Cuts a raw byte stream into frames of `frameBytes`, whatever the pipe's chunking. */
function createFrameReader(frameBytes: number, onFrame: (pixels: Uint8Array) => void): { push(chunk: Buffer): void } {
  let current = new Uint8Array(frameBytes);
  let filled = 0;
  return {
    push(chunk) {
      for (let offset = 0; offset < chunk.length;) {
        const take = Math.min(frameBytes - filled, chunk.length - offset);
        current.set(chunk.subarray(offset, offset + take), filled);
        filled += take;
        offset += take;
        if (filled === frameBytes) {
          onFrame(current);
          current = new Uint8Array(frameBytes);
          filled = 0;
        }
      }
    },
  };
}

/** Area averaging folds 20×20 source pixels into one, which also averages away most compression noise. */
function grayTiny(size: { width: number; height: number }): string {
  return `scale=${size.width}:${size.height}:flags=area,format=gray`;
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new LecternError('cancelled', 'Stopped: layout analysis was cancelled.');
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}
