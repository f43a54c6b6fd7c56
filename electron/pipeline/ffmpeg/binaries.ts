import { accessSync, chmodSync, constants, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { z } from 'zod';
import { LecternError } from '../../../shared/errors.ts';
import { spawnTool } from './spawn.ts';

export type FfmpegTool = 'ffmpeg' | 'ffprobe';
export type BinarySource = 'env' | 'bundled' | 'path';

export interface FfmpegPaths {
  ffmpeg: string;
  ffprobe: string;
  source: Record<FfmpegTool, BinarySource>;
}

export interface ResolvedBinary {
  path: string;
  source: BinarySource;
}

const envVariable: Record<FfmpegTool, string> = { ffmpeg: 'LECTERN_FFMPEG', ffprobe: 'LECTERN_FFPROBE' };
const installerPackage: Record<FfmpegTool, string> = {
  ffmpeg: '@ffmpeg-installer/ffmpeg',
  ffprobe: '@ffprobe-installer/ffprobe',
};

let resolved: FfmpegPaths | undefined;

/** Where FFmpeg and ffprobe are: env override, else the bundled npm binary, else whatever PATH finds. Memoised. */
export function resolveFfmpegPaths(): FfmpegPaths {
  if (!resolved) {
    const ffmpeg = resolveBinary('ffmpeg');
    const ffprobe = resolveBinary('ffprobe');
    resolved = {
      ffmpeg: ffmpeg.path,
      ffprobe: ffprobe.path,
      source: { ffmpeg: ffmpeg.source, ffprobe: ffprobe.source },
    };
  }
  return resolved;
}

/** One binary's resolution; `env` and `bundledPath` are injectable so tests need not touch process state. */
export function resolveBinary(
  tool: FfmpegTool,
  options: { env?: NodeJS.ProcessEnv; bundledPath?: string | null } = {},
): ResolvedBinary {
  const override = (options.env ?? process.env)[envVariable[tool]];
  if (override) return { path: override, source: 'env' };
  const bundled = options.bundledPath === undefined ? bundledBinaryPath(tool) : options.bundledPath;
  if (bundled && isFile(bundled)) {
    ensureExecutable(bundled);
    return { path: bundled, source: 'bundled' };
  }
  return { path: process.platform === 'win32' ? `${tool}.exe` : tool, source: 'path' };
}

/**
 * Files inside app.asar cannot be executed; electron-builder's `asarUnpack` puts the binaries beside it in
 * app.asar.unpacked, while `require` still reports the path inside the archive.
 */
export function unpackedAsarPath(binaryPath: string): string {
  return binaryPath.replace(/([\\/])app\.asar([\\/])/, '$1app.asar.unpacked$2');
}

/** npm may skip the installer packages' `chmod u+x` postinstall (--ignore-scripts, allowScripts): restore it. */
export function ensureExecutable(binaryPath: string): void {
  if (process.platform === 'win32') return;
  try {
    accessSync(binaryPath, constants.X_OK);
  } catch {
    try {
      const mode = statSync(binaryPath).mode;
      // Executable wherever it is readable, as `chmod +x` would do.
      chmodSync(binaryPath, mode | ((mode & 0o444) >> 2));
    } catch {
      // Read-only install: checkFfmpeg will report the binary as not runnable, with the fix.
    }
  }
}

const installerExports = z.object({ path: z.string() });

function bundledBinaryPath(tool: FfmpegTool): string | null {
  try {
    const require = createRequire(import.meta.url);
    // The installer packages throw at require time when their platform package is absent.
    const exported = installerExports.parse(require(installerPackage[tool]));
    return unpackedAsarPath(exported.path);
  } catch {
    return null;
  }
}

function isFile(filePath: string): boolean {
  try {
    return statSync(filePath).isFile();
  } catch {
    return false;
  }
}

export interface FfmpegVersions {
  ffmpeg: string;
  ffprobe: string;
}

const versionChecks = new Map<string, Promise<string>>();

/** Runs `-version` once per binary and returns the version strings; ffmpeg-missing with the fix if one cannot run. */
export async function checkFfmpeg(paths: FfmpegPaths = resolveFfmpegPaths()): Promise<FfmpegVersions> {
  const [ffmpeg, ffprobe] = await Promise.all([
    checkBinary('ffmpeg', paths.ffmpeg, paths.source.ffmpeg),
    checkBinary('ffprobe', paths.ffprobe, paths.source.ffprobe),
  ]);
  return { ffmpeg, ffprobe };
}

function checkBinary(tool: FfmpegTool, binaryPath: string, source: BinarySource): Promise<string> {
  let check = versionChecks.get(binaryPath);
  if (!check) {
    check = readVersion(tool, binaryPath, source);
    versionChecks.set(binaryPath, check);
    // A failed check is not memoised: the user may fix the install and retry without restarting.
    check.catch(() => versionChecks.delete(binaryPath));
  }
  return check;
}

async function readVersion(tool: FfmpegTool, binaryPath: string, source: BinarySource): Promise<string> {
  const spawned = spawnTool(binaryPath, ['-version']);
  const chunks: string[] = [];
  spawned.child?.stdout?.setEncoding('utf8');
  spawned.child?.stdout?.on('data', (chunk: string) => chunks.push(chunk));
  const exit = await spawned.exit;
  const version = /^\S+ version (\S+)/.exec(chunks.join(''))?.[1];
  if (exit.code === 0 && version) return version;
  const reason = exit.spawnError?.code ?? (exit.code !== null ? `exit code ${exit.code}` : `signal ${exit.signal}`);
  throw new LecternError('ffmpeg-missing', missingMessage(tool, binaryPath, source, reason), {
    cause: exit.spawnError ?? undefined,
  });
}

function missingMessage(tool: FfmpegTool, binaryPath: string, source: BinarySource, reason: string): string {
  const where = {
    env: `${envVariable[tool]} points to ${binaryPath}`,
    bundled: `the ${tool} bundled with Lectern (${binaryPath})`,
    path: `no bundled ${tool} was found, and "${binaryPath}" on PATH`,
  }[source];
  return (
    `Lectern needs ${tool} to read recordings, but ${where} could not be run (${reason}). ` +
    `Reinstall Lectern, or set ${envVariable[tool]} to the full path of a working ${tool} program.`
  );
}
