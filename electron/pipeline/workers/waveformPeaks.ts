import fs from 'node:fs';
import os from 'node:os';
import { z } from 'zod';
import { LecternError } from '../../../shared/errors.ts';
import type { TaskContext } from './protocol.ts';

export const waveformPeaksInputSchema = z
  .object({
    /** Raw little-endian float32 mono PCM, as FFmpeg writes it with `-f f32le -ac 1`. */
    pcmPath: z.string().min(1),
    sampleRate: z.number().int().positive(),
    peaksPerSecond: z.number().positive(),
    /** Receives `count` pairs of little-endian float32 `[min, max]`, one pair per peak. */
    outPath: z.string().min(1),
  })
  .refine((input) => input.peaksPerSecond <= input.sampleRate, {
    message: 'peaksPerSecond cannot exceed sampleRate: a peak needs at least one sample',
  });
export type WaveformPeaksInput = z.infer<typeof waveformPeaksInputSchema>;

export interface WaveformPeaksOutput {
  outPath: string;
  /** Number of `[min, max]` pairs written: ceil(samples × peaksPerSecond / sampleRate). */
  count: number;
  durationSec: number;
}

const bytesPerSample = 4;
/** 256 KiB reads: a lecture's PCM runs to hundreds of MB, and only one chunk is ever in memory. */
const defaultChunkSamples = 64 * 1024;

/** Min/max per slice of the audio, for the editor's waveform. Written to a file so no big array crosses threads. */
export function waveformPeaks(input: WaveformPeaksInput, ctx: TaskContext): WaveformPeaksOutput {
  return waveformPeaksInChunks(input, ctx, defaultChunkSamples);
}

/** `chunkSamples` is separate so tests can force peaks to straddle chunk boundaries. */
export function waveformPeaksInChunks(
  rawInput: WaveformPeaksInput,
  ctx: TaskContext,
  chunkSamples: number,
): WaveformPeaksOutput {
  const parsed = waveformPeaksInputSchema.safeParse(rawInput);
  if (!parsed.success) {
    throw new LecternError('invalid-input', `waveformPeaks: ${z.prettifyError(parsed.error)}`);
  }
  const { pcmPath, sampleRate, peaksPerSecond, outPath } = parsed.data;
  // Float32Array reads in the machine's byte order; every platform Lectern ships on (x64, arm64) is little-endian.
  if (os.endianness() !== 'LE') throw new Error('waveformPeaks assumes a little-endian machine');

  const inFd = fs.openSync(pcmPath, 'r');
  try {
    // Written under a temporary name and renamed at the end: an existing outPath is always a complete file.
    const partialPath = `${outPath}.partial`;
    const outFd = fs.openSync(partialPath, 'w');
    let scanned: { count: number; samples: number };
    try {
      scanned = scanPeaks(inFd, outFd, { sampleRate, peaksPerSecond, chunkSamples }, ctx);
    } catch (error) {
      fs.closeSync(outFd);
      fs.rmSync(partialPath, { force: true });
      throw error;
    }
    fs.closeSync(outFd);
    fs.renameSync(partialPath, outPath);
    ctx.reportProgress(1);
    return { outPath, count: scanned.count, durationSec: scanned.samples / sampleRate };
  } finally {
    fs.closeSync(inFd);
  }
}

interface ScanOptions {
  sampleRate: number;
  peaksPerSecond: number;
  chunkSamples: number;
}

function scanPeaks(
  inFd: number,
  outFd: number,
  options: ScanOptions,
  ctx: TaskContext,
): { count: number; samples: number } {
  const { sampleRate, peaksPerSecond, chunkSamples } = options;
  /** First sample of peak `k`: sample i belongs to peak floor(i × peaksPerSecond / sampleRate). */
  const peakStart = (k: number): number => Math.ceil((k * sampleRate) / peaksPerSecond);
  const totalBytes = fs.fstatSync(inFd).size;
  const bytes = new Uint8Array(chunkSamples * bytesPerSample);
  const samples = new Float32Array(bytes.buffer);
  const pairs = new Float32Array(2 * (Math.ceil((chunkSamples * peaksPerSecond) / sampleRate) + 1));

  let sampleIndex = 0;
  let peakIndex = 0;
  let nextPeakStart = peakStart(1);
  let min = Infinity;
  let max = -Infinity;
  let bytesRead = 0;
  let carry = 0;

  for (;;) {
    const read = fs.readSync(inFd, bytes, carry, bytes.length - carry, null);
    if (read === 0) break;
    bytesRead += read;
    const available = carry + read;
    const count = Math.floor(available / bytesPerSample);
    let pairCount = 0;
    for (let j = 0; j < count; j++) {
      if (sampleIndex >= nextPeakStart) {
        pairs[pairCount++] = Number.isFinite(min) ? min : 0;
        pairs[pairCount++] = Number.isFinite(max) ? max : 0;
        peakIndex++;
        nextPeakStart = peakStart(peakIndex + 1);
        min = Infinity;
        max = -Infinity;
      }
      const value = samples[j] ?? 0;
      if (value < min) min = value;
      if (value > max) max = value;
      sampleIndex++;
    }
    writeFloats(outFd, pairs, pairCount);
    // A read can end mid-sample; keep the stray bytes for the next round.
    carry = available - count * bytesPerSample;
    if (carry > 0) bytes.copyWithin(0, count * bytesPerSample, available);
    ctx.reportProgress(totalBytes > 0 ? Math.min(1, bytesRead / totalBytes) : 1);
  }

  if (sampleIndex > 0) {
    pairs[0] = Number.isFinite(min) ? min : 0;
    pairs[1] = Number.isFinite(max) ? max : 0;
    writeFloats(outFd, pairs, 2);
    peakIndex++;
  }
  return { count: peakIndex, samples: sampleIndex };
}

function writeFloats(fd: number, values: Float32Array, length: number): void {
  const bytes = new Uint8Array(values.buffer, 0, length * bytesPerSample);
  let written = 0;
  while (written < bytes.length) written += fs.writeSync(fd, bytes, written, bytes.length - written);
}
