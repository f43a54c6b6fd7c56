import { rm } from 'node:fs/promises';
import { LecternError } from '../../shared/errors.ts';
import type { ModelDownloadProgress, SpeechModel } from '../../shared/ipc/models.contract.ts';
import {
  catalogue as publishedCatalogue,
  isValidModelName,
  type CatalogueEntry,
} from '../pipeline/transcript/local/catalogue.ts';
import { downloadModel, partialPath, sidecarPath } from '../pipeline/transcript/local/download.ts';
import { probeModelLoads } from '../pipeline/transcript/local/engine.ts';
import { importModel, type VerifyLoad } from '../pipeline/transcript/local/install.ts';
import { archivePath, listModels, modelDir, type ModelListing } from '../pipeline/transcript/local/modelStore.ts';

export interface ModelServiceOptions {
  dataDir: string;
  /** Where each model is downloaded from; tests point it at a server on 127.0.0.1. */
  catalogue?: readonly CatalogueEntry[];
  /** Loads a model once in a child process before installing it; null skips that (fake test models). */
  verifyLoad?: VerifyLoad | null;
}

/** Settings ▸ Speech models: the same download, import and store the CLI's `lectern models` uses, with live progress. */
export interface ModelService {
  list(): SpeechModel[];
  /** Resolves with the new list once installed; rejects with 'cancelled' when `cancel` stops it. */
  download(name: string): Promise<SpeechModel[]>;
  cancel(name: string): SpeechModel[];
  importFrom(source: string): Promise<{ imported: string; models: SpeechModel[] }>;
  remove(name: string): Promise<SpeechModel[]>;
  onProgress(listener: (progress: ModelDownloadProgress) => void): () => void;
  onChange(listener: (models: SpeechModel[]) => void): () => void;
  /** Stops every download; each keeps its partial file and resumes next time. */
  stopAll(): void;
}

function toSpeechModel(listing: ModelListing, downloading: boolean): SpeechModel {
  const { status } = listing;
  const sizes = status.manifest ? Object.values(status.manifest.fileSizes) : null;
  return {
    name: listing.name,
    kind: listing.kind,
    description: listing.description,
    approxDownloadMB: listing.approxDownloadMB,
    recommended: listing.recommended,
    inCatalogue: listing.inCatalogue,
    state: status.state,
    problem: status.problem,
    partialBytes: status.partialBytes,
    installedBytes: sizes ? sizes.reduce((sum, bytes) => sum + bytes, 0) : null,
    source: status.manifest?.source ?? null,
    downloading,
  };
}

export function createModelService(options: ModelServiceOptions): ModelService {
  const { dataDir } = options;
  const entries = options.catalogue ?? publishedCatalogue;
  const verifyLoad = options.verifyLoad === undefined ? probeModelLoads : options.verifyLoad;
  const downloads = new Map<string, AbortController>();
  const progressListeners = new Set<(progress: ModelDownloadProgress) => void>();
  const changeListeners = new Set<(models: SpeechModel[]) => void>();

  const list = () => listModels(dataDir).map((listing) => toSpeechModel(listing, downloads.has(listing.name)));
  const changed = () => {
    const models = list();
    changeListeners.forEach((listener) => listener(models));
    return models;
  };
  const checkName = (name: string) => {
    if (!isValidModelName(name)) throw new LecternError('invalid-input', `"${name}" is not a speech model's name.`);
  };

  return {
    list,
    async download(name) {
      const entry = entries.find((candidate) => candidate.name === name);
      if (!entry) throw new LecternError('invalid-input', `Lectern has no speech model called "${name}" to download.`);
      if (downloads.has(name)) throw new LecternError('job-busy', `${name} is already downloading.`);
      const controller = new AbortController();
      downloads.set(name, controller);
      changed();
      try {
        await downloadModel(dataDir, entry, {
          verifyLoad,
          signal: controller.signal,
          onProgress: (progress) => progressListeners.forEach((listener) => listener({ name, ...progress })),
        });
      } finally {
        downloads.delete(name);
        changed();
      }
      return list();
    },
    cancel(name) {
      downloads.get(name)?.abort();
      return list();
    },
    async importFrom(source) {
      const installed = await importModel(dataDir, source, { verifyLoad });
      return { imported: installed.name, models: changed() };
    },
    async remove(name) {
      checkName(name);
      if (downloads.has(name)) throw new LecternError('job-busy', `Stop the download of ${name} before removing it.`);
      const archive = archivePath(dataDir, name);
      await Promise.all(
        [modelDir(dataDir, name), archive, partialPath(archive), sidecarPath(archive)].map((target) =>
          rm(target, { recursive: true, force: true }),
        ),
      );
      return changed();
    },
    onProgress(listener) {
      progressListeners.add(listener);
      return () => void progressListeners.delete(listener);
    },
    onChange(listener) {
      changeListeners.add(listener);
      return () => void changeListeners.delete(listener);
    },
    stopAll() {
      for (const controller of downloads.values()) controller.abort();
    },
  };
}
