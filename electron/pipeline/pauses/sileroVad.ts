import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TimeRange } from '../../../shared/domain/transcript.ts';
import { readOnnxSignature } from './onnxSignature.ts';

/**
 * Silero VAD through sherpa-onnx-node's `Vad`. sherpa-onnx tells the two Silero graph generations apart by their
 * inputs: v4 takes `input, sr, h, c`; v5 takes `input, state, sr` and is fed 576 samples (64 of context from the
 * previous window, which v5 needs, plus 512 new) per 512-sample step. The v6.x releases keep the v5 graph, so they
 * load as 'v5'. See k2-fsa/sherpa-onnx `sherpa-onnx/csrc/silero-vad-model.cc`.
 */
export type SileroGraph = 'v4' | 'v5';

export interface SileroModel {
  path: string;
  graph: SileroGraph;
}

export interface SileroVadOptions {
  model: SileroModel;
  /** sherpa-onnx's Silero runs at 16 kHz only (it exits the process on any other rate). */
  sampleRate: number;
  /** Speech probability above which a window counts as speech; while in speech, sherpa keeps it 0.15 lower. */
  threshold: number;
  /** ONNX Runtime intra-op threads; the model is tiny, so one thread per detector is fastest (see bench/pauses.ts). */
  numThreads: number;
  /** Where the first pushed sample sits in the recording, when this detector sees a slice of a longer one. */
  offsetSamples: number;
}

export const defaultSileroThreshold = 0.5;
const sileroSampleRate = 16_000;
/** sherpa-onnx requires 512-sample steps for v5 at 16 kHz; v4 accepts it too. */
const windowSamples = 512;
/**
 * sherpa ends a segment this long after the probability drops and dates the end back to where it dropped. Kept
 * short: pauses are merged to the caller's minimum afterwards (`shapeSpeech`), the same for both detectors.
 */
const sherpaMinSilenceSec = 0.1;
const sherpaMinSpeechSec = 0.05;
/**
 * Past this much speech in one segment sherpa raises the threshold to 0.9 to force a split; pause detection wants
 * the same decision rule throughout, so the limit is set out of reach (it is an int32 of samples inside sherpa).
 */
const sherpaMaxSpeechSec = 100_000;
/** Initial ring buffer; sherpa grows it (with a note on stderr) for a longer unbroken stretch of speech. */
const sherpaBufferSec = 120;

/**
 * Checks that `modelPath` is a Silero graph sherpa-onnx will run, exactly as sherpa checks it, so a wrong or broken
 * file becomes an Error here instead of sherpa aborting the process. Throws with the reason.
 */
export function inspectSileroModel(modelPath: string): SileroModel {
  if (!existsSync(modelPath)) throw new Error(`${modelPath} does not exist`);
  if (!statSync(modelPath).isFile()) throw new Error(`${modelPath} is not a file`);
  let signature: { inputs: string[]; outputs: string[] };
  try {
    signature = readOnnxSignature(modelPath);
  } catch (error) {
    throw new Error(`${modelPath}: ${messageOf(error)}`);
  }
  const io = `${signature.inputs.join(',')} -> ${signature.outputs.join(',')}`;
  if (io === 'input,state,sr -> output,stateN') {
    return { path: modelPath, graph: 'v5' };
  }
  if (io === 'input,sr,h,c -> output,hn,cn') {
    return { path: modelPath, graph: 'v4' };
  }
  throw new Error(`${modelPath} is not a Silero VAD model sherpa-onnx can run (its graph is ${io})`);
}

const here = path.dirname(fileURLToPath(import.meta.url));

/** The app's resources folders: packaged (process.resourcesPath), then a source checkout or a built bundle. */
export function defaultResourceDirs(): string[] {
  const packaged = (process as NodeJS.Process & { resourcesPath?: string }).resourcesPath;
  return [packaged, path.join(here, '..', '..', '..', 'resources'), path.join(here, '..', '..', 'resources')].filter(
    (d): d is string => Boolean(d),
  );
}

/**
 * Where to look for the Silero weights, in order: the `LECTERN_VAD_MODEL` override, the copy shipped in the app's
 * resources, then the team's models folder.
 */
export function sileroModelCandidates(
  env: NodeJS.ProcessEnv = process.env,
  resourceDirs: readonly string[] = defaultResourceDirs(),
): string[] {
  const shipped = path.join('models', 'silero_vad.onnx');
  const modelsDir = env.LECTERN_MODELS_DIR;
  const candidates = [
    env.LECTERN_VAD_MODEL,
    ...resourceDirs.map((dir) => path.join(dir, shipped)),
    // v6.2 first: on jfk.wav it finds "ask not" (3.2–4.5 s), which v5 misses; elsewhere the two agree.
    modelsDir ? path.join(modelsDir, 'silero-vad', 'silero_vad_v6.2.onnx') : undefined,
    modelsDir ? path.join(modelsDir, 'silero-vad', 'silero_vad_v5.onnx') : undefined,
  ];
  return [...new Set(candidates.filter((c): c is string => Boolean(c)))];
}

/**
 * The model to use, or why there is none. An explicit path (the caller's, or `LECTERN_VAD_MODEL`) is used or
 * reported, never silently replaced; otherwise the first default candidate that is a valid model wins.
 */
export function findSileroModel(
  explicitPath?: string,
  env: NodeJS.ProcessEnv = process.env,
  resourceDirs?: readonly string[],
): { model: SileroModel } | { reason: string } {
  const explicit = explicitPath ?? env.LECTERN_VAD_MODEL;
  if (explicit) {
    try {
      return { model: inspectSileroModel(explicit) };
    } catch (error) {
      return { reason: `the Silero model ${explicit} cannot be used: ${messageOf(error)}` };
    }
  }
  const candidates = sileroModelCandidates(env, resourceDirs);
  const problems: string[] = [];
  for (const candidate of candidates) {
    if (!existsSync(candidate)) continue;
    try {
      return { model: inspectSileroModel(candidate) };
    } catch (error) {
      problems.push(messageOf(error));
    }
  }
  if (problems.length > 0) return { reason: `no usable Silero model: ${problems.join('; ')}` };
  return { reason: `no Silero model found (looked in ${candidates.join(', ')})` };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

interface SherpaSpeechSegment {
  start: number;
  samples: Float32Array;
}

/** The part of sherpa-onnx-node's `Vad` used here (the package ships no TypeScript types). */
interface SherpaVad {
  acceptWaveform(samples: Float32Array): void;
  isEmpty(): boolean;
  front(enableExternalBuffer?: boolean): SherpaSpeechSegment;
  pop(): void;
  flush(): void;
}

interface SherpaVadConfig {
  sileroVad: {
    model: string;
    threshold: number;
    minSilenceDuration: number;
    minSpeechDuration: number;
    maxSpeechDuration: number;
    windowSize: number;
  };
  sampleRate: number;
  numThreads: number;
  provider: 'cpu';
  debug: boolean;
}

type SherpaVadConstructor = new (config: SherpaVadConfig, bufferSizeInSeconds: number) => SherpaVad;

let sherpaVad: SherpaVadConstructor | undefined;

/** Loads the native addon on first use, so importing this module never fails on a platform without it. */
function loadSherpaVad(): SherpaVadConstructor {
  if (!sherpaVad) {
    const loaded: unknown = createRequire(import.meta.url)('sherpa-onnx-node');
    const Vad = (loaded as { Vad?: unknown } | null)?.Vad;
    if (typeof Vad !== 'function') throw new Error('sherpa-onnx-node has no Vad class');
    sherpaVad = Vad as SherpaVadConstructor;
  }
  return sherpaVad;
}

/**
 * Streaming Silero speech detection. Feed samples in chunks of any size with `push`; `finish` returns the raw
 * speech ranges (which `shapeSpeech` turns into speech and pauses). The result does not depend on chunking.
 */
export class SileroVad {
  private readonly vad: SherpaVad;
  private readonly offsetSamples: number;
  /** Samples waiting to complete a 512-sample step. */
  private readonly pending = new Float32Array(windowSamples);
  private pendingCount = 0;
  private readonly speech: TimeRange[] = [];

  constructor(options: Partial<SileroVadOptions> & { model: SileroModel; sampleRate: number }) {
    if (options.sampleRate !== sileroSampleRate) {
      throw new Error(`Silero runs at ${sileroSampleRate} Hz; this audio is ${options.sampleRate} Hz`);
    }
    const Vad = loadSherpaVad();
    this.offsetSamples = options.offsetSamples ?? 0;
    this.vad = new Vad(
      {
        sileroVad: {
          model: options.model.path,
          threshold: options.threshold ?? defaultSileroThreshold,
          minSilenceDuration: sherpaMinSilenceSec,
          minSpeechDuration: sherpaMinSpeechSec,
          maxSpeechDuration: sherpaMaxSpeechSec,
          windowSize: windowSamples,
        },
        sampleRate: sileroSampleRate,
        numThreads: options.numThreads ?? 1,
        provider: 'cpu',
        debug: false,
      },
      sherpaBufferSec,
    );
  }

  /**
   * Lead-in read before a slice so the model's recurrent state has settled. It never settles to the bit: on the
   * physics lecture a slice still ends a few segments one 32 ms window later than a whole-file pass does.
   */
  static readonly contextSec = 2;
  /** Windows start every this many samples, counted from the first sample pushed. */
  static readonly stepSamples = windowSamples;

  push(samples: Float32Array): void {
    let i = 0;
    if (this.pendingCount > 0) {
      const take = Math.min(windowSamples - this.pendingCount, samples.length);
      this.pending.set(samples.subarray(0, take), this.pendingCount);
      this.pendingCount += take;
      i = take;
      if (this.pendingCount < windowSamples) return;
      this.accept(this.pending);
      this.pendingCount = 0;
    }
    // One step per call: sherpa ORs the speech decision over all the windows it gets in one call
    // (voice-activity-detector.cc, AcceptWaveform), so a big chunk would come back as one long segment.
    for (; i + windowSamples <= samples.length; i += windowSamples) this.accept(samples.subarray(i, i + windowSamples));
    if (i < samples.length) {
      this.pending.set(samples.subarray(i));
      this.pendingCount = samples.length - i;
    }
  }

  finish(): TimeRange[] {
    this.vad.flush();
    this.drain();
    return this.speech.map((r) => ({ start: r.start, end: r.end }));
  }

  private accept(step: Float32Array): void {
    this.vad.acceptWaveform(step);
    this.drain();
  }

  private drain(): void {
    while (!this.vad.isEmpty()) {
      const segment = this.vad.front(false);
      this.speech.push({
        start: (this.offsetSamples + segment.start) / sileroSampleRate,
        end: (this.offsetSamples + segment.start + segment.samples.length) / sileroSampleRate,
      });
      this.vad.pop();
    }
  }
}
