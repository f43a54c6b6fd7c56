import { LecternError } from '../../../../shared/errors.ts';
import { catalogue, findCatalogueEntry, type ModelSpec } from './catalogue.ts';
import { downloadModel, formatMB, type DownloadProgress } from './download.ts';
import { probeModelLoads } from './engine.ts';
import { importModel, type VerifyLoad } from './install.ts';
import { listModels, type InstalledModel, type ModelListing } from './modelStore.ts';

/*
 * What `lectern models list | download <name> | import <path>` do, as functions the CLI wires to its commands and
 * the app's settings screen can call too. They print nothing: the caller formats.
 */

export { missingModelError } from './modelStore.ts';

/** Loads the model once in a child process before installing it: a damaged model is refused now, not mid-job. */
const checkLoads: VerifyLoad = (dir: string, spec: ModelSpec, signal?: AbortSignal) =>
  probeModelLoads(dir, spec, signal);

export function modelsList(dataDir: string): ModelListing[] {
  return listModels(dataDir);
}

export function modelsDownload(
  dataDir: string,
  name: string,
  onProgress?: (progress: DownloadProgress) => void,
  signal?: AbortSignal,
  options: { verifyLoad?: VerifyLoad | null } = {},
): Promise<InstalledModel> {
  const entry = findCatalogueEntry(name);
  if (!entry) {
    const names = catalogue.map((e) => e.name).join(', ');
    return Promise.reject(
      new LecternError(
        'invalid-input',
        `There is no model called "${name}". Lectern can download: ${names}. \`lectern models list\` describes them.`,
      ),
    );
  }
  return downloadModel(dataDir, entry, {
    onProgress,
    signal,
    verifyLoad: options.verifyLoad === undefined ? checkLoads : options.verifyLoad,
  });
}

export function modelsImport(
  dataDir: string,
  source: string,
  options: { verifyLoad?: VerifyLoad | null; name?: string; signal?: AbortSignal } = {},
): Promise<InstalledModel> {
  return importModel(dataDir, source, {
    ...options,
    verifyLoad: options.verifyLoad === undefined ? checkLoads : options.verifyLoad,
  });
}

/** `lectern models list` as text: one line per model, then how to get one if none is installed. */
export function formatModelsList(listings: ModelListing[]): string {
  const lines = listings.map((m) => {
    const state = m.status.state === 'absent' ? 'available' : m.status.state;
    const tags = [
      m.kind ?? 'unknown kind',
      m.approxDownloadMB ? `~${m.approxDownloadMB} MB` : null,
      m.status.partialBytes !== null
        ? `${formatMB(m.status.partialBytes)} downloaded, run download again to continue`
        : null,
      m.status.problem,
      m.recommended ? 'recommended' : null,
    ]
      .filter(Boolean)
      .join(', ');
    const description = m.description ? `\n    ${m.description}` : '';
    return `${state.padEnd(11)} ${m.name} (${tags})${description}`;
  });
  if (!listings.some((m) => m.status.state === 'installed')) {
    const suggested = listings.find((m) => m.recommended) ?? listings[0];
    if (suggested) {
      lines.push(
        '',
        `No model is installed yet. Download one (needs internet once): lectern models download ${suggested.name}`,
        'or import a model archive or folder you already have: lectern models import <file>',
      );
    }
  }
  return lines.join('\n');
}

/** One progress line for a terminal (the CLI rewrites it in place with \r). */
export function formatDownloadProgress(name: string, progress: DownloadProgress): string {
  if (progress.phase === 'extract') return `Unpacking ${name}…`;
  if (progress.phase === 'verify') return `Checking ${name}…`;
  const received = formatMB(progress.receivedBytes);
  if (progress.totalBytes === null || progress.totalBytes === 0) return `Downloading ${name}: ${received}`;
  const percent = Math.floor((progress.receivedBytes / progress.totalBytes) * 100);
  const resumed = progress.resumedFrom > 0 ? `, resumed at ${formatMB(progress.resumedFrom)}` : '';
  return `Downloading ${name}: ${received} of ${formatMB(progress.totalBytes)} (${percent}%${resumed})`;
}
