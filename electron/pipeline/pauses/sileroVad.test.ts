import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TimeRange } from '../../../shared/domain/transcript.ts';
import { media, modelsDir } from '../../../test/env.ts';
import {
  buildNoiseGapFixture,
  buildPauseFixture,
  decodeToPcm,
  pauseOverlapping,
  readPcm,
  type PauseFixture,
} from './fixtures/buildAudio.ts';
import { shapeSpeech } from './intervals.ts';
import {
  findSileroModel,
  inspectSileroModel,
  SileroVad,
  sileroModelCandidates,
  type SileroModel,
} from './sileroVad.ts';

const v5Path = path.join(modelsDir, 'silero-vad', 'silero_vad_v5.onnx');
const v62Path = path.join(modelsDir, 'silero-vad', 'silero_vad_v6.2.onnx');

let dir: string;
let jfkPath: string;
let clean: PauseFixture;
let noisy: PauseFixture;
let noiseGap: PauseFixture;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'lectern-silero-vad-'));
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

function rawSpeech(model: SileroModel, samples: Float32Array, chunkSamples = samples.length): TimeRange[] {
  const vad = new SileroVad({ model, sampleRate: 16_000 });
  for (let i = 0; i < samples.length; i += chunkSamples) vad.push(samples.subarray(i, i + chunkSamples));
  return vad.finish();
}

describe('inspectSileroModel', () => {
  it('accepts the real v5 and v6.2 weights as the v5 graph (input, state, sr), which sherpa-onnx runs', () => {
    expect(inspectSileroModel(v5Path)).toEqual({ path: v5Path, graph: 'v5' });
    expect(inspectSileroModel(v62Path)).toEqual({ path: v62Path, graph: 'v5' });
  });

  it('rejects, rather than letting sherpa-onnx abort the process on, a file that is not a model', () => {
    expect(() => inspectSileroModel(media('jfk', 'jfk.txt'))).toThrow(/not an ONNX model/);
    expect(() => inspectSileroModel(media('jfk', 'jfk.wav'))).toThrow(/not an ONNX model|truncated/);
    expect(() => inspectSileroModel(path.join(dir, 'missing.onnx'))).toThrow(/does not exist/);
  });

  it('rejects a truncated copy of the real model', () => {
    const truncated = path.join(dir, 'truncated.onnx');
    writeFileSync(truncated, readFileSync(v5Path).subarray(0, 200_000));
    expect(() => inspectSileroModel(truncated)).toThrow(/truncated/);
  });
});

describe('finding the model', () => {
  it('looks at the override, then the shipped copy, then the team models folder (v6.2 before v5)', () => {
    const candidates = sileroModelCandidates({ LECTERN_VAD_MODEL: '/x/override.onnx', LECTERN_MODELS_DIR: '/models' }, [
      '/app/resources',
    ]);
    expect(candidates[0]).toBe('/x/override.onnx');
    expect(candidates[1]).toBe(path.join('/app/resources', 'models', 'silero_vad.onnx'));
    expect(candidates.slice(-2)).toEqual([
      path.join('/models', 'silero-vad', 'silero_vad_v6.2.onnx'),
      path.join('/models', 'silero-vad', 'silero_vad_v5.onnx'),
    ]);
  });

  it('finds the team model through LECTERN_MODELS_DIR', () => {
    expect(findSileroModel(undefined, { LECTERN_MODELS_DIR: modelsDir }, [dir])).toEqual({
      model: { path: v62Path, graph: 'v5' },
    });
  });

  it('uses the shipped copy in resources before the models folder', () => {
    const resources = path.join(dir, 'resources');
    const shipped = path.join(resources, 'models', 'silero_vad.onnx');
    // A real copy of the v5 weights stands in for what the packager will ship.
    mkdirSync(path.dirname(shipped), { recursive: true });
    copyFileSync(v5Path, shipped);
    expect(findSileroModel(undefined, { LECTERN_MODELS_DIR: modelsDir }, [resources])).toEqual({
      model: { path: shipped, graph: 'v5' },
    });
  });

  it('reports a broken override instead of silently using another model', () => {
    const found = findSileroModel(media('jfk', 'jfk.txt'), { LECTERN_MODELS_DIR: modelsDir });
    expect(found).toEqual({ reason: expect.stringContaining('jfk.txt cannot be used') });
  });

  it('says where it looked when there is no model at all', () => {
    const found = findSileroModel(undefined, { LECTERN_MODELS_DIR: path.join(dir, 'nothing') }, [
      path.join(dir, 'nothing'),
    ]);
    expect(found).toEqual({ reason: expect.stringMatching(/no Silero model found \(looked in .*nothing/) });
  });
});

describe.each([
  ['v5', v5Path],
  ['v6.2', v62Path],
])('Silero %s through sherpa-onnx on real speech', (_name, modelPath) => {
  const model = (): SileroModel => inspectSileroModel(modelPath);

  it('finds speech in the JFK excerpt, and its probabilities are sane: most of it is speech, not all', () => {
    const { speech } = shapeSpeech(rawSpeech(model(), readPcm(jfkPath)), 11);
    const speechSec = speech.reduce((sum, r) => sum + r.end - r.start, 0);
    expect(speech.length).toBeGreaterThanOrEqual(3);
    expect(speechSec).toBeGreaterThan(6);
    expect(speechSec).toBeLessThan(10.5);
    // "And so my fellow Americans" starts within the first half second.
    expect(speech[0]?.start).toBeLessThan(0.5);
  });

  it('finds the 2 s pause between two real clips to within 0.2 s', () => {
    const { pauses } = shapeSpeech(rawSpeech(model(), readPcm(clean.pcmPath)), clean.durationSec);
    const found = pauseOverlapping(pauses, clean.pause);
    expect(Math.abs((found?.start ?? NaN) - clean.pause.start)).toBeLessThan(0.2);
    expect(Math.abs((found?.end ?? NaN) - clean.pause.end)).toBeLessThan(0.2);
  });

  it('finds it with white noise over everything', () => {
    const { pauses } = shapeSpeech(rawSpeech(model(), readPcm(noisy.pcmPath)), noisy.durationSec);
    const found = pauseOverlapping(pauses, noisy.pause);
    expect(Math.abs((found?.start ?? NaN) - noisy.pause.start)).toBeLessThan(0.2);
    expect(Math.abs((found?.end ?? NaN) - noisy.pause.end)).toBeLessThan(0.2);
  });

  it('does not take six seconds of loud noise for speech', () => {
    const { pauses } = shapeSpeech(rawSpeech(model(), readPcm(noiseGap.pcmPath)), noiseGap.durationSec);
    const found = pauseOverlapping(pauses, noiseGap.pause);
    expect(Math.abs((found?.start ?? NaN) - noiseGap.pause.start)).toBeLessThan(0.3);
    expect(Math.abs((found?.end ?? NaN) - noiseGap.pause.end)).toBeLessThan(0.3);
  });
});

describe('SileroVad streaming', () => {
  it('gives the same ranges whatever the chunk size (sherpa must see one 512-sample step per call)', () => {
    const model = inspectSileroModel(v62Path);
    const samples = readPcm(noisy.pcmPath);
    const whole = rawSpeech(model, samples);
    expect(whole.length).toBeGreaterThan(2);
    for (const chunk of [1, 511, 513, 16_000 * 4 + 3]) expect(rawSpeech(model, samples, chunk)).toEqual(whole);
  });

  it('finds no speech in digital silence', () => {
    expect(rawSpeech(inspectSileroModel(v62Path), new Float32Array(16_000 * 5))).toEqual([]);
  });

  it('refuses audio that is not 16 kHz instead of letting sherpa-onnx exit the process', () => {
    expect(() => new SileroVad({ model: inspectSileroModel(v62Path), sampleRate: 8000 })).toThrow(/16000 Hz/);
  });
});
