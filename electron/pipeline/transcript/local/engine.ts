import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import type { Word } from '../../../../shared/domain/transcript.ts';
import { LecternError } from '../../../../shared/errors.ts';
import type { EngineKind, ModelSpec } from './catalogue.ts';
import { detectModelSpec, findSpecProblems } from './modelFiles.ts';
import { findFileProblem, readManifest } from './modelStore.ts';

/*
 * The thin adapter over sherpa-onnx-node's OfflineRecognizer. Config shapes follow k2-fsa/sherpa-onnx
 * nodejs-addon-examples/test_asr_non_streaming_{whisper,moonshine,nemo_parakeet_tdt_v2}.js. The package ships no
 * TypeScript types, so the few calls we make are declared here and the JSON result is parsed with zod.
 */

interface SherpaOfflineStream {
  acceptWaveform(wave: { samples: Float32Array; sampleRate: number }): void;
}
interface SherpaOfflineRecognizer {
  createStream(): SherpaOfflineStream;
  decodeAsync(stream: SherpaOfflineStream): Promise<unknown>;
}
interface SherpaModule {
  OfflineRecognizer: { createAsync(config: RecognizerConfig): Promise<SherpaOfflineRecognizer> };
}

export interface RecognizerConfig {
  featConfig: { sampleRate: number; featureDim: number };
  modelConfig: {
    whisper?: { encoder: string; decoder: string; language: string; task: string };
    moonshine?: { preprocessor: string; encoder: string; uncachedDecoder: string; cachedDecoder: string };
    transducer?: { encoder: string; decoder: string; joiner: string };
    modelType?: string;
    tokens: string;
    numThreads: number;
    provider: 'cpu';
    debug: 0;
  };
}

export interface Recognizer {
  kind: EngineKind;
  modelDir: string;
  native: SherpaOfflineRecognizer;
}

export interface ChunkTranscript {
  text: string;
  /** Seconds from the start of the chunk; null when the model gives no token times (Whisper, Moonshine). */
  words: Word[] | null;
}

const resultSchema = z.object({
  text: z.string(),
  tokens: z.array(z.string()).default([]),
  timestamps: z.array(z.number()).default([]),
  durations: z.array(z.number()).default([]),
});
export type RecognizerResult = z.infer<typeof resultSchema>;

const require = createRequire(import.meta.url);

/** One core is left for the app and the other stages; past four threads one stream gains little. */
export function defaultThreads(): number {
  return Math.max(1, Math.min(4, os.availableParallelism() - 1));
}

export function buildRecognizerConfig(
  modelDir: string,
  spec: ModelSpec,
  numThreads = defaultThreads(),
): RecognizerConfig {
  const at = (file: string) => path.join(modelDir, file);
  const common = { tokens: at(spec.files.tokens), numThreads, provider: 'cpu' as const, debug: 0 as const };
  const featConfig = { sampleRate: 16_000, featureDim: 80 };
  switch (spec.kind) {
    case 'whisper':
      // English-only Whisper models take no language; an empty one lets a multilingual model detect it.
      return {
        featConfig,
        modelConfig: {
          ...common,
          whisper: {
            encoder: at(spec.files.encoder),
            decoder: at(spec.files.decoder),
            language: '',
            task: 'transcribe',
          },
        },
      };
    case 'moonshine':
      return {
        featConfig,
        modelConfig: {
          ...common,
          moonshine: {
            preprocessor: at(spec.files.preprocessor),
            encoder: at(spec.files.encoder),
            uncachedDecoder: at(spec.files.uncachedDecoder),
            cachedDecoder: at(spec.files.cachedDecoder),
          },
        },
      };
    case 'transducer':
    case 'nemo-transducer':
      return {
        featConfig,
        modelConfig: {
          ...common,
          transducer: {
            encoder: at(spec.files.encoder),
            decoder: at(spec.files.decoder),
            joiner: at(spec.files.joiner),
          },
          ...(spec.kind === 'nemo-transducer' ? { modelType: 'nemo_transducer' } : {}),
        },
      };
  }
}

/**
 * Which files of `modelDir` to load, after every check that can be made without the native engine. A folder we
 * installed has a manifest; any other folder is read by its file names.
 */
export function resolveModel(modelDir: string, kind: EngineKind): { spec: ModelSpec; loadVerified: boolean } {
  const name = path.basename(modelDir);
  if (!existsSync(modelDir) || !statSync(modelDir).isDirectory())
    throw modelProblem(modelDir, 'there is no such folder');
  const manifest = readManifest(modelDir);
  const spec = manifest?.spec ?? detectModelSpec(modelDir, name);
  if (!spec) throw modelProblem(modelDir, 'it holds no speech model Lectern recognises');
  if (spec.kind !== kind) throw modelProblem(modelDir, `it is a ${spec.kind} model, not a ${kind} model`);
  const problems = findSpecProblems(modelDir, spec);
  if (problems.length > 0) throw modelProblem(modelDir, problems.join('; '));
  const changed = manifest ? findFileProblem(modelDir, manifest) : null;
  if (changed) throw modelProblem(modelDir, changed);
  return { spec, loadVerified: manifest?.loadVerified ?? false };
}

/**
 * Loads the model. A model never loaded before is first loaded in a child process: a damaged file aborts the
 * process that loads it (see modelFiles.ts), and that must not be the app.
 */
export async function createRecognizer(
  modelDir: string,
  kind: EngineKind,
  options: { numThreads?: number; signal?: AbortSignal } = {},
): Promise<Recognizer> {
  const { spec, loadVerified } = resolveModel(modelDir, kind);
  const config = buildRecognizerConfig(modelDir, spec, options.numThreads);
  if (!loadVerified) await probeModelLoads(modelDir, spec, options.signal);
  try {
    const native = await loadSherpa().OfflineRecognizer.createAsync(config);
    return { kind, modelDir, native };
  } catch (error) {
    throw modelProblem(
      modelDir,
      `the speech engine refused it (${error instanceof Error ? error.message : String(error)})`,
    );
  }
}

/** Recognises one chunk (at most ~30 s: Whisper sees no more) of mono float samples in [-1, 1]. */
export async function transcribeChunk(
  recognizer: Recognizer,
  samples: Float32Array,
  sampleRate: number,
): Promise<ChunkTranscript> {
  const stream = recognizer.native.createStream();
  stream.acceptWaveform({ samples, sampleRate });
  const raw = await recognizer.native.decodeAsync(stream);
  const parsed = resultSchema.safeParse(raw);
  if (!parsed.success)
    throw new LecternError(
      'internal',
      `The speech engine returned a result Lectern cannot read: ${parsed.error.message}`,
    );
  return { text: parsed.data.text.trim(), words: wordsFromTokens(parsed.data, samples.length / sampleRate) };
}

/**
 * Word times from token times. SentencePiece marks a word's first piece with "▁"; pieces without it (including
 * punctuation) belong to the word before. TDT models give each token's duration; otherwise a word ends where the
 * next begins, but never more than `maxWordSec` after its last token, so a pause is not swallowed.
 */
export function wordsFromTokens(result: RecognizerResult, chunkSec: number, maxWordSec = 0.6): Word[] | null {
  const { tokens, timestamps, durations } = result;
  if (tokens.length === 0 || timestamps.length !== tokens.length) return null;
  const hasDurations = durations.length === tokens.length;
  const groups: { text: string; first: number; last: number }[] = [];
  tokens.forEach((token, i) => {
    const startsWord = token.startsWith('▁') || token.startsWith(' ') || groups.length === 0;
    const piece = token.replace(/^[▁ ]+/, '');
    if (startsWord && piece !== '') groups.push({ text: piece, first: i, last: i });
    else if (groups.length > 0) {
      const group = groups[groups.length - 1]!;
      group.text += piece;
      group.last = i;
    }
  });
  return groups.map((group, g) => {
    const start = timestamps[group.first]!;
    const lastTokenAt = timestamps[group.last]!;
    const nextStart = g + 1 < groups.length ? timestamps[groups[g + 1]!.first]! : chunkSec;
    const end = hasDurations ? lastTokenAt + durations[group.last]! : Math.min(nextStart, lastTokenAt + maxWordSec);
    return { start, end: Math.min(Math.max(end, start), chunkSec), text: group.text };
  });
}

function loadSherpa(): SherpaModule {
  try {
    return require('sherpa-onnx-node') as SherpaModule;
  } catch (error) {
    throw new LecternError(
      'internal',
      `The speech engine (sherpa-onnx) could not be loaded on this computer: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}. Reinstall Lectern.`,
    );
  }
}

/**
 * Loads the model once in a separate Node process and reports how that went. Used when a model is installed and
 * before a model never loaded is loaded here. `ELECTRON_RUN_AS_NODE` makes the Electron binary behave as Node.
 */
export function probeModelLoads(
  modelDir: string,
  spec: ModelSpec,
  signal?: AbortSignal,
  timeoutMs = 300_000,
): Promise<void> {
  const script = [
    'const sherpa = require(process.env.LECTERN_SHERPA_MODULE);',
    'new sherpa.OfflineRecognizer(JSON.parse(process.env.LECTERN_SHERPA_CONFIG));',
    "process.stdout.write('loaded');",
  ].join('\n');
  const env = {
    ...process.env,
    ELECTRON_RUN_AS_NODE: '1',
    LECTERN_SHERPA_MODULE: require.resolve('sherpa-onnx-node'),
    LECTERN_SHERPA_CONFIG: JSON.stringify(buildRecognizerConfig(modelDir, spec, 1)),
  };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', script], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      signal,
      timeout: timeoutMs,
      windowsHide: true,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 32_768) stderr += chunk.toString();
    });
    child.on('error', (error) => {
      if (error.name === 'AbortError') reject(new LecternError('cancelled', 'Checking the model was stopped.'));
      else
        reject(
          new LecternError('internal', `Could not start a process to check the model: ${error.message}`, {
            cause: error,
          }),
        );
    });
    child.on('close', (code, signalName) => {
      if (code === 0 && stdout === 'loaded') return resolve();
      if (signal?.aborted) return reject(new LecternError('cancelled', 'Checking the model was stopped.'));
      reject(
        modelProblem(
          modelDir,
          `the speech engine could not load it (${describeProbeFailure(stderr, code, signalName)})`,
        ),
      );
    });
  });
}

/** The line of the engine's output that says what went wrong; exported to test against captured output. */
export function describeProbeFailure(stderr: string, code: number | null, signalName: NodeJS.Signals | null): string {
  const lines = stderr
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const telling =
    lines.find((l) => /what\(\):/.test(l))?.replace(/^what\(\):\s*/, '') ??
    lines.find((l) => /does not exist|Please check your config|failed/i.test(l)) ??
    lines[lines.length - 1];
  const how = signalName === 'SIGTERM' ? 'timed out' : signalName ? `crashed with ${signalName}` : `exit code ${code}`;
  return telling ? `${telling}; ${how}` : how;
}

function modelProblem(modelDir: string, problem: string): LecternError {
  const name = path.basename(modelDir);
  return new LecternError(
    'invalid-input',
    `The speech model in ${modelDir} cannot be used: ${problem}. Get it again with \`lectern models download ${name}\` ` +
      'or `lectern models import <file>`; `lectern models list` shows the models.',
  );
}
