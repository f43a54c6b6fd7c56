import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TimeRange } from '../../../shared/domain/transcript.ts';
import { media } from '../../../test/env.ts';
import { EnergyVad } from './energyVad.ts';
import {
  buildNoiseGapFixture,
  buildPauseFixture,
  decodeToPcm,
  pauseOverlapping,
  readPcm,
  type PauseFixture,
} from './fixtures/buildAudio.ts';
import { shapeSpeech } from './intervals.ts';

let dir: string;
let clean: PauseFixture;
let noisy: PauseFixture;
let noiseGap: PauseFixture;
let jfkPath: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'lectern-energy-vad-'));
  jfkPath = path.join(dir, 'jfk.f32');
  [clean, noisy, noiseGap] = await Promise.all([
    buildPauseFixture(media, path.join(dir, 'clean.f32')),
    buildPauseFixture(media, path.join(dir, 'noisy.f32'), { noiseAmplitude: 0.003 }),
    buildNoiseGapFixture(media, path.join(dir, 'noise-gap.f32'), 0.05, 6),
    decodeToPcm(media('jfk', 'jfk.wav'), jfkPath),
  ]);
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function rawSpeech(samples: Float32Array, chunkSamples = samples.length): TimeRange[] {
  const vad = new EnergyVad({ sampleRate: 16_000 });
  for (let i = 0; i < samples.length; i += chunkSamples) vad.push(samples.subarray(i, i + chunkSamples));
  return vad.finish();
}

function pausesOf(fixture: PauseFixture): TimeRange[] {
  return shapeSpeech(rawSpeech(readPcm(fixture.pcmPath)), fixture.durationSec).pauses;
}

describe('EnergyVad on real speech', () => {
  it('finds the 2 s pause between two real clips to within 0.2 s', () => {
    const found = pauseOverlapping(pausesOf(clean), clean.pause);
    expect(found?.start).toBeGreaterThan(clean.pause.start - 0.2);
    expect(found?.start).toBeLessThan(clean.pause.start + 0.2);
    expect(found?.end).toBeGreaterThan(clean.pause.end - 0.2);
    expect(found?.end).toBeLessThan(clean.pause.end + 0.2);
  });

  it('finds the same pause above a floor of white noise', () => {
    const found = pauseOverlapping(pausesOf(noisy), noisy.pause);
    expect(Math.abs((found?.start ?? NaN) - noisy.pause.start)).toBeLessThan(0.2);
    expect(Math.abs((found?.end ?? NaN) - noisy.pause.end)).toBeLessThan(0.2);
  });

  it('adapts its floor: six seconds of loud noise alone (about -31 dBFS) between sentences are a pause', () => {
    const found = pauseOverlapping(pausesOf(noiseGap), noiseGap.pause);
    expect(Math.abs((found?.start ?? NaN) - noiseGap.pause.start)).toBeLessThan(0.3);
    expect(Math.abs((found?.end ?? NaN) - noiseGap.pause.end)).toBeLessThan(0.3);
  });

  it('hears the phrases of the JFK excerpt and the pauses between them', () => {
    const { speech, pauses } = shapeSpeech(rawSpeech(readPcm(jfkPath)), 11);
    const speechSec = speech.reduce((sum, r) => sum + r.end - r.start, 0);
    expect(speechSec).toBeGreaterThan(7);
    // "…fellow Americans, | ask not…": the breath at about 2.4–3.2 s.
    expect(pauses.some((p) => p.start < 2.6 && p.end > 3.1)).toBe(true);
  });

  it('finds no speech in digital silence', () => {
    expect(rawSpeech(new Float32Array(16_000 * 5))).toEqual([]);
  });
});

describe('EnergyVad streaming', () => {
  it('gives the same ranges whatever the chunk size, a sample at a time included', () => {
    const samples = readPcm(noisy.pcmPath);
    const whole = rawSpeech(samples);
    expect(whole.length).toBeGreaterThan(1);
    for (const chunk of [1, 159, 1000, 4099]) expect(rawSpeech(samples, chunk)).toEqual(whole);
  });

  it('shifts its times by offsetSamples', () => {
    const samples = readPcm(clean.pcmPath);
    const vad = new EnergyVad({ sampleRate: 16_000, offsetSamples: 1_600_000 });
    vad.push(samples);
    const shifted = vad.finish().map((r) => ({ start: r.start - 100, end: r.end - 100 }));
    const plain = rawSpeech(samples);
    expect(shifted).toHaveLength(plain.length);
    shifted.forEach((r, i) => {
      expect(r.start).toBeCloseTo(plain[i]?.start ?? NaN, 9);
      expect(r.end).toBeCloseTo(plain[i]?.end ?? NaN, 9);
    });
  });
});
