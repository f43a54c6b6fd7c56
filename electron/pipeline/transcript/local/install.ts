import { existsSync, readdirSync, statSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { LecternError } from '../../../../shared/errors.ts';
import { extractArchive, isArchiveName, stripArchiveSuffix } from './archive.ts';
import { hashFile } from './fileHash.ts';
import { findCatalogueEntry, isValidModelName, type ModelSpec } from './catalogue.ts';
import { detectModelSpec, findSpecProblems } from './modelFiles.ts';
import { commitModelFolder, fileSizes, stagingRoot, type InstalledModel, type ModelManifest } from './modelStore.ts';

/** Loads a staged model once (in a child process) and throws a LecternError if it cannot; see engine.ts. */
export type VerifyLoad = (dir: string, spec: ModelSpec, signal?: AbortSignal) => Promise<void>;

export interface InstallOptions {
  /** The model's name in the store; defaults to the archive's top folder or the folder's name. */
  name?: string;
  source: ModelManifest['source'];
  origin: string;
  archiveSha256: string | null;
  verifyLoad: VerifyLoad | null;
  signal?: AbortSignal;
  onPhase?: (phase: 'extract' | 'verify') => void;
}

/** Licence and readme travel with the weights: Parakeet is CC-BY-4.0, which asks for attribution. */
const keptExtras = ['LICENSE', 'LICENSE.txt', 'README.md'];

/** Unpacks an archive into staging, finds the model in it, keeps only the files the engine needs, and installs it. */
export async function installArchive(
  dataDir: string,
  archive: string,
  options: InstallOptions,
): Promise<InstalledModel> {
  const staging = await makeStagingDir(dataDir, 'extract-');
  try {
    options.onPhase?.('extract');
    await extractArchive(archive, staging, { signal: options.signal });
    const root = modelRootIn(staging);
    const fallbackName = root === staging ? stripArchiveSuffix(path.basename(archive)) : path.basename(root);
    const name = toModelName(options.name ?? fallbackName);
    return await installFolder(dataDir, root, name, options, 'move');
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/**
 * `lectern models import <path>`: a model archive (.tar.bz2 and friends) or an unpacked folder. The folder's or
 * archive's name picks the catalogue entry when it is one; otherwise the files tell the engine (modelFiles.ts).
 */
export async function importModel(
  dataDir: string,
  source: string,
  options: { verifyLoad: VerifyLoad | null; name?: string; signal?: AbortSignal; onPhase?: InstallOptions['onPhase'] },
): Promise<InstalledModel> {
  const full = path.resolve(source);
  if (!existsSync(full)) throw new LecternError('invalid-input', `There is no file or folder at ${full} to import.`);
  const common = {
    source: 'import' as const,
    origin: full,
    verifyLoad: options.verifyLoad,
    signal: options.signal,
    onPhase: options.onPhase,
  };
  if (statSync(full).isDirectory()) {
    return installFolder(
      dataDir,
      full,
      toModelName(options.name ?? path.basename(full)),
      { ...common, archiveSha256: null },
      'copy',
    );
  }
  if (isArchiveName(full)) {
    const archiveSha256 = await hashFile(full);
    const expected = findCatalogueEntry(options.name ?? stripArchiveSuffix(path.basename(full)))?.sha256;
    if (expected && expected !== archiveSha256) {
      throw new LecternError(
        'invalid-input',
        `${path.basename(full)} is not the published archive: its checksum is ${archiveSha256}, expected ${expected}. Download it again.`,
      );
    }
    return installArchive(dataDir, full, { ...common, name: options.name, archiveSha256 });
  }
  if (/\.(onnx|ort)$/i.test(full)) {
    throw new LecternError(
      'invalid-input',
      `${path.basename(full)} is one file of a model; the engine also needs the others (tokens, decoder…). Import the folder that holds them, or the .tar.bz2 archive.`,
    );
  }
  throw new LecternError(
    'invalid-input',
    `${path.basename(full)} is not a model archive (.tar.bz2, .tar.gz, .tar.xz or .tar) or a model folder.`,
  );
}

async function installFolder(
  dataDir: string,
  root: string,
  name: string,
  options: Omit<InstallOptions, 'name'>,
  mode: 'move' | 'copy',
): Promise<InstalledModel> {
  const spec = detectModelSpec(root, name);
  if (!spec) {
    throw new LecternError(
      'invalid-input',
      `${root} does not hold a speech model Lectern can use: it needs a tokens file and the model's .onnx files ` +
        '(Whisper encoder+decoder, Moonshine preprocess/encode/cached_decode/uncached_decode, or transducer encoder+decoder+joiner).',
    );
  }
  const problems = findSpecProblems(root, spec);
  if (problems.length > 0)
    throw new LecternError('invalid-input', `The ${spec.kind} model "${name}" is incomplete: ${problems.join('; ')}.`);

  options.onPhase?.('verify');
  const ready = await makeStagingDir(dataDir, `${name}-`);
  try {
    const keep = [...Object.values(spec.files), ...keptExtras.filter((f) => existsSync(path.join(root, f)))];
    for (const file of new Set(keep)) {
      if (mode === 'move') await rename(path.join(root, file), path.join(ready, file));
      else await copyFile(path.join(root, file), path.join(ready, file));
    }
    await options.verifyLoad?.(ready, spec, options.signal);
    const manifest: ModelManifest = {
      name,
      spec,
      source: options.source,
      origin: options.origin,
      archiveSha256: options.archiveSha256,
      fileSizes: fileSizes(ready, spec),
      loadVerified: options.verifyLoad !== null,
      installedAt: new Date().toISOString(),
    };
    return await commitModelFolder(dataDir, ready, manifest);
  } catch (error) {
    await rm(ready, { recursive: true, force: true });
    throw error;
  }
}

/** sherpa-onnx archives hold one folder named like the model; a hand-made one may hold the files directly. */
function modelRootIn(dir: string): string {
  const entries = readdirSync(dir, { withFileTypes: true }).filter(
    (e) => !e.name.startsWith('.') && e.name !== '__MACOSX',
  );
  const only = entries[0];
  return entries.length === 1 && only?.isDirectory() ? path.join(dir, only.name) : dir;
}

function toModelName(raw: string): string {
  const cleaned = raw.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[^A-Za-z0-9]+|[-_.]+$/g, '');
  if (!isValidModelName(cleaned))
    throw new LecternError('invalid-input', `"${raw}" cannot be used as a model name; rename the folder or archive.`);
  return cleaned;
}

async function makeStagingDir(dataDir: string, prefix: string): Promise<string> {
  await mkdir(stagingRoot(dataDir), { recursive: true });
  return mkdtemp(path.join(stagingRoot(dataDir), prefix));
}
