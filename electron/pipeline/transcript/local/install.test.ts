import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LecternError } from '../../../../shared/errors.ts';
import { fakeOnnx, fakeTokens, fakeWhisperTinyFiles, makeTarBz2, writeModelFolder } from './fixtures/fakeModels.ts';
import { importModel } from './install.ts';
import { modelDir, modelStatus, readManifest } from './modelStore.ts';

let work: string;
let dataDir: string;

beforeEach(() => {
  work = mkdtempSync(path.join(os.tmpdir(), 'lectern-import-'));
  dataDir = path.join(work, 'data');
});

afterEach(() => {
  rmSync(work, { recursive: true, force: true });
});

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
}

describe('importModel', () => {
  it('imports an unpacked catalogue folder by copying the files the engine needs, leaving the original alone', async () => {
    const source = writeModelFolder(path.join(work, 'sherpa-onnx-whisper-tiny.en'), fakeWhisperTinyFiles(1000));
    const installed = await importModel(dataDir, source, { verifyLoad: null });
    expect(installed.spec).toEqual({
      kind: 'whisper',
      files: {
        encoder: 'tiny.en-encoder.int8.onnx',
        decoder: 'tiny.en-decoder.int8.onnx',
        tokens: 'tiny.en-tokens.txt',
      },
    });
    expect(readManifest(installed.dir)).toMatchObject({ source: 'import', origin: source, archiveSha256: null });
    expect(readdirSync(installed.dir)).not.toContain('tiny.en-encoder.onnx');
    expect(readdirSync(source)).toContain('tiny.en-encoder.int8.onnx');
    expect(modelStatus(dataDir, 'sherpa-onnx-whisper-tiny.en').state).toBe('installed');
  });

  it('imports a .tar.bz2 archive the user downloaded themselves', async () => {
    const { path: archive } = makeTarBz2(
      path.join(work, 'downloads'),
      'sherpa-onnx-whisper-tiny.en',
      fakeWhisperTinyFiles(1000),
    );
    const installed = await importModel(dataDir, archive, { verifyLoad: null });
    expect(installed.name).toBe('sherpa-onnx-whisper-tiny.en');
    expect(readManifest(installed.dir)?.archiveSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(existsSync(archive)).toBe(true);
    expect(readdirSync(path.join(dataDir, 'models', '.staging'))).toEqual([]);
  });

  it('recognises a model the catalogue does not know from its files, preferring int8 copies', async () => {
    const parakeet = writeModelFolder(path.join(work, 'my parakeet (v3)'), {
      'encoder.int8.onnx': fakeOnnx(100),
      'encoder.onnx': fakeOnnx(100),
      'decoder.int8.onnx': fakeOnnx(100),
      'joiner.int8.onnx': fakeOnnx(100),
      'tokens.txt': fakeTokens,
    });
    const nemo = await importModel(dataDir, parakeet, { verifyLoad: null });
    expect(nemo.name).toBe('my-parakeet-v3');
    expect(nemo.spec).toEqual({
      kind: 'nemo-transducer',
      files: {
        encoder: 'encoder.int8.onnx',
        decoder: 'decoder.int8.onnx',
        joiner: 'joiner.int8.onnx',
        tokens: 'tokens.txt',
      },
    });

    const moonshine = writeModelFolder(path.join(work, 'moonshine-base'), {
      'preprocess.onnx': fakeOnnx(100),
      'encode.int8.onnx': fakeOnnx(100),
      'uncached_decode.int8.onnx': fakeOnnx(100),
      'cached_decode.int8.onnx': fakeOnnx(100),
      'tokens.txt': fakeTokens,
    });
    expect((await importModel(dataDir, moonshine, { verifyLoad: null })).spec.kind).toBe('moonshine');

    const zipformer = writeModelFolder(path.join(work, 'zipformer-en'), {
      'encoder-epoch-99-avg-1.int8.onnx': fakeOnnx(100),
      'decoder-epoch-99-avg-1.onnx': fakeOnnx(100),
      'joiner-epoch-99-avg-1.int8.onnx': fakeOnnx(100),
      'tokens.txt': fakeTokens,
    });
    expect((await importModel(dataDir, zipformer, { verifyLoad: null })).spec.kind).toBe('transducer');
  });

  it('replaces an earlier copy of the same model', async () => {
    const source = writeModelFolder(path.join(work, 'sherpa-onnx-whisper-tiny.en'), fakeWhisperTinyFiles(1000));
    await importModel(dataDir, source, { verifyLoad: null });
    writeFileSync(path.join(source, 'tiny.en-encoder.int8.onnx'), fakeOnnx(2000));
    const again = await importModel(dataDir, source, { verifyLoad: null });
    expect(again.manifest.fileSizes['tiny.en-encoder.int8.onnx']).toBe(2000);
    expect(modelStatus(dataDir, again.name).state).toBe('installed');
  });

  it('says which file is wrong when a folder is incomplete or holds something else', async () => {
    const files = fakeWhisperTinyFiles(1000);
    const noTokens = writeModelFolder(path.join(work, 'sherpa-onnx-whisper-tiny.en'), {
      ...files,
      'tiny.en-tokens.txt': '',
    });
    expect((await rejection(importModel(dataDir, noTokens, { verifyLoad: null }))).message).toBe(
      'The whisper model "sherpa-onnx-whisper-tiny.en" is incomplete: tiny.en-tokens.txt (tokens) is empty.',
    );

    const html = writeModelFolder(path.join(work, 'saved-page'), {
      'encoder.onnx': '<html>Not Found</html>',
      'decoder.onnx': fakeOnnx(10),
      'tokens.txt': fakeTokens,
    });
    expect((await rejection(importModel(dataDir, html, { verifyLoad: null }))).message).toContain(
      'encoder.onnx (encoder) is not an ONNX model',
    );

    const empty = writeModelFolder(path.join(work, 'holiday-photos'), { 'a.jpg': 'x' });
    expect((await rejection(importModel(dataDir, empty, { verifyLoad: null }))).message).toMatch(
      /does not hold a speech model Lectern can use/,
    );
    expect(existsSync(path.join(dataDir, 'models', 'holiday-photos'))).toBe(false);
  });

  it('explains what to pick instead of a single .onnx file, a stranger file or a missing path', async () => {
    const single = path.join(work, 'encoder.onnx');
    writeFileSync(single, fakeOnnx(10));
    expect((await rejection(importModel(dataDir, single, { verifyLoad: null }))).message).toMatch(
      /Import the folder that holds them, or the \.tar\.bz2 archive/,
    );
    const zip = path.join(work, 'model.zip');
    writeFileSync(zip, 'PK');
    expect((await rejection(importModel(dataDir, zip, { verifyLoad: null }))).message).toMatch(
      /is not a model archive/,
    );
    const missing = await rejection(importModel(dataDir, path.join(work, 'nope'), { verifyLoad: null }));
    expect(missing).toBeInstanceOf(LecternError);
    expect(missing.message).toMatch(/There is no file or folder at .*nope to import/);
  });

  it('installs nothing when the load check fails', async () => {
    const source = writeModelFolder(path.join(work, 'sherpa-onnx-whisper-tiny.en'), fakeWhisperTinyFiles(1000));
    const error = await rejection(
      importModel(dataDir, source, {
        verifyLoad: async () => {
          throw new LecternError('invalid-input', 'cannot load');
        },
      }),
    );
    expect(error.message).toBe('cannot load');
    expect(existsSync(modelDir(dataDir, 'sherpa-onnx-whisper-tiny.en'))).toBe(false);
    expect(readdirSync(path.join(dataDir, 'models', '.staging'))).toEqual([]);
  });

  it('reports a damaged archive in words, naming tar', async () => {
    const archive = path.join(work, 'sherpa-onnx-whisper-tiny.en.tar.bz2');
    writeFileSync(archive, Buffer.from('BZh91AY&SY this is not really bzip2'));
    const error = await rejection(importModel(dataDir, archive, { verifyLoad: null }));
    expect(error.message).toMatch(
      /^sherpa-onnx-whisper-tiny\.en\.tar\.bz2 could not be unpacked: it is damaged or not a model archive \(tar said: .+\)/,
    );
    expect(readdirSync(path.join(dataDir, 'models')).filter((f) => !f.startsWith('.'))).toEqual([]);
  });
});
