import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Contract } from '../../shared/ipc/contract.ts';
import type { ModelDownloadProgress, SpeechModel } from '../../shared/ipc/models.contract.ts';
import { fakeWhisperTinyFiles, writeModelFolder } from '../pipeline/transcript/local/fixtures/fakeModels.ts';
import { modelDir } from '../pipeline/transcript/local/modelStore.ts';
import { createModelService, type ModelService } from '../services/modelService.ts';
import { fakeModelName, startModelRelease, type ModelRelease } from '../../test/support/modelRelease.ts';
import type { PathRequest } from './choosePath.ts';
import { answerRequest, type IpcHandler, type SenderFacts, type TrustedRenderer } from './ipcCore.ts';
import { registerModelHandlers } from './modelHandlers.ts';

const trusted: TrustedRenderer = { webContentsId: 1, appUrl: 'file:///app/out/renderer/index.html' };
const ourPage: SenderFacts = { webContentsId: 1, frameUrl: trusted.appUrl, isMainFrame: true };
const strangePage: SenderFacts = { webContentsId: 2, frameUrl: 'https://example.com/', isMainFrame: true };

type Answer<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

let work: string;
let dataDir: string;
let release: ModelRelease;
let models: ModelService;
let picked: string | null;
let requests: PathRequest[];
let call: <T>(channel: string, raw?: unknown, sender?: SenderFacts) => Promise<Answer<T>>;

beforeEach(async () => {
  work = mkdtempSync(path.join(os.tmpdir(), 'lectern-model-handlers-'));
  dataDir = path.join(work, 'data');
  release = await startModelRelease(work);
  models = createModelService({ dataDir, catalogue: release.catalogue, verifyLoad: null });
  picked = null;
  requests = [];
  const routes = new Map<string, (raw: unknown, sender: SenderFacts) => Promise<unknown>>();
  registerModelHandlers(
    <C extends Contract>(contract: C, handler: IpcHandler<C>) => {
      routes.set(contract.channel, (raw, sender) => answerRequest(contract, handler, raw, sender, trusted));
    },
    models,
    {
      choosePath: async (request) => {
        requests.push(request);
        return picked;
      },
    },
  );
  call = async <T>(channel: string, raw?: unknown, sender = ourPage) =>
    (await routes.get(channel)!(raw, sender)) as Answer<T>;
});

afterEach(async () => {
  models.stopAll();
  await release.server.close();
  rmSync(work, { recursive: true, force: true });
});

function entry(list: SpeechModel[], name = fakeModelName): SpeechModel {
  return list.find((model) => model.name === name)!;
}

function value<T>(answer: Answer<T>): T {
  if (!answer.ok) throw new Error(`${answer.error.code}: ${answer.error.message}`);
  return answer.value;
}

describe('speech model handlers', () => {
  it('lists the catalogue, downloads with live progress and a checked checksum, then removes', async () => {
    const before = value(await call<SpeechModel[]>('models:list'));
    expect(before.map((m) => m.name)).toContain('sherpa-onnx-nemo-parakeet-tdt-0.6b-v2-int8');
    expect(entry(before)).toMatchObject({ state: 'absent', downloading: false, installedBytes: null });

    const progress: ModelDownloadProgress[] = [];
    const changes: SpeechModel[][] = [];
    models.onProgress((p) => progress.push(p));
    models.onChange((list) => changes.push(list));
    const after = value(await call<SpeechModel[]>('models:download', { name: fakeModelName }));

    expect(entry(after)).toMatchObject({ state: 'installed', downloading: false, source: 'download' });
    expect(entry(after).installedBytes).toBeGreaterThan(300_000);
    const downloads = progress.filter((p) => p.phase === 'download');
    expect(downloads.at(-1)).toMatchObject({ name: fakeModelName, receivedBytes: release.archiveBytes });
    expect(downloads.at(-1)?.totalBytes).toBe(release.archiveBytes);
    expect(progress.map((p) => p.phase)).toEqual(expect.arrayContaining(['download', 'extract', 'verify']));
    // Listeners learn it started (downloading) and finished (installed).
    expect(changes.map((list) => entry(list).downloading)).toEqual([true, false]);

    const removed = value(await call<SpeechModel[]>('models:remove', { name: fakeModelName }));
    expect(entry(removed).state).toBe('absent');
    expect(existsSync(modelDir(dataDir, fakeModelName))).toBe(false);
  });

  it('cancels a download, keeping what arrived for the next attempt', async () => {
    release.server.trickle(8_000, 20);
    const started = new Promise<void>((resolve) => models.onProgress((p) => p.receivedBytes > 0 && resolve()));
    const download = call<SpeechModel[]>('models:download', { name: fakeModelName });
    await started;
    expect(entry(value(await call<SpeechModel[]>('models:list'))).downloading).toBe(true);
    value(await call('models:cancelDownload', { name: fakeModelName }));
    const answer = await download;
    expect(answer).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    const listed = entry(value(await call<SpeechModel[]>('models:list')));
    expect(listed).toMatchObject({ state: 'partial', downloading: false });
    expect(listed.partialBytes).toBeGreaterThan(0);
  });

  it('refuses a checksum that does not match, and says so in words', async () => {
    const wrong = release.catalogue.map((e) => (e.name === fakeModelName ? { ...e, sha256: '0'.repeat(64) } : e));
    const strict = createModelService({ dataDir, catalogue: wrong, verifyLoad: null });
    await expect(strict.download(fakeModelName)).rejects.toThrow(/damaged: its checksum is/);
    expect(entry(strict.list()).state).toBe('absent');
  });

  it('imports a model folder the lecturer picks, and does nothing when the picker is closed', async () => {
    const cancelled = value(await call<{ imported: string | null }>('models:import', { from: 'folder' }));
    expect(cancelled.imported).toBeNull();
    picked = writeModelFolder(path.join(work, 'my-whisper'), fakeWhisperTinyFiles(50_000));
    const answer = value(
      await call<{ imported: string | null; models: SpeechModel[] }>('models:import', { from: 'folder' }),
    );
    expect(answer.imported).toBe('my-whisper');
    expect(entry(answer.models, 'my-whisper')).toMatchObject({
      state: 'installed',
      inCatalogue: false,
      source: 'import',
    });
    expect(requests.map((r) => r.kind)).toEqual(['folder', 'folder']);
    picked = null;
    expect(value(await call<{ imported: string | null }>('models:import', { from: 'archive' })).imported).toBeNull();
    expect(requests.at(-1)).toMatchObject({ kind: 'file' });
    expect(requests.at(-1)?.filters?.[0]?.extensions).toContain('tar.bz2');
  });

  it('refuses malformed names, unknown models and strangers', async () => {
    expect(await call('models:remove', { name: '../../etc' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect(await call('models:download', { name: 'no-such-model' })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('no speech model called') },
    });
    expect(await call('models:download', { name: fakeModelName }, strangePage)).toMatchObject({ ok: false });
    expect(release.server.requests).toHaveLength(0);
  });
});
