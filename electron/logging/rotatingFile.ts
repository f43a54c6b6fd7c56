import fs from 'node:fs';
import path from 'node:path';

export interface RotatingFileOptions {
  /** Folder of the log files; created if missing. */
  dir: string;
  /** `lectern` gives `lectern.log`, `lectern.1.log`, … */
  baseName?: string;
  /** Rotate before a write would take the live file past this size. */
  maxBytes?: number;
  /** How many rotated files to keep beside the live one (`lectern.1.log` is the newest). */
  keep?: number;
}

export interface RotatingFile {
  readonly path: string;
  write(line: string): void;
  close(): void;
}

const defaultMaxBytes = 5 * 1024 * 1024;
const defaultKeep = 5;

/**
 * A pino destination that writes each line with `fs.writeSync` before `write` returns.
 * Synchronous on purpose: when a worker or FFmpeg takes the main process down, or Electron quits abruptly, the
 * lines explaining why are the ones an asynchronous buffer would still be holding. Log volume is a few lines per
 * stage, so the cost of a syscall per line does not show. The file is opened for append so that the CLI and the
 * app can share it without overwriting each other's lines.
 */
export function createRotatingFile(options: RotatingFileOptions): RotatingFile {
  const baseName = options.baseName ?? 'lectern';
  const maxBytes = options.maxBytes ?? defaultMaxBytes;
  const keep = Math.max(0, options.keep ?? defaultKeep);
  const livePath = path.join(options.dir, `${baseName}.log`);
  const rotatedPath = (index: number): string => path.join(options.dir, `${baseName}.${index}.log`);

  fs.mkdirSync(options.dir, { recursive: true });
  let fd: number | null = fs.openSync(livePath, 'a');
  let size = fs.fstatSync(fd).size;
  let reportedFailure = false;

  function rotate(): void {
    if (fd !== null) fs.closeSync(fd);
    fd = null;
    // Close before renaming: Windows refuses to rename a file that is still open.
    try {
      if (keep === 0) {
        fs.rmSync(livePath, { force: true });
      } else {
        for (let index = keep - 1; index >= 1; index--) {
          if (fs.existsSync(rotatedPath(index))) fs.renameSync(rotatedPath(index), rotatedPath(index + 1));
        }
        fs.renameSync(livePath, rotatedPath(1));
      }
    } finally {
      // Even if a rename failed (another process holding a file), keep logging to the live file.
      fd = fs.openSync(livePath, 'a');
      size = fs.fstatSync(fd).size;
    }
  }

  function write(line: string): void {
    if (fd === null) return;
    const bytes = Buffer.from(line, 'utf8');
    try {
      if (size > 0 && size + bytes.length > maxBytes) rotate();
      let written = 0;
      while (written < bytes.length) {
        written += fs.writeSync(fd, bytes, written, bytes.length - written);
      }
      size += bytes.length;
    } catch (error) {
      // A full disk or a log file deleted under us must not fail the render that tried to log. Say it once.
      if (!reportedFailure) {
        reportedFailure = true;
        process.stderr.write(`lectern: cannot write ${livePath}: ${String(error)}\n`);
      }
    }
  }

  function close(): void {
    if (fd !== null) fs.closeSync(fd);
    fd = null;
  }

  return { path: livePath, write, close };
}
