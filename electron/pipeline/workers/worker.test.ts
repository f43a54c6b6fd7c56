import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LecternError } from '../../../shared/errors.ts';
import { media } from '../../../test/env.ts';
import { decodePcm } from './fixtures/decodePcm.ts';
import { createWorkerPool, type WorkerPool } from './pool.ts';
import { waveformPeaks } from './waveformPeaks.ts';
import { defaultWorkerUrl, workerStart } from './workerUrl.ts';

const sampleRate = 16_000;
let dir = '';
let pcmPath = '';
let pool: WorkerPool;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lectern-worker-'));
  pcmPath = path.join(dir, 'jfk.f32');
  await decodePcm(media('jfk', 'jfk.wav'), pcmPath, { sampleRate });
  pool = createWorkerPool({ workerUrl: defaultWorkerUrl(), size: 1 });
});

afterAll(async () => {
  await pool.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the production worker entry', () => {
  it('is worker.ts from source, started through the tsx bootstrap', () => {
    const url = defaultWorkerUrl();
    expect(fileURLToPath(url)).toBe(fileURLToPath(new URL('./worker.ts', import.meta.url)));
    const start = workerStart(url);
    expect(fileURLToPath(start.filename)).toBe(fileURLToPath(new URL('./tsxBootstrap.mjs', import.meta.url)));
    expect(start.workerData).toEqual({ lecternTsEntry: url.href });
  });

  it('loads a bundled .js entry directly', () => {
    const bundled = new URL('file:///app/out/main/worker.js');
    expect(workerStart(bundled)).toEqual({ filename: bundled });
  });

  it('computes waveform peaks of a real recording off the main thread, with progress', async () => {
    const outPath = path.join(dir, 'peaks.f32');
    const fractions: number[] = [];
    const result = await pool.run(
      'waveformPeaks',
      { pcmPath, sampleRate, peaksPerSecond: 50, outPath },
      { onProgress: (fraction) => fractions.push(fraction) },
    );

    expect(result.durationSec).toBeCloseTo(11, 1);
    expect(result.count).toBe(Math.ceil(result.durationSec * 50));
    expect(fs.statSync(outPath).size).toBe(result.count * 8);
    expect(fractions.at(-1)).toBe(1);

    // Same bytes as computing it in this thread: the worker boundary changes nothing.
    const localPath = path.join(dir, 'peaks-local.f32');
    waveformPeaks({ pcmPath, sampleRate, peaksPerSecond: 50, outPath: localPath }, { reportProgress: () => undefined });
    expect(fs.readFileSync(outPath).equals(fs.readFileSync(localPath))).toBe(true);
  });

  it("keeps a task's LecternError code across the thread boundary", async () => {
    const error = await pool
      .run('waveformPeaks', { pcmPath, sampleRate, peaksPerSecond: 0, outPath: path.join(dir, 'x.f32') })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(LecternError);
    expect((error as LecternError).code).toBe('invalid-input');
    expect((error as LecternError).stack).toContain('waveformPeaks');
  });
});
