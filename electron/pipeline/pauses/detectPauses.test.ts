import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TimeRange } from '../../../shared/domain/transcript.ts';
import { isLecternError } from '../../../shared/errors.ts';
import { media, modelsDir } from '../../../test/env.ts';
import {
  combineRangeSpeech,
  detectPauses,
  detectSpeechInRange,
  pauseDetectionSchema,
  splitIntoRanges,
  type PauseDetection,
} from './detectPauses.ts';
import { buildPauseFixture, decodeToPcm, pauseOverlapping, type PauseFixture } from './fixtures/buildAudio.ts';

const modelPath = path.join(modelsDir, 'silero-vad', 'silero_vad_v6.2.onnx');
const sampleRate = 16_000;

let dir: string;
let noisy: PauseFixture;
let lecture: { pcmPath: string; durationSec: number };

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'lectern-detect-pauses-'));
  const lecturePath = path.join(dir, 'lecture.f32');
  const [fixture, lectureSec] = await Promise.all([
    buildPauseFixture(media, path.join(dir, 'noisy.f32'), { noiseAmplitude: 0.003 }),
    decodeToPcm(media('physicsworks-lecture', 'physicsworks_audio.webm'), lecturePath),
  ]);
  noisy = fixture;
  lecture = { pcmPath: lecturePath, durationSec: lectureSec };
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function expectTiling(result: PauseDetection, durationSec: number): void {
  const all = [...result.speech, ...result.pauses].sort((a, b) => a.start - b.start);
  expect(all[0]?.start).toBe(0);
  expect(all.at(-1)?.end).toBeCloseTo(durationSec, 6);
  for (let i = 1; i < all.length; i++) expect(all[i]?.start).toBeCloseTo(all[i - 1]?.end ?? NaN, 9);
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => new Error('expected a rejection'),
    (error: unknown) => error,
  );
}

describe('detectPauses', () => {
  it('uses Silero when the model loads, and its result tiles the recording', async () => {
    const result = await detectPauses({
      pcmPath: noisy.pcmPath,
      sampleRate,
      durationSec: noisy.durationSec,
      modelPath,
    });
    expect(pauseDetectionSchema.parse(result)).toEqual(result);
    expect(result.detector).toBe('silero');
    expect(result.model).toEqual({ path: modelPath, graph: 'v5' });
    expect(result.fallbackReason).toBeUndefined();
    const found = pauseOverlapping(result.pauses, noisy.pause);
    expect(Math.abs((found?.start ?? NaN) - noisy.pause.start)).toBeLessThan(0.2);
    expect(Math.abs((found?.end ?? NaN) - noisy.pause.end)).toBeLessThan(0.2);
    expectTiling(result, noisy.durationSec);
    for (const p of result.pauses) expect(p.end - p.start).toBeGreaterThanOrEqual(0.3);
  });

  it('falls back to the energy detector, saying why, when the model cannot be used', async () => {
    const broken = media('jfk', 'jfk.txt');
    const result = await detectPauses({
      pcmPath: noisy.pcmPath,
      sampleRate,
      durationSec: noisy.durationSec,
      modelPath: broken,
    });
    expect(result.detector).toBe('energy');
    expect(result.fallbackReason).toContain('jfk.txt');
    expect(result.model).toBeUndefined();
    const found = pauseOverlapping(result.pauses, noisy.pause);
    expect(Math.abs((found?.start ?? NaN) - noisy.pause.start)).toBeLessThan(0.2);
    expect(Math.abs((found?.end ?? NaN) - noisy.pause.end)).toBeLessThan(0.2);
  });

  it('falls back when the audio is not at the 16 kHz Silero needs', async () => {
    const result = await detectPauses({ pcmPath: noisy.pcmPath, sampleRate: 8000, durationSec: 1, modelPath });
    expect(result.detector).toBe('energy');
    expect(result.fallbackReason).toMatch(/16000 Hz/);
  });

  it('runs the energy detector alone when asked, without a fallback reason', async () => {
    const result = await detectPauses({
      pcmPath: noisy.pcmPath,
      sampleRate,
      durationSec: noisy.durationSec,
      detector: 'energy',
    });
    expect(result).toMatchObject({ detector: 'energy' });
    expect(result.fallbackReason).toBeUndefined();
  });

  it.each(['silero', 'energy'] as const)(
    '%s: reads in small odd chunks (edges mid-sample) exactly as in 1 MiB ones',
    async (detector) => {
      const input = { pcmPath: lecture.pcmPath, sampleRate, durationSec: lecture.durationSec, modelPath, detector };
      const big = await detectPauses(input);
      const small = await detectPauses({ ...input, chunkBytes: 40_099 });
      expect(big.pauses.length).toBeGreaterThan(20);
      expect(small).toEqual(big);
    },
  );

  it('reports progress rising to 1', async () => {
    const seen: number[] = [];
    await detectPauses({
      pcmPath: lecture.pcmPath,
      sampleRate,
      durationSec: lecture.durationSec,
      detector: 'energy',
      chunkBytes: 1 << 18,
      onProgress: (f) => seen.push(f),
    });
    expect(seen.length).toBeGreaterThan(10);
    expect(seen.at(-1)).toBe(1);
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThanOrEqual(seen[i - 1] ?? 0);
  });

  it('rejects with cancelled when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await rejection(
      detectPauses({ pcmPath: lecture.pcmPath, sampleRate, durationSec: 10, signal: controller.signal }),
    );
    expect(isLecternError(error) && error.code).toBe('cancelled');
  });

  it('stops mid-file with cancelled when the signal aborts, not falling back to energy', async () => {
    const controller = new AbortController();
    let reports = 0;
    const error = await rejection(
      detectPauses({
        pcmPath: lecture.pcmPath,
        sampleRate,
        durationSec: lecture.durationSec,
        modelPath,
        chunkBytes: 1 << 16,
        signal: controller.signal,
        onProgress: () => {
          if (++reports === 3) controller.abort();
        },
      }),
    );
    expect(isLecternError(error) && error.code).toBe('cancelled');
    expect(reports).toBe(3);
  });

  it('rejects a missing PCM file as file-unreadable and bad input as invalid-input', async () => {
    const missing = await rejection(detectPauses({ pcmPath: path.join(dir, 'none.f32'), sampleRate, durationSec: 1 }));
    expect(isLecternError(missing) && missing.code).toBe('file-unreadable');
    const invalid = await rejection(detectPauses({ pcmPath: '', sampleRate: -1, durationSec: 1 }));
    expect(isLecternError(invalid) && invalid.code).toBe('invalid-input');
  });
});

describe('slices for parallel workers', () => {
  it('splits a recording into contiguous slices covering every sample', () => {
    expect(splitIntoRanges(10, 3)).toEqual([
      { startSample: 0, endSample: 3 },
      { startSample: 3, endSample: 6 },
      { startSample: 6, endSample: 10 },
    ]);
    expect(splitIntoRanges(2, 5)).toEqual([
      { startSample: 0, endSample: 1 },
      { startSample: 1, endSample: 2 },
    ]);
  });

  it('energy: three slices joined give exactly the whole-file result', async () => {
    const input = {
      pcmPath: lecture.pcmPath,
      sampleRate,
      durationSec: lecture.durationSec,
      detector: 'energy' as const,
    };
    const whole = await detectPauses(input);
    const ranges = splitIntoRanges(Math.round(lecture.durationSec * sampleRate), 3);
    const parts = await Promise.all(ranges.map((range) => detectSpeechInRange({ ...input, range })));
    const joined = combineRangeSpeech(parts, lecture.durationSec);
    expect(joined).toEqual(whole);
  });

  it('silero: three slices joined find the same pauses as the whole file, to within two Silero windows', async () => {
    const input = { pcmPath: lecture.pcmPath, sampleRate, durationSec: lecture.durationSec, modelPath };
    const whole = await detectPauses(input);
    const ranges = splitIntoRanges(Math.round(lecture.durationSec * sampleRate), 3);
    const parts = await Promise.all(ranges.map((range) => detectSpeechInRange({ ...input, range })));
    const joined = combineRangeSpeech(parts, lecture.durationSec);
    expect(joined.detector).toBe('silero');
    // The recurrent state after a 2 s lead-in is close to, not equal to, a whole-file pass: compare clear pauses.
    const clear = (pauses: TimeRange[]): TimeRange[] => pauses.filter((p) => p.end - p.start >= 0.5);
    const matched = (a: TimeRange[], b: TimeRange[]): boolean =>
      a.every((p) => b.some((q) => Math.abs(p.start - q.start) <= 0.07 && Math.abs(p.end - q.end) <= 0.07));
    expect(clear(whole.pauses).length).toBeGreaterThan(20);
    expect(matched(clear(whole.pauses), joined.pauses)).toBe(true);
    expect(matched(clear(joined.pauses), whole.pauses)).toBe(true);
  });

  it('labels a join as energy when any slice fell back, with the reason', () => {
    const joined = combineRangeSpeech(
      [
        { detector: 'silero', model: { path: modelPath, graph: 'v5' }, speech: [{ start: 1, end: 2 }] },
        { detector: 'energy', fallbackReason: 'no model', speech: [{ start: 3, end: 4 }] },
      ],
      5,
    );
    expect(joined.detector).toBe('energy');
    expect(joined.fallbackReason).toMatch(/only part of the recording: no model/);
  });
});
