import { open } from 'node:fs/promises';
import os from 'node:os';
import { z } from 'zod';
import { timeRangeSchema, type TimeRange } from '../../../shared/domain/transcript.ts';
import { isLecternError, LecternError } from '../../../shared/errors.ts';
import { EnergyVad, energyContextSec, energyHopSamples } from './energyVad.ts';
import { defaultSpeechShape, shapeSpeech, unionRanges } from './intervals.ts';
import { findSileroModel, SileroVad, type SileroModel } from './sileroVad.ts';

export const pauseDetectorSchema = z.enum(['silero', 'energy']);
export type PauseDetector = z.infer<typeof pauseDetectorSchema>;

const sileroModelSchema = z.object({ path: z.string(), graph: z.enum(['v4', 'v5']) });

export const pauseDetectionSchema = z.object({
  detector: pauseDetectorSchema,
  speech: z.array(timeRangeSchema),
  pauses: z.array(timeRangeSchema),
  /** Why the energy detector ran although Silero was wanted. */
  fallbackReason: z.string().optional(),
  model: sileroModelSchema.optional(),
});
export type PauseDetection = z.infer<typeof pauseDetectionSchema>;

export const speechShapeSchema = z.object({
  minPauseSec: z.number().nonnegative().default(defaultSpeechShape.minPauseSec),
  minSpeechSec: z.number().nonnegative().default(defaultSpeechShape.minSpeechSec),
  paddingSec: z.number().nonnegative().default(defaultSpeechShape.paddingSec),
});

/** What crosses into a worker: plain data, parsed on arrival. Callbacks and the signal travel separately. */
export const detectPausesInputSchema = z.object({
  /** Raw little-endian float32 mono PCM, as FFmpeg writes it with `-f f32le -ac 1`. */
  pcmPath: z.string().min(1),
  sampleRate: z.number().int().positive(),
  /** The recording's length: speech and pauses together cover [0, durationSec]. */
  durationSec: z.number().nonnegative(),
  /** A Silero model to use instead of the usual search (see `findSileroModel`). */
  modelPath: z.string().min(1).optional(),
  /** 'energy' skips Silero altogether, e.g. for a comparison. */
  detector: pauseDetectorSchema.default('silero'),
  threshold: z.number().gt(0).lt(1).optional(),
  /** ONNX Runtime threads for Silero; 1 is fastest for this tiny model, parallelism comes from slices instead. */
  numThreads: z.number().int().positive().default(1),
  shape: speechShapeSchema.prefault({}),
  /** Read size; tests make it small and odd to put chunk edges mid-sample. */
  chunkBytes: z
    .number()
    .int()
    .positive()
    .default(1 << 20),
});
export type DetectPausesInput = z.input<typeof detectPausesInputSchema>;

/** A slice [startSample, endSample) of the recording, so a long lecture can be split across worker threads. */
export const sampleRangeSchema = z
  .object({ startSample: z.number().int().nonnegative(), endSample: z.number().int().positive() })
  .refine((r) => r.endSample > r.startSample, { message: 'endSample must be after startSample' });
export type SampleRange = z.infer<typeof sampleRangeSchema>;

export const detectSpeechInRangeInputSchema = detectPausesInputSchema.extend({ range: sampleRangeSchema });
export type DetectSpeechInRangeInput = z.input<typeof detectSpeechInRangeInputSchema>;

/** Cuts `totalSamples` into `parts` contiguous slices of near-equal length, for `detectSpeechInRange` in parallel. */
export function splitIntoRanges(totalSamples: number, parts: number): SampleRange[] {
  const count = Math.max(1, Math.min(Math.floor(parts), totalSamples));
  const ranges: SampleRange[] = [];
  for (let k = 0; k < count; k++) {
    ranges.push({
      startSample: Math.floor((k * totalSamples) / count),
      endSample: Math.floor(((k + 1) * totalSamples) / count),
    });
  }
  return ranges.filter((r) => r.endSample > r.startSample);
}

/** One slice's raw speech, before short pauses and short speech are dealt with; `combineRangeSpeech` does that. */
export interface RangeSpeech {
  detector: PauseDetector;
  fallbackReason?: string;
  model?: SileroModel;
  /** Raw speech ranges, in seconds on the whole recording's timeline, within the slice. */
  speech: TimeRange[];
}

export interface DetectOptions {
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

const bytesPerSample = 4;

/**
 * Finds speech and the pauses between them in a decoded lecture, streaming the PCM file so a two-hour recording
 * never sits in memory. Uses Silero when its model can be found and loaded, else the energy detector, with the
 * reason in `fallbackReason`. Rejects with LecternError 'cancelled' when `signal` aborts, 'file-unreadable' when the
 * PCM cannot be read, 'invalid-input' on bad input.
 */
export async function detectPauses(input: DetectPausesInput & DetectOptions): Promise<PauseDetection> {
  const parsed = parseInput(detectPausesInputSchema, input);
  const samples = Math.round(parsed.durationSec * parsed.sampleRate);
  const range = { startSample: 0, endSample: Math.max(1, samples) };
  const part = await detectSpeechInRange({ ...input, range });
  return combineRangeSpeech([part], parsed.durationSec, parsed.shape);
}

/**
 * Raw speech in one slice of the recording. Each slice reads a little audio before and after itself so that the
 * detectors' state is settled at its edges, then keeps only what lies inside; `combineRangeSpeech` joins slices.
 */
export async function detectSpeechInRange(input: DetectSpeechInRangeInput & DetectOptions): Promise<RangeSpeech> {
  const parsed = parseInput(detectSpeechInRangeInputSchema, input);
  const options: DetectOptions = { onProgress: input.onProgress, signal: input.signal };
  throwIfAborted(options.signal);
  let fallbackReason: string | undefined;
  if (parsed.detector === 'silero') {
    const found = findSileroModel(parsed.modelPath);
    if ('model' in found) {
      try {
        const { model } = found;
        const { sampleRate, threshold, numThreads } = parsed;
        const speech = await scanRange(
          parsed,
          options,
          SileroVad.contextSec,
          SileroVad.stepSamples,
          (offsetSamples) => {
            return new SileroVad({
              model,
              sampleRate,
              offsetSamples,
              numThreads,
              ...(threshold === undefined ? {} : { threshold }),
            });
          },
        );
        return { detector: 'silero', model: found.model, speech };
      } catch (error) {
        if (isLecternError(error)) throw error;
        fallbackReason = `Silero could not run: ${error instanceof Error ? error.message : String(error)}`;
      }
    } else {
      fallbackReason = found.reason;
    }
  }
  const speech = await scanRange(
    parsed,
    options,
    energyContextSec(),
    energyHopSamples(parsed.sampleRate),
    (offsetSamples) => {
      return new EnergyVad({ sampleRate: parsed.sampleRate, offsetSamples });
    },
  );
  return fallbackReason === undefined ? { detector: 'energy', speech } : { detector: 'energy', fallbackReason, speech };
}

/**
 * Joins the slices' raw speech and shapes it into the final speech and pauses over [0, durationSec]. Slices
 * that fell back to the energy detector make the whole result count as 'energy', with their reason.
 */
export function combineRangeSpeech(
  parts: readonly RangeSpeech[],
  durationSec: number,
  shape: z.input<typeof speechShapeSchema> = {},
): PauseDetection {
  const options = speechShapeSchema.parse(shape);
  const { speech, pauses } = shapeSpeech(unionRanges(parts.flatMap((p) => p.speech)), durationSec, options);
  const fellBack = parts.find((p) => p.detector === 'energy');
  if (fellBack || parts.length === 0) {
    const reason = fellBack?.fallbackReason;
    const mixed = parts.some((p) => p.detector === 'silero');
    const fallbackReason = mixed
      ? `Silero ran on only part of the recording: ${reason ?? 'energy was asked for'}`
      : reason;
    return fallbackReason === undefined
      ? { detector: 'energy', speech, pauses }
      : { detector: 'energy', speech, pauses, fallbackReason };
  }
  const model = parts[0]?.model;
  return model ? { detector: 'silero', speech, pauses, model } : { detector: 'silero', speech, pauses };
}

interface StreamingVad {
  push(samples: Float32Array): void;
  finish(): TimeRange[];
}

type ParsedRangeInput = z.output<typeof detectSpeechInRangeInputSchema>;

/**
 * Streams the slice plus its context through one detector and clips the speech to the slice. The read starts on
 * the detector's step grid (`stepSamples`) as counted from the file's start, so a slice's frames or windows are the
 * very ones a whole-file pass would see.
 */
async function scanRange(
  input: ParsedRangeInput,
  options: DetectOptions,
  contextSec: number,
  stepSamples: number,
  create: (offsetSamples: number) => StreamingVad,
): Promise<TimeRange[]> {
  // Float32Array reads in the machine's byte order; every platform Lectern ships on (x64, arm64) is little-endian.
  if (os.endianness() !== 'LE') throw new LecternError('internal', 'Pause detection assumes a little-endian machine.');
  const { sampleRate, range, pcmPath } = input;
  let file;
  try {
    file = await open(pcmPath, 'r');
  } catch (error) {
    throw new LecternError('file-unreadable', `The decoded audio ${pcmPath} cannot be read.`, { cause: error });
  }
  try {
    const fileSamples = Math.floor((await file.stat()).size / bytesPerSample);
    const endSample = Math.min(range.endSample, fileSamples);
    const context = Math.ceil(contextSec * sampleRate);
    const readStart = Math.max(0, Math.floor((range.startSample - context) / stepSamples) * stepSamples);
    const readEnd = Math.min(fileSamples, endSample + context);
    const vad = create(readStart);

    const chunkBytes = Math.max(bytesPerSample, input.chunkBytes);
    const buffer = new Uint8Array(chunkBytes + bytesPerSample);
    const totalBytes = (readEnd - readStart) * bytesPerSample;
    let position = readStart * bytesPerSample;
    let done = 0;
    let carry = 0;
    while (done < totalBytes) {
      throwIfAborted(options.signal);
      const want = Math.min(chunkBytes, totalBytes - done);
      const { bytesRead } = await file.read(buffer, carry, want, position);
      if (bytesRead === 0) break;
      position += bytesRead;
      done += bytesRead;
      const available = carry + bytesRead;
      const whole = available - (available % bytesPerSample);
      // A fresh copy per chunk keeps the Float32Array aligned whatever the carry.
      vad.push(new Float32Array(buffer.slice(0, whole).buffer));
      // A read can end mid-sample; keep the stray bytes for the next round.
      carry = available - whole;
      if (carry > 0) buffer.copyWithin(0, whole, available);
      options.onProgress?.(done / totalBytes);
    }
    throwIfAborted(options.signal);
    const start = range.startSample / sampleRate;
    const end = endSample / sampleRate;
    return vad
      .finish()
      .map((r) => ({ start: Math.max(start, r.start), end: Math.min(end, r.end) }))
      .filter((r) => r.end > r.start);
  } finally {
    await file.close();
  }
}

function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new LecternError('invalid-input', `detectPauses: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new LecternError('cancelled', 'Finding pauses was cancelled.');
}
