import path from 'node:path';
import pino, { type DestinationStream, type Level, type Logger } from 'pino';
import type { JobId } from '../../shared/domain/job.ts';
import { redactedPaths, redactedText, scrubSecrets } from './redact.ts';
import { createRotatingFile, type RotatingFile } from './rotatingFile.ts';

export type { Logger } from 'pino';

export interface CreateLoggerOptions {
  /** The app's data folder; lines go to `<dataDir>/logs/lectern.log`. */
  dataDir: string;
  level?: Level | 'silent';
  /** A second destination for the same scrubbed lines, e.g. `process.stdout` for the CLI's `--verbose`. */
  stream?: DestinationStream;
}

const logFiles = new WeakMap<Logger, RotatingFile>();

export function logsDir(dataDir: string): string {
  return path.join(dataDir, 'logs');
}

/**
 * One JSON object per line. Secrets are stopped twice: pino's `redact` censors values under key-like names, then
 * every serialised line passes through `scrubSecrets` on its way to the file. Scrubbing the whole line rather than
 * only the message also covers printf arguments, `err.message`/`err.stack` and URLs in any field, which is where
 * a presigned URL or a pasted key usually turns up.
 */
export function createLogger(options: CreateLoggerOptions): Logger {
  const file = createRotatingFile({ dir: logsDir(options.dataDir), baseName: 'lectern' });
  const extra = options.stream;
  const destination: DestinationStream = {
    write(line: string): void {
      const clean = scrubSecrets(line);
      file.write(clean);
      extra?.write(clean);
    },
  };
  const logger = pino(
    {
      level: options.level ?? 'info',
      redact: { paths: redactedPaths, censor: redactedText },
      // The machine's name is personal data in a log a user attaches to a bug report; the pid tells runs apart.
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
  logFiles.set(logger, file);
  return logger;
}

/** Every line about a job carries its id, so one job's story can be pulled out of a shared log. */
export function jobLogger(logger: Logger, jobId: JobId): Logger {
  return logger.child({ jobId });
}

/** Closes the file of a logger made by `createLogger` (on quit, or before a test deletes its folder). */
export function closeLogger(logger: Logger): void {
  logFiles.get(logger)?.close();
  logFiles.delete(logger);
}
