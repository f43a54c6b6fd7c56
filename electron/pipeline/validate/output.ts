import { randomUUID } from 'node:crypto';
import { mkdirSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { statfs } from 'node:fs/promises';
import path from 'node:path';
import { LecternError } from '../../../shared/errors.ts';
import { formatBytes } from './units.ts';

/**
 * Makes sure clips can be saved in `dir`, creating it if needed. Synchronous on purpose: it is a few syscalls, and
 * callers check it between other steps of adding a lecture. Writing a real file is the only honest test: access(2)
 * says yes to root everywhere, and to anyone on a read-only or pseudo file system such as /proc.
 */
export function checkOutputFolder(dir: string): void {
  const existing = statOrNull(dir);
  if (existing && !existing.isDirectory()) {
    throw unwritable(dir, 'that is a file, not a folder');
  }
  try {
    createFolders(dir);
    const probe = path.join(dir, `.lectern-write-test-${process.pid}-${randomUUID()}`);
    writeFileSync(probe, '');
    unlinkSync(probe);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOSPC' || code === 'EDQUOT') {
      throw new LecternError(
        'disk-full',
        `The disk holding “${dir}” is full. Free some space or choose another output folder.`,
        {
          cause: error,
        },
      );
    }
    throw unwritable(dir, reasonFor(code), error);
  }
}

/**
 * Refuses to start work that would leave less than `minFreeBytes` on the disk holding `dir`. Resolves to the free
 * bytes. `dir` need not exist yet: the nearest existing parent is on the same disk.
 */
export async function checkFreeSpace(dir: string, neededBytes: number, minFreeBytes: number): Promise<number> {
  const stats = await statfs(nearestExisting(dir));
  const freeBytes = stats.bavail * stats.bsize;
  if (freeBytes - neededBytes < minFreeBytes) {
    throw new LecternError(
      'disk-full',
      `Not enough free disk space for “${dir}”: Lectern needs about ${formatBytes(neededBytes)} for this lecture ` +
        `and keeps ${formatBytes(minFreeBytes)} free, but only ${formatBytes(freeBytes)} is free. Free some space ` +
        `or choose a folder on another disk.`,
    );
  }
  return freeBytes;
}

/**
 * `mkdir -p` without `{ recursive: true }`: Node's recursive mkdir spins forever when a parent exists but refuses
 * children with ENOENT, as /proc does and a dangling symlink does (see Kewton/CommandMate#1774, oven-sh/bun#36162),
 * and here that would freeze the main process.
 */
function createFolders(dir: string): void {
  const missing: string[] = [];
  let current = path.resolve(dir);
  while (!statOrNull(current) && path.dirname(current) !== current) {
    missing.unshift(current);
    current = path.dirname(current);
  }
  for (const folder of missing) {
    try {
      mkdirSync(folder);
    } catch (error) {
      // Someone else (another job) created it in the meantime: fine.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || !statOrNull(folder)?.isDirectory()) throw error;
    }
  }
}

function unwritable(dir: string, reason: string, cause?: unknown): LecternError {
  return new LecternError(
    'output-unwritable',
    `Lectern cannot save clips in “${dir}”: ${reason}. Choose another output folder, for example one in your Documents.`,
    { cause },
  );
}

function reasonFor(code: string | undefined): string {
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'you are not allowed to write there';
    case 'EROFS':
      return 'that disk is read-only';
    case 'ENOTDIR':
      return 'part of that path is a file, not a folder';
    case 'EEXIST':
      return 'part of that path is a file or a broken shortcut, not a folder';
    default:
      return `a folder cannot be created or written there (${code ?? 'unknown error'})`;
  }
}

function statOrNull(target: string): ReturnType<typeof statSync> | null {
  try {
    return statSync(target);
  } catch {
    return null;
  }
}

function nearestExisting(dir: string): string {
  let current = path.resolve(dir);
  while (!statOrNull(current)?.isDirectory() && path.dirname(current) !== current) current = path.dirname(current);
  return current;
}
