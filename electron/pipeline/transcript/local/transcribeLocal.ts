import { open, type FileHandle } from 'node:fs/promises';
import type { TimeRange } from '../../../../shared/domain/transcript.ts';
import { LecternError } from '../../../../shared/errors.ts';
import type { EngineKind } from './catalogue.ts';
import { placeChunkResult, planChunks, type ChunkPlanOptions, type TranscriptSegment } from './chunking.ts';
import { createRecognizer, transcribeChunk, type ChunkTranscript } from './engine.ts';

const bytesPerSample = 4;

export interface TranscribeLocalOptions {
  /** Raw mono float32 little-endian PCM, as the audio stage writes it. */
  pcmPath: string;
  sampleRate: number;
  speech: TimeRange[];
  pauses: TimeRange[];
  modelDir: string;
  kind: EngineKind;
  signal?: AbortSignal;
  /** Fraction of the speech transcribed so far, 0..1. */
  onProgress?: (fraction: number) => void;
  chunking?: Partial<ChunkPlanOptions>;
  numThreads?: number;
}

/** Transcribes the lecture's speech with a local model, yielding sentence-sized segments in time order. */
export async function* transcribeLocal(options: TranscribeLocalOptions): AsyncGenerator<TranscriptSegment> {
  const recognizer = await createRecognizer(options.modelDir, options.kind, {
    numThreads: options.numThreads,
    signal: options.signal,
  });
  yield* transcribeChunks({
    ...options,
    transcribe: (samples) => transcribeChunk(recognizer, samples, options.sampleRate),
  });
}

/** The part of `transcribeLocal` that does not need a model: plan, read each chunk's samples, recognise, place. */
export async function* transcribeChunks(
  options: Omit<TranscribeLocalOptions, 'modelDir' | 'kind' | 'numThreads'> & {
    transcribe: (samples: Float32Array) => Promise<ChunkTranscript>;
  },
): AsyncGenerator<TranscriptSegment> {
  const { pcmPath, sampleRate, signal } = options;
  const file = await openPcm(pcmPath);
  try {
    const totalSamples = Math.floor((await file.stat()).size / bytesPerSample);
    const chunks = planChunks(options.speech, options.pauses, totalSamples / sampleRate, options.chunking);
    const totalSec = chunks.reduce((sum, c) => sum + (c.end - c.start), 0);
    let doneSec = 0;
    let previousText: string | null = null;
    for (const chunk of chunks) {
      if (signal?.aborted) throw new LecternError('cancelled', 'Transcription was stopped.');
      const samples = await readPcmRange(file, sampleRate, chunk.start, chunk.end, totalSamples);
      const result = await options.transcribe(samples);
      yield* placeChunkResult(chunk, result, previousText);
      previousText = result.text;
      doneSec += chunk.end - chunk.start;
      options.onProgress?.(totalSec > 0 ? doneSec / totalSec : 1);
    }
    if (chunks.length === 0) options.onProgress?.(1);
  } finally {
    await file.close();
  }
}

/**
 * Samples [start, end) seconds of a raw float32 PCM file, read at its byte offset: a lecture's PCM is ~230 MB an
 * hour, and only the speech is needed, one chunk at a time.
 */
export async function readPcmRange(
  file: FileHandle,
  sampleRate: number,
  start: number,
  end: number,
  totalSamples: number,
): Promise<Float32Array> {
  const first = Math.min(totalSamples, Math.max(0, Math.floor(start * sampleRate)));
  const last = Math.min(totalSamples, Math.max(first, Math.ceil(end * sampleRate)));
  const samples = new Float32Array(last - first);
  const bytes = Buffer.from(samples.buffer);
  let filled = 0;
  while (filled < bytes.length) {
    const { bytesRead } = await file.read(bytes, filled, bytes.length - filled, first * bytesPerSample + filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return filled === bytes.length ? samples : samples.subarray(0, Math.floor(filled / bytesPerSample));
}

async function openPcm(pcmPath: string): Promise<FileHandle> {
  try {
    return await open(pcmPath, 'r');
  } catch (error) {
    throw new LecternError('internal', `The decoded audio ${pcmPath} cannot be read; process the lecture again.`, {
      cause: error,
    });
  }
}
