import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { LecternError } from '../../../../shared/errors.ts';
import { catalogue, findCatalogueEntry, modelSpecSchema, type EngineKind, type ModelSpec } from './catalogue.ts';

/*
 * Layout under the data folder:
 *   models/<name>/                    an installed model: its files and lectern-model.json, written last
 *   models/.downloads/<name>.tar.bz2.partial (+ .json)   a download in progress, kept for resume
 *   models/.staging/<random>/         extraction and import in progress; renamed into place when verified
 * Folders starting with a dot are never listed as models.
 */

export const manifestFileName = 'lectern-model.json';

export const manifestSchema = z.object({
  name: z.string(),
  spec: modelSpecSchema,
  source: z.enum(['download', 'import']),
  /** The URL or the path the user picked. */
  origin: z.string(),
  /** SHA-256 of the archive it came from, if it came from one. */
  archiveSha256: z.string().nullable(),
  /** Sizes at install time: a file that changed size since is damaged, and is not handed to the native engine. */
  fileSizes: z.record(z.string(), z.number()),
  /** Whether a child process loaded the model once without crashing (see engine.ts, `probeModelLoads`). */
  loadVerified: z.boolean(),
  installedAt: z.string(),
});
export type ModelManifest = z.infer<typeof manifestSchema>;

export type ModelState = 'installed' | 'damaged' | 'partial' | 'absent';

export interface ModelStatus {
  name: string;
  state: ModelState;
  dir: string;
  manifest: ModelManifest | null;
  /** For `damaged`: what is wrong, in words for the user. */
  problem: string | null;
  /** For `partial`: bytes already downloaded. */
  partialBytes: number | null;
}

export interface ModelListing {
  name: string;
  kind: EngineKind | null;
  description: string | null;
  approxDownloadMB: number | null;
  recommended: boolean;
  inCatalogue: boolean;
  status: ModelStatus;
}

export interface InstalledModel {
  name: string;
  dir: string;
  spec: ModelSpec;
  manifest: ModelManifest;
}

export function modelsRoot(dataDir: string): string {
  return path.join(dataDir, 'models');
}

export function modelDir(dataDir: string, name: string): string {
  return path.join(modelsRoot(dataDir), name);
}

export function downloadsDir(dataDir: string): string {
  return path.join(modelsRoot(dataDir), '.downloads');
}

export function stagingRoot(dataDir: string): string {
  return path.join(modelsRoot(dataDir), '.staging');
}

/** Where an archive for `name` is downloaded to; `.partial` and `.partial.json` sit beside it while in progress. */
export function archivePath(dataDir: string, name: string): string {
  return path.join(downloadsDir(dataDir), `${name}.tar.bz2`);
}

export function readManifest(dir: string): ModelManifest | null {
  const file = path.join(dir, manifestFileName);
  if (!existsSync(file)) return null;
  try {
    const parsed = manifestSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function specFileNames(spec: ModelSpec): string[] {
  return Object.values(spec.files);
}

/** What is wrong with an installed folder's files compared with its manifest, or null if nothing is. */
export function findFileProblem(dir: string, manifest: ModelManifest): string | null {
  for (const file of specFileNames(manifest.spec)) {
    const full = path.join(dir, file);
    if (!existsSync(full)) return `${file} is missing`;
    const expected = manifest.fileSizes[file];
    const actual = statSync(full).size;
    if (expected !== undefined && expected !== actual)
      return `${file} has changed size (${actual} bytes, expected ${expected})`;
  }
  return null;
}

export function modelStatus(dataDir: string, name: string): ModelStatus {
  const dir = modelDir(dataDir, name);
  const base = { name, dir, manifest: null, problem: null, partialBytes: null };
  if (existsSync(dir)) {
    const manifest = readManifest(dir);
    if (!manifest)
      return {
        ...base,
        state: 'damaged',
        problem: `${manifestFileName} is missing or unreadable (an install was interrupted)`,
      };
    const problem = findFileProblem(dir, manifest);
    return { ...base, manifest, state: problem ? 'damaged' : 'installed', problem };
  }
  const partial = `${archivePath(dataDir, name)}.partial`;
  if (existsSync(partial)) return { ...base, state: 'partial', partialBytes: statSync(partial).size };
  return { ...base, state: 'absent' };
}

/** Every catalogue model with its state, then models the user imported that the catalogue does not know. */
export function listModels(dataDir: string): ModelListing[] {
  const listed: ModelListing[] = catalogue.map((entry) => ({
    name: entry.name,
    kind: entry.kind,
    description: entry.description,
    approxDownloadMB: entry.approxDownloadMB,
    recommended: entry.recommended,
    inCatalogue: true,
    status: modelStatus(dataDir, entry.name),
  }));
  const root = modelsRoot(dataDir);
  const others = existsSync(root)
    ? readdirSync(root, { withFileTypes: true })
        .filter((e) => e.isDirectory() && !e.name.startsWith('.') && !findCatalogueEntry(e.name))
        .map((e) => e.name)
        .sort()
    : [];
  for (const name of others) {
    const status = modelStatus(dataDir, name);
    listed.push({
      name,
      kind: status.manifest?.spec.kind ?? null,
      description: null,
      approxDownloadMB: null,
      recommended: false,
      inCatalogue: false,
      status,
    });
  }
  return listed;
}

/**
 * The model to transcribe with: the named one, else the first installed in catalogue order (the recommended one
 * comes first), else any imported one. Throws the message that says how to get one.
 */
export function requireInstalledModel(dataDir: string, name?: string): InstalledModel {
  if (name) {
    const status = modelStatus(dataDir, name);
    if (status.state === 'installed' && status.manifest) return toInstalled(status, status.manifest);
    if (status.state === 'damaged') throw damagedModelError(name, status.dir, status.problem ?? 'unknown problem');
    throw missingModelError(name);
  }
  const installed = listModels(dataDir).find((m) => m.status.state === 'installed');
  if (installed?.status.manifest) return toInstalled(installed.status, installed.status.manifest);
  throw missingModelError();
}

function toInstalled(status: ModelStatus, manifest: ModelManifest): InstalledModel {
  return { name: status.name, dir: status.dir, spec: manifest.spec, manifest };
}

export function missingModelError(name?: string): LecternError {
  const suggested =
    name && findCatalogueEntry(name) ? findCatalogueEntry(name)! : catalogue.find((e) => e.recommended)!;
  const what = name
    ? `The speech-recognition model "${name}" is not installed.`
    : 'No speech-recognition model is installed, so Lectern cannot transcribe on this computer.';
  return new LecternError(
    'invalid-input',
    `${what} Get one with \`lectern models download ${suggested.name}\` (needs internet once, about ${suggested.approxDownloadMB} MB), ` +
      'or, if you already have a model archive or folder, `lectern models import <file>`. `lectern models list` shows the choices.',
  );
}

export function damagedModelError(name: string, dir: string, problem: string): LecternError {
  const fix = findCatalogueEntry(name)
    ? `\`lectern models download ${name}\` (replaces it)`
    : '`lectern models import <file>` again';
  return new LecternError(
    'invalid-input',
    `The model "${name}" in ${dir} is incomplete or damaged: ${problem}. Get it again with ${fix}.`,
  );
}

/** Writes the manifest into a staged folder, then moves the folder into place, replacing an old or damaged copy. */
export async function commitModelFolder(
  dataDir: string,
  stagedDir: string,
  manifest: ModelManifest,
): Promise<InstalledModel> {
  await writeFile(path.join(stagedDir, manifestFileName), `${JSON.stringify(manifest, null, 2)}\n`);
  const target = modelDir(dataDir, manifest.name);
  if (existsSync(target)) {
    // Renaming over a non-empty folder fails everywhere; move the old one aside first so a crash never leaves neither.
    const aside = path.join(stagingRoot(dataDir), `${manifest.name}.old-${process.pid}-${Date.now()}`);
    await rename(target, aside);
    await rename(stagedDir, target);
    await rm(aside, { recursive: true, force: true });
  } else {
    await rename(stagedDir, target);
  }
  return { name: manifest.name, dir: target, spec: manifest.spec, manifest };
}

export function fileSizes(dir: string, spec: ModelSpec): Record<string, number> {
  return Object.fromEntries(specFileNames(spec).map((file) => [file, statSync(path.join(dir, file)).size]));
}
