import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LecternError } from '../../../../shared/errors.ts';
import { findCatalogueEntry, type ModelSpec } from './catalogue.ts';
import { buildRecognizerConfig, createRecognizer, describeProbeFailure, wordsFromTokens } from './engine.ts';
import { fakeWhisperTinyFiles, writeModelFolder } from './fixtures/fakeModels.ts';
import { importModel } from './install.ts';

let work: string;

beforeEach(() => {
  work = mkdtempSync(path.join(os.tmpdir(), 'lectern-engine-'));
});

afterEach(() => {
  rmSync(work, { recursive: true, force: true });
});

async function rejection(promise: Promise<unknown>): Promise<LecternError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(LecternError);
    return error as LecternError;
  }
  throw new Error('expected a rejection');
}

const round = (t: number) => Math.round(t * 1000) / 1000;

function specOf(name: string): ModelSpec {
  const entry = findCatalogueEntry(name)!;
  return { kind: entry.kind, files: entry.files } as ModelSpec;
}

describe('buildRecognizerConfig', () => {
  it('gives each engine the config shape of the sherpa-onnx node examples', () => {
    const whisper = buildRecognizerConfig('/m', specOf('sherpa-onnx-whisper-tiny.en'), 2);
    expect(whisper).toEqual({
      featConfig: { sampleRate: 16000, featureDim: 80 },
      modelConfig: {
        whisper: {
          encoder: path.join('/m', 'tiny.en-encoder.int8.onnx'),
          decoder: path.join('/m', 'tiny.en-decoder.int8.onnx'),
          language: '',
          task: 'transcribe',
        },
        tokens: path.join('/m', 'tiny.en-tokens.txt'),
        numThreads: 2,
        provider: 'cpu',
        debug: 0,
      },
    });
    const moonshine = buildRecognizerConfig('/m', specOf('sherpa-onnx-moonshine-tiny-en-int8'), 1).modelConfig;
    expect(moonshine.moonshine).toEqual({
      preprocessor: path.join('/m', 'preprocess.onnx'),
      encoder: path.join('/m', 'encode.int8.onnx'),
      uncachedDecoder: path.join('/m', 'uncached_decode.int8.onnx'),
      cachedDecoder: path.join('/m', 'cached_decode.int8.onnx'),
    });
    const parakeet = buildRecognizerConfig('/m', specOf('sherpa-onnx-nemo-parakeet-tdt-0.6b-v2-int8'), 1).modelConfig;
    expect(parakeet.transducer).toEqual({
      encoder: path.join('/m', 'encoder.int8.onnx'),
      decoder: path.join('/m', 'decoder.int8.onnx'),
      joiner: path.join('/m', 'joiner.int8.onnx'),
    });
    expect(parakeet.modelType).toBe('nemo_transducer');
    const zipformer = buildRecognizerConfig(
      '/m',
      { kind: 'transducer', files: { encoder: 'e', decoder: 'd', joiner: 'j', tokens: 't' } },
      1,
    ).modelConfig;
    expect(zipformer.modelType).toBeUndefined();
  });
});

describe('createRecognizer refuses a model it cannot use, with a message that says how to get one', () => {
  it('a folder that does not exist', async () => {
    const error = await rejection(createRecognizer(path.join(work, 'sherpa-onnx-whisper-tiny.en'), 'whisper'));
    expect(error.code).toBe('invalid-input');
    expect(error.message).toContain('cannot be used: there is no such folder.');
    expect(error.message).toContain('`lectern models download sherpa-onnx-whisper-tiny.en`');
    expect(error.message).toContain('`lectern models import <file>`');
  });

  it('a missing or empty file', async () => {
    const dir = writeModelFolder(path.join(work, 'sherpa-onnx-whisper-tiny.en'), fakeWhisperTinyFiles(100));
    rmSync(path.join(dir, 'tiny.en-tokens.txt'));
    expect((await rejection(createRecognizer(dir, 'whisper'))).message).toContain(
      'tiny.en-tokens.txt (tokens) is missing',
    );
    writeFileSync(path.join(dir, 'tiny.en-tokens.txt'), '');
    expect((await rejection(createRecognizer(dir, 'whisper'))).message).toContain(
      'tiny.en-tokens.txt (tokens) is empty',
    );
  });

  it('a file that is not a model at all, without handing it to the engine', async () => {
    const dir = writeModelFolder(path.join(work, 'sherpa-onnx-whisper-tiny.en'), fakeWhisperTinyFiles(100));
    writeFileSync(path.join(dir, 'tiny.en-decoder.int8.onnx'), '<html>rate limited</html>');
    expect((await rejection(createRecognizer(dir, 'whisper'))).message).toContain(
      'tiny.en-decoder.int8.onnx (decoder) is not an ONNX model',
    );
  });

  it('a model of another kind', async () => {
    const dir = writeModelFolder(path.join(work, 'sherpa-onnx-whisper-tiny.en'), fakeWhisperTinyFiles(100));
    expect((await rejection(createRecognizer(dir, 'moonshine'))).message).toContain(
      'it is a whisper model, not a moonshine model',
    );
  });

  it('an installed model whose file changed since it was installed', async () => {
    const source = writeModelFolder(path.join(work, 'src', 'sherpa-onnx-whisper-tiny.en'), fakeWhisperTinyFiles(100));
    const installed = await importModel(path.join(work, 'data'), source, { verifyLoad: null });
    writeFileSync(path.join(installed.dir, 'tiny.en-encoder.int8.onnx'), Buffer.from([0x08, 1, 2]));
    expect((await rejection(createRecognizer(installed.dir, 'whisper'))).message).toContain(
      'tiny.en-encoder.int8.onnx has changed size (3 bytes, expected 100)',
    );
  });

  // The real engine, in a child process: onnxruntime aborts the process that loads a corrupt model, and this
  // test process must survive it.
  it('a corrupt model that looks right, caught by loading it in a child process', async () => {
    const dir = writeModelFolder(path.join(work, 'sherpa-onnx-whisper-tiny.en'), fakeWhisperTinyFiles(2000));
    const error = await rejection(createRecognizer(dir, 'whisper'));
    expect(error.code).toBe('invalid-input');
    expect(error.message).toMatch(
      /the speech engine could not load it \(Load model from .*tiny\.en-encoder\.int8\.onnx failed:Protobuf parsing failed\.; crashed with SIGABRT\)/,
    );
    expect(error.message).toContain('`lectern models download sherpa-onnx-whisper-tiny.en`');
  });
});

describe('describeProbeFailure', () => {
  it('picks the line that says what went wrong from real sherpa-onnx output', () => {
    // Captured from sherpa-onnx-node 1.13.8 loading a whisper config whose files do not exist, then a corrupt one.
    const missing =
      "/shared/sherpa-onnx/csrc/offline-model-config.cc:Validate:105 tokens: '/tmp/sx/nope/tokens.txt' does not exist\n" +
      '/shared/sherpa-onnx/c-api/c-api.cc:SherpaOnnxCreateOfflineRecognizer:698 Errors in config\n' +
      'TypeError: Please check your config!\n';
    expect(describeProbeFailure(missing, 1, null)).toBe(
      "/shared/sherpa-onnx/csrc/offline-model-config.cc:Validate:105 tokens: '/tmp/sx/nope/tokens.txt' does not exist; exit code 1",
    );
    const corrupt =
      "terminate called after throwing an instance of 'Ort::Exception'\n  what():  Load model from /tmp/sx/enc.onnx failed:Protobuf parsing failed.\n";
    expect(describeProbeFailure(corrupt, null, 'SIGABRT')).toBe(
      'Load model from /tmp/sx/enc.onnx failed:Protobuf parsing failed.; crashed with SIGABRT',
    );
    expect(describeProbeFailure('', null, 'SIGTERM')).toBe('timed out');
  });
});

describe('wordsFromTokens', () => {
  it('joins SentencePiece pieces into words, with TDT durations for the ends', () => {
    const words = wordsFromTokens(
      {
        text: 'And so, my fellow Americans',
        tokens: ['▁And', '▁so', ',', '▁my', '▁fel', 'low', '▁Americans'],
        timestamps: [0.32, 0.64, 0.8, 1.2, 1.44, 1.6, 2.0],
        durations: [0.16, 0.16, 0.08, 0.16, 0.16, 0.24, 0.48],
      },
      3,
    );
    expect(words?.map((w) => ({ ...w, start: round(w.start), end: round(w.end) }))).toEqual([
      { start: 0.32, end: 0.48, text: 'And' },
      { start: 0.64, end: 0.88, text: 'so,' },
      { start: 1.2, end: 1.36, text: 'my' },
      { start: 1.44, end: 1.84, text: 'fellow' },
      { start: 2.0, end: 2.48, text: 'Americans' },
    ]);
  });

  it('ends a word at the next one without durations, but does not swallow a pause, nor run past the chunk', () => {
    const words = wordsFromTokens(
      { text: 'ASK NOT', tokens: ['▁ASK', '▁NOT'], timestamps: [0.2, 2.9], durations: [] },
      3,
    );
    expect(words).toEqual([
      { start: 0.2, end: 0.8, text: 'ASK' },
      { start: 2.9, end: 3, text: 'NOT' },
    ]);
  });

  it('gives no words when the model gives no token times', () => {
    expect(
      wordsFromTokens({ text: 'Ask not.', tokens: [' Ask', ' not', '.'], timestamps: [], durations: [] }, 3),
    ).toBeNull();
    expect(wordsFromTokens({ text: '', tokens: [], timestamps: [], durations: [] }, 3)).toBeNull();
  });
});
