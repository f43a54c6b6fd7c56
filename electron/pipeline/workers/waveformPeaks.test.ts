import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LecternError } from '../../../shared/errors.ts';
import { media } from '../../../test/env.ts';
import { decodePcm } from './fixtures/decodePcm.ts';
import type { TaskContext } from './protocol.ts';
import { waveformPeaks, waveformPeaksInChunks } from './waveformPeaks.ts';

const sampleRate = 16_000;
const silenceSec = 2;
let dir = '';
/** jfk.wav (11.0 s of speech) behind exactly 2 s of digital silence. */
let pcmPath = '';

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lectern-peaks-'));
  pcmPath = path.join(dir, 'jfk-delayed.f32');
  await decodePcm(media('jfk', 'jfk.wav'), pcmPath, { sampleRate, filter: `adelay=${silenceSec * 1000}` });
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function recordProgress(): TaskContext & { fractions: number[] } {
  const fractions: number[] = [];
  return { fractions, reportProgress: (fraction) => fractions.push(fraction) };
}

function readFloats(file: string): Float32Array {
  const bytes = fs.readFileSync(file);
  return new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
}

/** The obvious version, whole file in memory: sample i belongs to peak floor(i × pps / rate). */
function naivePeaks(samples: Float32Array, peaksPerSecond: number): number[] {
  const peaks: number[] = [];
  samples.forEach((value, i) => {
    const k = Math.floor((i * peaksPerSecond) / sampleRate);
    peaks[2 * k] = Math.min(peaks[2 * k] ?? Infinity, value);
    peaks[2 * k + 1] = Math.max(peaks[2 * k + 1] ?? -Infinity, value);
  });
  return peaks;
}

describe('waveformPeaks', () => {
  it('writes one min/max pair per slice of a real recording, silence flat and speech loud', () => {
    const outPath = path.join(dir, 'peaks-50.f32');
    const ctx = recordProgress();
    const result = waveformPeaks({ pcmPath, sampleRate, peaksPerSecond: 50, outPath }, ctx);

    expect(result.durationSec).toBeCloseTo(11 + silenceSec, 1);
    expect(result.count).toBe(Math.ceil(result.durationSec * 50));
    const peaks = readFloats(outPath);
    expect(peaks.length).toBe(result.count * 2);

    const amplitude = (k: number): number => (peaks[2 * k + 1] ?? 0) - (peaks[2 * k] ?? 0);
    const silence = Array.from({ length: silenceSec * 50 - 1 }, (_, k) => amplitude(k));
    const speech = Array.from({ length: result.count - silenceSec * 50 }, (_, k) => amplitude(k + silenceSec * 50));
    expect(Math.max(...silence)).toBe(0);
    expect(Math.max(...speech)).toBeGreaterThan(0.3);
    // Speech has its own pauses; the waveform must show them, not a flat band.
    expect(Math.min(...speech)).toBeLessThan(0.05 * Math.max(...speech));

    expect(ctx.fractions.at(-1)).toBe(1);
    expect(ctx.fractions).toEqual([...ctx.fractions].sort((a, b) => a - b));
    expect(fs.existsSync(`${outPath}.partial`)).toBe(false);
  });

  it('matches a whole-file computation when slices straddle read chunks', () => {
    const samples = readFloats(pcmPath);
    // 16000 / 30 = 533.3 samples per peak and 1000-sample reads: boundaries fall everywhere inside chunks.
    const outPath = path.join(dir, 'peaks-30.f32');
    const result = waveformPeaksInChunks({ pcmPath, sampleRate, peaksPerSecond: 30, outPath }, recordProgress(), 1000);
    const expected = naivePeaks(samples, 30);
    expect(result.count * 2).toBe(expected.length);
    expect(Array.from(readFloats(outPath))).toEqual(expected);
  });

  it('ignores a trailing partial sample and handles an empty file', () => {
    const ragged = path.join(dir, 'ragged.f32');
    fs.writeFileSync(
      ragged,
      Buffer.concat([Buffer.from(new Float32Array([0.5, -0.25, 0.75]).buffer), Buffer.from([1, 2])]),
    );
    const out = path.join(dir, 'ragged-peaks.f32');
    expect(
      waveformPeaks({ pcmPath: ragged, sampleRate: 2, peaksPerSecond: 1, outPath: out }, recordProgress()),
    ).toEqual({
      outPath: out,
      count: 2,
      durationSec: 1.5,
    });
    expect(Array.from(readFloats(out))).toEqual([-0.25, 0.5, 0.75, 0.75]);

    const empty = path.join(dir, 'empty.f32');
    fs.writeFileSync(empty, '');
    const emptyOut = path.join(dir, 'empty-peaks.f32');
    expect(
      waveformPeaks({ pcmPath: empty, sampleRate, peaksPerSecond: 50, outPath: emptyOut }, recordProgress()),
    ).toMatchObject({
      count: 0,
      durationSec: 0,
    });
    expect(fs.statSync(emptyOut).size).toBe(0);
  });

  it('rejects impossible settings as invalid-input and leaves no output behind', () => {
    const outPath = path.join(dir, 'never.f32');
    const attempt = (): unknown =>
      waveformPeaks({ pcmPath, sampleRate, peaksPerSecond: sampleRate * 2, outPath }, recordProgress());
    expect(attempt).toThrow(LecternError);
    expect(attempt).toThrow(/peaksPerSecond cannot exceed sampleRate/);
    expect(fs.existsSync(outPath)).toBe(false);

    const missing = (): unknown =>
      waveformPeaks({ pcmPath: path.join(dir, 'nope.f32'), sampleRate, peaksPerSecond: 50, outPath }, recordProgress());
    expect(missing).toThrow(/ENOENT/);
    expect(fs.existsSync(outPath)).toBe(false);
    expect(fs.existsSync(`${outPath}.partial`)).toBe(false);
  });
});
