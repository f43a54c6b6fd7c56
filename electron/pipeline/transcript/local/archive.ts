import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { LecternError } from '../../../../shared/errors.ts';

/** Archive names we can unpack: the system tar reads these, choosing the decompressor from the file's content. */
export const archiveSuffixes = ['.tar.bz2', '.tbz2', '.tbz', '.tar.gz', '.tgz', '.tar.xz', '.txz', '.tar'] as const;

export function isArchiveName(file: string): boolean {
  const lower = file.toLowerCase();
  return archiveSuffixes.some((suffix) => lower.endsWith(suffix));
}

export function stripArchiveSuffix(file: string): string {
  const lower = file.toLowerCase();
  const suffix = archiveSuffixes.find((s) => lower.endsWith(s));
  return suffix ? file.slice(0, -suffix.length) : file;
}

/**
 * The system tar: Windows 10+ and macOS ship bsdtar, which reads bzip2 itself; GNU tar on Linux runs the `bzip2`
 * program. On Windows we name System32's tar.exe so a GNU tar from Git or MSYS earlier on PATH (which takes "C:" for
 * a remote host) is not picked.
 */
export function systemTar(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  if (platform === 'win32') {
    const bundled = path.join(env.SystemRoot ?? 'C:\\Windows', 'System32', 'tar.exe');
    if (existsSync(bundled)) return bundled;
  }
  return 'tar';
}

/**
 * Unpacks `archive` into the existing folder `destDir`. Members with `..` or absolute paths are refused by both
 * GNU tar and bsdtar by default; `--no-same-owner` keeps files owned by us even when running as root (sherpa-onnx
 * archives carry their author's uid).
 */
export function extractArchive(
  archive: string,
  destDir: string,
  options: { signal?: AbortSignal; tar?: string } = {},
): Promise<void> {
  const tar = options.tar ?? systemTar();
  const args = ['-x', '--no-same-owner', '-f', archive, '-C', destDir];
  const name = path.basename(archive);
  return new Promise((resolve, reject) => {
    const child = spawn(tar, args, { stdio: ['ignore', 'ignore', 'pipe'], signal: options.signal, windowsHide: true });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 16_384) stderr += chunk.toString();
    });
    child.on('error', (error: NodeJS.ErrnoException) => {
      if (error.name === 'AbortError') reject(new LecternError('cancelled', `Unpacking ${name} was stopped.`));
      else if (error.code === 'ENOENT') reject(tarMissingError(tar, archive));
      else
        reject(
          new LecternError('internal', `Could not run ${tar} to unpack ${name}: ${error.message}`, { cause: error }),
        );
    });
    child.on('close', (code) => {
      if (code === 0) resolve();
      else if (options.signal?.aborted) reject(new LecternError('cancelled', `Unpacking ${name} was stopped.`));
      else reject(describeTarFailure(stderr, archive));
    });
  });
}

/** Turns tar's complaint into a message that says what to do; exported to test against real tar output. */
export function describeTarFailure(stderr: string, archive: string): LecternError {
  const name = path.basename(archive);
  if (/bzip2: (Cannot exec|not found)|Cannot exec.*bzip2|bzip2.*No such file/i.test(stderr)) {
    return new LecternError(
      'internal',
      `This computer's tar cannot unpack ${name}: the bzip2 program is missing. Install bzip2 (for example \`sudo apt install bzip2\`), ` +
        'or unpack the archive with another tool and import the folder: lectern models import <folder>.',
    );
  }
  if (/No space left on device/i.test(stderr)) {
    return new LecternError('disk-full', `The disk is full while unpacking ${name}. Free some space and try again.`);
  }
  const detail = stderr.trim().split('\n').filter(Boolean).slice(-2).join(' ').slice(0, 300);
  return new LecternError(
    'invalid-input',
    `${name} could not be unpacked: it is damaged or not a model archive${detail ? ` (tar said: ${detail})` : ''}. ` +
      'Download it again, or pick the .tar.bz2 file from the sherpa-onnx releases.',
  );
}

function tarMissingError(tar: string, archive: string): LecternError {
  return new LecternError(
    'internal',
    `Cannot unpack ${path.basename(archive)}: the "${tar}" program was not found on this computer. ` +
      'Unpack the archive with another tool and import the folder instead: lectern models import <folder>.',
  );
}
