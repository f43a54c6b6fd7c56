import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LecternError } from '../../../../shared/errors.ts';
import { catalogue } from './catalogue.ts';
import {
  formatDownloadProgress,
  formatModelsList,
  missingModelError,
  modelsDownload,
  modelsImport,
  modelsList,
} from './cli.ts';
import { fakeWhisperTinyFiles, writeModelFolder } from './fixtures/fakeModels.ts';
import { requireInstalledModel } from './modelStore.ts';

let work: string;
let dataDir: string;

beforeEach(() => {
  work = mkdtempSync(path.join(os.tmpdir(), 'lectern-models-cli-'));
  dataDir = path.join(work, 'data');
});

afterEach(() => {
  rmSync(work, { recursive: true, force: true });
});

describe('the catalogue', () => {
  it('lists sherpa-onnx release assets named like their folders, with one recommended model', () => {
    expect(new Set(catalogue.map((e) => e.name)).size).toBe(catalogue.length);
    for (const entry of catalogue)
      expect(entry.url).toBe(
        `https://github.com/k2-fsa/sherpa-onnx/releases/download/asr-models/${entry.name}.tar.bz2`,
      );
    expect(catalogue.filter((e) => e.recommended).map((e) => e.name)).toEqual([
      'sherpa-onnx-nemo-parakeet-tdt-0.6b-v2-int8',
    ]);
    expect(new Set(catalogue.map((e) => e.kind))).toEqual(new Set(['whisper', 'moonshine', 'nemo-transducer']));
  });
});

describe('lectern models', () => {
  it('list: every catalogue model is available, and the text says how to get one', () => {
    const listed = modelsList(dataDir);
    expect(listed.map((m) => [m.name, m.status.state])).toEqual(catalogue.map((e) => [e.name, 'absent']));
    const text = formatModelsList(listed);
    expect(text).toContain(
      'available   sherpa-onnx-nemo-parakeet-tdt-0.6b-v2-int8 (nemo-transducer, ~480 MB, recommended)',
    );
    expect(text).toContain(
      'No model is installed yet. Download one (needs internet once): lectern models download sherpa-onnx-nemo-parakeet-tdt-0.6b-v2-int8',
    );
    expect(text).toContain('lectern models import <file>');
  });

  it('list: shows imported models, damaged ones and why', async () => {
    await modelsImport(
      dataDir,
      writeModelFolder(path.join(work, 'sherpa-onnx-whisper-tiny.en'), fakeWhisperTinyFiles(100)),
      { verifyLoad: null },
    );
    await modelsImport(dataDir, writeModelFolder(path.join(work, 'my-whisper'), fakeWhisperTinyFiles(100)), {
      verifyLoad: null,
    });
    rmSync(path.join(dataDir, 'models', 'my-whisper', 'tiny.en-tokens.txt'));
    const listed = modelsList(dataDir);
    expect(listed.find((m) => m.name === 'sherpa-onnx-whisper-tiny.en')?.status.state).toBe('installed');
    expect(listed.at(-1)).toMatchObject({
      name: 'my-whisper',
      kind: 'whisper',
      inCatalogue: false,
      status: { state: 'damaged', problem: 'tiny.en-tokens.txt is missing' },
    });
    const text = formatModelsList(listed);
    expect(text).toContain('installed   sherpa-onnx-whisper-tiny.en (whisper, ~110 MB)');
    expect(text).toContain('damaged     my-whisper (whisper, tiny.en-tokens.txt is missing)');
    expect(text).not.toContain('No model is installed yet');
  });

  it('download: an unknown name lists the names it knows', async () => {
    const error = await modelsDownload(dataDir, 'whisper-large').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LecternError);
    expect((error as LecternError).code).toBe('invalid-input');
    expect((error as LecternError).message).toMatch(
      /^There is no model called "whisper-large"\. Lectern can download: sherpa-onnx-nemo-parakeet/,
    );
  });

  it('import: refuses a model the real engine cannot load, checked in a child process, and installs nothing', async () => {
    const source = writeModelFolder(path.join(work, 'sherpa-onnx-whisper-tiny.en'), fakeWhisperTinyFiles(500));
    const error = await modelsImport(dataDir, source).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LecternError);
    expect((error as LecternError).message).toMatch(
      /the speech engine could not load it \(Load model from .* failed:Protobuf parsing failed\.; crashed with SIGABRT\)/,
    );
    expect(modelsList(dataDir).every((m) => m.status.state === 'absent')).toBe(true);
  });

  it('the missing-model message says exactly how to get one', () => {
    expect(() => requireInstalledModel(dataDir)).toThrow(missingModelError());
    expect(missingModelError().message).toBe(
      'No speech-recognition model is installed, so Lectern cannot transcribe on this computer. ' +
        'Get one with `lectern models download sherpa-onnx-nemo-parakeet-tdt-0.6b-v2-int8` (needs internet once, about 480 MB), ' +
        'or, if you already have a model archive or folder, `lectern models import <file>`. `lectern models list` shows the choices.',
    );
    expect(missingModelError('sherpa-onnx-whisper-base.en').message).toMatch(
      /^The speech-recognition model "sherpa-onnx-whisper-base\.en" is not installed\. Get one with `lectern models download sherpa-onnx-whisper-base\.en` \(needs internet once, about 200 MB\)/,
    );
  });

  it('picks an installed model when none is named, and reports a damaged named one', async () => {
    await modelsImport(
      dataDir,
      writeModelFolder(path.join(work, 'sherpa-onnx-whisper-tiny.en'), fakeWhisperTinyFiles(100)),
      { verifyLoad: null },
    );
    expect(requireInstalledModel(dataDir).name).toBe('sherpa-onnx-whisper-tiny.en');
    rmSync(path.join(dataDir, 'models', 'sherpa-onnx-whisper-tiny.en', 'tiny.en-decoder.int8.onnx'));
    expect(() => requireInstalledModel(dataDir, 'sherpa-onnx-whisper-tiny.en')).toThrow(
      /is incomplete or damaged: tiny\.en-decoder\.int8\.onnx is missing\. Get it again with `lectern models download sherpa-onnx-whisper-tiny\.en` \(replaces it\)/,
    );
    expect(() => requireInstalledModel(dataDir)).toThrow(/No speech-recognition model is installed/);
  });

  it('formats progress lines', () => {
    expect(
      formatDownloadProgress('m', {
        phase: 'download',
        receivedBytes: 120_000_000,
        totalBytes: 480_000_000,
        resumedFrom: 100_000_000,
      }),
    ).toBe('Downloading m: 120 MB of 480 MB (25%, resumed at 100 MB)');
    expect(
      formatDownloadProgress('m', { phase: 'download', receivedBytes: 1_500_000, totalBytes: null, resumedFrom: 0 }),
    ).toBe('Downloading m: 1.5 MB');
    expect(formatDownloadProgress('m', { phase: 'extract', receivedBytes: 0, totalBytes: 0, resumedFrom: 0 })).toBe(
      'Unpacking m…',
    );
  });
});
