import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { open } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { media } from '../../../../test/env.ts';
import { LecternError } from '../../../../shared/errors.ts';
import { decodePcm } from '../../workers/fixtures/decodePcm.ts';
import { planChunks } from './chunking.ts';
import type { ChunkTranscript } from './engine.ts';
import { readPcmRange, transcribeChunks, transcribeLocal } from './transcribeLocal.ts';

const sampleRate = 16_000;
let work: string;
let pcmPath: string;
let full: Float32Array;

// Synthetic VAD output over JFK's 11 s "ask not" clip: sparse, so most of the file need not be read.
const speech = [
  { start: 0.4, end: 2.2 },
  { start: 3.0, end: 4.3 },
  { start: 5.0, end: 10.5 },
];
const pauses = [
  { start: 2.2, end: 3.0 },
  { start: 4.3, end: 5.0 },
  { start: 7.4, end: 7.7 },
];
const chunking = { maxChunkSec: 4, padSec: 0.1 };

beforeAll(async () => {
  work = mkdtempSync(path.join(os.tmpdir(), 'lectern-asr-pcm-'));
  pcmPath = path.join(work, 'audio.f32');
  await decodePcm(media('jfk', 'jfk.wav'), pcmPath, { sampleRate });
  full = new Float32Array(new Uint8Array(readFileSync(pcmPath)).buffer);
});

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

async function collect<T>(generator: AsyncGenerator<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of generator) out.push(item);
  return out;
}

function rms(samples: Float32Array): number {
  return Math.sqrt(samples.reduce((sum, s) => sum + s * s, 0) / samples.length);
}

describe('transcribeChunks on the decoded JFK recording', () => {
  it('hands the model exactly each chunk’s samples, and puts its words back on the source timeline', async () => {
    const chunks = planChunks(speech, pauses, full.length / sampleRate, chunking);
    expect(chunks.length).toBeGreaterThanOrEqual(4);
    const received: Float32Array[] = [];
    const progress: number[] = [];
    const segments = await collect(
      transcribeChunks({
        pcmPath,
        sampleRate,
        speech,
        pauses,
        chunking,
        onProgress: (f) => progress.push(f),
        transcribe: async (samples): Promise<ChunkTranscript> => {
          received.push(samples);
          const n = received.length;
          return {
            text: `chunk ${n}.`,
            words: [
              { start: 0.05, end: 0.2, text: `chunk` },
              { start: 0.25, end: 0.4, text: `${n}.` },
            ],
          };
        },
      }),
    );

    expect(received).toHaveLength(chunks.length);
    chunks.forEach((chunk, i) => {
      const expected = full.subarray(Math.floor(chunk.start * sampleRate), Math.ceil(chunk.end * sampleRate));
      expect(received[i]).toEqual(expected);
      expect(rms(received[i]!)).toBeGreaterThan(0.001);
    });
    // Only the speech was read: the silences between regions stayed on disk.
    const read = received.reduce((sum, s) => sum + s.length, 0);
    expect(read).toBeLessThan(full.length * 0.95);

    expect(segments.map((s) => s.text)).toEqual(chunks.map((_, i) => `chunk ${i + 1}.`));
    segments.forEach((segment, i) => {
      expect(segment.start).toBeCloseTo(chunks[i]!.start + 0.05, 9);
      expect(segment.words?.[1]?.end).toBeCloseTo(chunks[i]!.start + 0.4, 9);
    });
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.at(-1)).toBe(1);
  });

  it('stops between chunks when cancelled', async () => {
    const controller = new AbortController();
    let calls = 0;
    const run = collect(
      transcribeChunks({
        pcmPath,
        sampleRate,
        speech,
        pauses,
        chunking,
        signal: controller.signal,
        transcribe: async () => {
          calls += 1;
          controller.abort();
          return { text: 'ask not', words: null };
        },
      }),
    );
    await expect(run).rejects.toMatchObject({ code: 'cancelled' });
    expect(calls).toBe(1);
  });
});

describe('readPcmRange', () => {
  it('reads samples at their offset and clamps to the file', async () => {
    const file = await open(pcmPath, 'r');
    try {
      expect(await readPcmRange(file, sampleRate, 1, 1.5, full.length)).toEqual(full.subarray(16_000, 24_000));
      expect(await readPcmRange(file, sampleRate, -1, 0.01, full.length)).toEqual(full.subarray(0, 160));
      const tail = await readPcmRange(
        file,
        sampleRate,
        full.length / sampleRate - 0.5,
        full.length / sampleRate + 5,
        full.length,
      );
      expect(tail).toEqual(full.subarray(full.length - 8000));
      expect(await readPcmRange(file, sampleRate, 100, 101, full.length)).toHaveLength(0);
    } finally {
      await file.close();
    }
  });
});

describe('transcribeLocal', () => {
  it('fails with the message that says how to get a model when there is none', async () => {
    const run = collect(
      transcribeLocal({
        pcmPath,
        sampleRate,
        speech,
        pauses,
        modelDir: path.join(work, 'models', 'sherpa-onnx-moonshine-tiny-en-int8'),
        kind: 'moonshine',
      }),
    );
    const error = await run.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LecternError);
    expect((error as LecternError).message).toMatch(
      /cannot be used: there is no such folder\. Get it again with `lectern models download sherpa-onnx-moonshine-tiny-en-int8`/,
    );
  });
});
