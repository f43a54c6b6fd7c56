import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isLecternError } from '../../../../shared/errors.ts';
import { findCatalogueEntry, type CatalogueEntry } from './catalogue.ts';
import { downloadModel, partialPath, sidecarPath, type DownloadProgress } from './download.ts';
import { makeTarBz2, fakeWhisperTinyFiles } from './fixtures/fakeModels.ts';
import { startModelServer, unusedPort, type ModelServer } from './fixtures/modelServer.ts';
import { archivePath, manifestFileName, modelDir, modelStatus, readManifest } from './modelStore.ts';

const modelName = 'sherpa-onnx-whisper-tiny.en';
const assetPath = `/asr-models/${modelName}.tar.bz2`;

let work: string;
let dataDir: string;
let server: ModelServer;
let archive: Buffer;

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function entryAt(url: string, sha: string | null = null): CatalogueEntry {
  return { ...findCatalogueEntry(modelName)!, url, sha256: sha };
}

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
}

beforeEach(async () => {
  work = mkdtempSync(path.join(os.tmpdir(), 'lectern-download-'));
  dataDir = path.join(work, 'data');
  archive = makeTarBz2(path.join(work, 'release'), modelName, fakeWhisperTinyFiles(150_000)).bytes;
  server = await startModelServer({ [assetPath]: archive });
});

afterEach(async () => {
  await server.close();
  rmSync(work, { recursive: true, force: true });
});

describe('downloadModel', () => {
  it('downloads with progress, unpacks, keeps only the files the engine needs, and records the archive checksum', async () => {
    const events: DownloadProgress[] = [];
    const installed = await downloadModel(dataDir, entryAt(server.url(assetPath)), {
      verifyLoad: null,
      onProgress: (p) => events.push(p),
      retryDelayMs: 0,
    });

    const downloads = events.filter((e) => e.phase === 'download');
    expect(downloads.length).toBeGreaterThanOrEqual(2);
    expect(downloads[0]!.receivedBytes).toBe(0);
    expect(downloads.at(-1)).toMatchObject({
      receivedBytes: archive.length,
      totalBytes: archive.length,
      resumedFrom: 0,
    });
    expect(downloads.map((e) => e.receivedBytes)).toEqual(
      [...downloads.map((e) => e.receivedBytes)].sort((a, b) => a - b),
    );
    expect(events.map((e) => e.phase)).toContain('extract');
    expect(events.at(-1)!.phase).toBe('verify');

    expect(installed.dir).toBe(modelDir(dataDir, modelName));
    expect(readdirSync(installed.dir).sort()).toEqual(
      [
        'LICENSE',
        manifestFileName,
        'tiny.en-decoder.int8.onnx',
        'tiny.en-encoder.int8.onnx',
        'tiny.en-tokens.txt',
      ].sort(),
    );
    expect(readManifest(installed.dir)).toMatchObject({
      name: modelName,
      source: 'download',
      archiveSha256: sha256(archive),
      loadVerified: false,
    });
    expect(modelStatus(dataDir, modelName).state).toBe('installed');
    // Nothing left behind: no archive, no partial, no staging folders.
    expect(existsSync(archivePath(dataDir, modelName))).toBe(false);
    expect(existsSync(partialPath(archivePath(dataDir, modelName)))).toBe(false);
    expect(readdirSync(path.join(dataDir, 'models', '.staging'))).toEqual([]);
  });

  it('keeps what arrived when the connection is cut, and the next run resumes from there with a Range request', async () => {
    const cutAt = Math.floor(archive.length / 2);
    server.cutNext(cutAt);
    const entry = entryAt(server.url(assetPath));
    const error = await rejection(downloadModel(dataDir, entry, { verifyLoad: null, retries: 0 }));
    expect(isLecternError(error)).toBe(true);
    expect(error.message).toMatch(/download of the model sherpa-onnx-whisper-tiny\.en was interrupted/);
    expect(error.message).toMatch(/run the same command again to continue/i);

    const dest = archivePath(dataDir, modelName);
    const kept = statSync(partialPath(dest)).size;
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThanOrEqual(cutAt);
    expect(JSON.parse(readFileSync(sidecarPath(dest), 'utf8'))).toMatchObject({
      url: entry.url,
      totalBytes: archive.length,
    });
    expect(modelStatus(dataDir, modelName)).toMatchObject({ state: 'partial', partialBytes: kept });

    const events: DownloadProgress[] = [];
    const installed = await downloadModel(dataDir, entry, { verifyLoad: null, onProgress: (p) => events.push(p) });
    expect(server.requests).toHaveLength(2);
    expect(server.requests[0]!.range).toBeNull();
    expect(server.requests[1]!.range).toBe(`bytes=${kept}-`);
    expect(server.requests[1]!.ifRange).toMatch(/^".+"$/);
    expect(events.find((e) => e.phase === 'download')).toMatchObject({ receivedBytes: kept, resumedFrom: kept });
    // The checksum covers the bytes from both attempts.
    expect(installed.manifest.archiveSha256).toBe(sha256(archive));
    expect(modelStatus(dataDir, modelName).state).toBe('installed');
  });

  it('retries a cut connection by itself, resuming, when retries are allowed', async () => {
    // Paced, so the client has consumed part of the body before the cut: a body sent in one write and cut at once
    // may never reach the file on a loaded machine, and then the retry rightly starts from zero without a Range.
    server.trickle(16 * 1024, 2);
    server.cutNext(Math.floor(archive.length / 3));
    const installed = await downloadModel(dataDir, entryAt(server.url(assetPath)), {
      verifyLoad: null,
      retries: 2,
      retryDelayMs: 0,
    });
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1]!.range).toMatch(/^bytes=\d+-$/);
    expect(installed.manifest.archiveSha256).toBe(sha256(archive));
  });

  it('starts again from zero when the file changed on the server since the partial download', async () => {
    server.cutNext(Math.floor(archive.length / 2));
    await rejection(downloadModel(dataDir, entryAt(server.url(assetPath)), { verifyLoad: null, retries: 0 }));

    const newer = makeTarBz2(path.join(work, 'release-2'), modelName, fakeWhisperTinyFiles(150_000)).bytes;
    server.replace(assetPath, newer);
    const installed = await downloadModel(dataDir, entryAt(server.url(assetPath)), { verifyLoad: null, retries: 0 });
    // If-Range did not match the new ETag, so the server sent the whole new file and we kept none of the old.
    expect(server.requests[1]!.range).toMatch(/^bytes=\d+-$/);
    expect(server.requests[1]!.ifRange).not.toBeNull();
    expect(installed.manifest.archiveSha256).toBe(sha256(newer));
  });

  it('refuses an archive whose checksum does not match, deletes it, and installs nothing', async () => {
    const wrong = '0'.repeat(64);
    const error = await rejection(downloadModel(dataDir, entryAt(server.url(assetPath), wrong), { verifyLoad: null }));
    expect(error.message).toContain(`its checksum is ${sha256(archive)}, but it should be ${wrong}`);
    expect(error.message).toContain('lectern models import <file>');
    expect(modelStatus(dataDir, modelName).state).toBe('absent');
    expect(readdirSync(path.join(dataDir, 'models', '.downloads'))).toEqual([]);
  });

  it('stops when aborted, keeps the partial file, and a later run continues from it', async () => {
    server.trickle(16 * 1024, 10);
    const controller = new AbortController();
    const entry = entryAt(server.url(assetPath));
    const error = await rejection(
      downloadModel(dataDir, entry, {
        verifyLoad: null,
        signal: controller.signal,
        onProgress: (p) => p.receivedBytes > 64_000 && controller.abort(),
      }),
    );
    expect(isLecternError(error) && error.code).toBe('cancelled');
    expect(error.message).toMatch(/are kept, and the same command continues from there/);
    const status = modelStatus(dataDir, modelName);
    expect(status.state).toBe('partial');
    expect(status.partialBytes).toBeGreaterThan(64_000);
    expect(status.partialBytes).toBeLessThan(archive.length);

    await downloadModel(dataDir, entry, { verifyLoad: null });
    expect(server.requests.at(-1)!.range).toBe(`bytes=${status.partialBytes}-`);
    expect(modelStatus(dataDir, modelName).state).toBe('installed');
  });

  it('says the server cannot be reached, and how to import instead, when nothing answers', async () => {
    const port = await unusedPort();
    const error = await rejection(
      downloadModel(dataDir, entryAt(`http://127.0.0.1:${port}${assetPath}`), { verifyLoad: null }),
    );
    expect(error.message).toBe(
      `Cannot reach 127.0.0.1:${port} to download the model ${modelName} (ECONNREFUSED). Check the internet connection and try again, ` +
        'or you can import a model file instead: lectern models import <file>.',
    );
    expect(modelStatus(dataDir, modelName).state).toBe('absent');
  });

  it('names the HTTP status when the server has no such file', async () => {
    const error = await rejection(
      downloadModel(dataDir, entryAt(server.url('/asr-models/gone.tar.bz2')), { verifyLoad: null }),
    );
    expect(error.message).toMatch(/HTTP 404 Not Found for http:\/\/127\.0\.0\.1:\d+\/asr-models\/gone\.tar\.bz2/);
    expect(error.message).toContain('lectern models import <file>');
  });

  it('refuses an archive that holds no model, and keeps neither it nor a model folder', async () => {
    server.replace(assetPath, makeTarBz2(path.join(work, 'other'), modelName, { 'README.md': 'hello\n' }).bytes);
    const error = await rejection(downloadModel(dataDir, entryAt(server.url(assetPath)), { verifyLoad: null }));
    expect(error.message).toMatch(/incomplete: tiny\.en-encoder\.int8\.onnx \(encoder\) is missing/);
    expect(existsSync(modelDir(dataDir, modelName))).toBe(false);
    expect(existsSync(archivePath(dataDir, modelName))).toBe(false);
  });
});
