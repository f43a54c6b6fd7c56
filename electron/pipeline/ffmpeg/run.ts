import path from 'node:path';
import { Readable } from 'node:stream';
import { LecternError } from '../../../shared/errors.ts';
import { resolveFfmpegPaths } from './binaries.ts';
import { FfmpegError } from './errors.ts';
import { createProgressReader, type FfmpegProgress } from './progress.ts';
import { spawnTool, type SpawnedTool, type ToolExit } from './spawn.ts';

export interface RunProgress {
  /** 0..1 when the expected output duration is known, else null. */
  fraction: number | null;
  outTimeSec: number;
  speed: number | null;
}

export interface RunFfmpegOptions {
  signal?: AbortSignal;
  /** Expected output duration, to turn output time into a fraction. */
  durationSec?: number;
  onProgress?: (progress: RunProgress) => void;
  ffmpegPath?: string;
  killGraceMs?: number;
}

/** Runs FFmpeg to completion. Rejects with LecternError (cancelled, disk-full, ffmpeg-missing) or FfmpegError. */
export async function runFfmpeg(args: string[], opts: RunFfmpegOptions = {}): Promise<{ stderr: string }> {
  const fullArgs = withGlobalOptions(args, 'pipe:1');
  const ffmpegPath = opts.ffmpegPath ?? resolveFfmpegPaths().ffmpeg;
  const tool = spawnTool(ffmpegPath, fullArgs, opts);
  const reader = createProgressReader(progressReporter(opts));
  tool.child?.stdout?.setEncoding('utf8');
  tool.child?.stdout?.on('data', (chunk: string) => reader.push(chunk));
  const exit = await tool.exit;
  throwIfFailed('ffmpeg', ffmpegPath, fullArgs, exit, tool);
  return { stderr: tool.stderr.toString() };
}

export interface RunFfprobeOptions {
  signal?: AbortSignal;
  ffprobePath?: string;
}

/** Runs ffprobe and returns its stdout (the caller parses it). */
export async function runFfprobe(args: string[], opts: RunFfprobeOptions = {}): Promise<string> {
  const ffprobePath = opts.ffprobePath ?? resolveFfmpegPaths().ffprobe;
  const fullArgs = ['-hide_banner', ...args];
  const tool = spawnTool(ffprobePath, fullArgs, opts);
  const chunks: string[] = [];
  tool.child?.stdout?.setEncoding('utf8');
  tool.child?.stdout?.on('data', (chunk: string) => chunks.push(chunk));
  const exit = await tool.exit;
  throwIfFailed('ffprobe', ffprobePath, fullArgs, exit, tool);
  return chunks.join('');
}

export interface FfmpegStream {
  /** FFmpeg's stdout, e.g. raw PCM from `-f s16le pipe:1`; read it as it comes, so nothing is held in memory. */
  stdout: Readable;
  /** Settles when FFmpeg has exited; rejects like runFfmpeg. Always await it after consuming stdout. */
  done: Promise<{ stderr: string }>;
}

/**
 * Starts FFmpeg writing media to stdout; progress goes to fd 3 instead (`-progress pipe:3`), so the two never mix.
 * The child is registered and abortable exactly like runFfmpeg's.
 */
export function spawnFfmpegStream(args: string[], opts: RunFfmpegOptions = {}): FfmpegStream {
  const fullArgs = withGlobalOptions(args, 'pipe:3');
  const ffmpegPath = opts.ffmpegPath ?? resolveFfmpegPaths().ffmpeg;
  const tool = spawnTool(ffmpegPath, fullArgs, { ...opts, extraPipe: true });
  const reader = createProgressReader(progressReporter(opts));
  const progressPipe = tool.child?.stdio[3];
  if (progressPipe instanceof Readable) {
    progressPipe.setEncoding('utf8');
    progressPipe.on('data', (chunk: string) => reader.push(chunk));
  }
  const done = tool.exit.then((exit) => {
    throwIfFailed('ffmpeg', ffmpegPath, fullArgs, exit, tool);
    return { stderr: tool.stderr.toString() };
  });
  // Marks the rejection as handled here; callers still see it when they await `done`.
  done.catch(() => undefined);
  const stdout = tool.child?.stdout ?? emptyStream();
  return { stdout, done };
}

/** Global options go before the first input; an option the caller already set is not repeated. */
export function withGlobalOptions(args: readonly string[], progressTarget: string): string[] {
  const globals: string[] = [];
  for (const flag of ['-hide_banner', '-nostdin', '-nostats']) if (!args.includes(flag)) globals.push(flag);
  if (!args.includes('-progress')) globals.push('-progress', progressTarget);
  return [...globals, ...args];
}

function progressReporter(opts: RunFfmpegOptions): (progress: FfmpegProgress) => void {
  let lastOutTime = 0;
  return (progress) => {
    lastOutTime = progress.outTimeSec ?? lastOutTime;
    const duration = opts.durationSec;
    const fraction =
      duration === undefined || duration <= 0 ? null : progress.done ? 1 : Math.min(1, lastOutTime / duration);
    opts.onProgress?.({ fraction, outTimeSec: lastOutTime, speed: progress.speed });
  };
}

function throwIfFailed(
  toolName: 'ffmpeg' | 'ffprobe',
  binaryPath: string,
  args: readonly string[],
  exit: ToolExit,
  tool: SpawnedTool,
): void {
  if (exit.cancelled) {
    throw new LecternError('cancelled', `Stopped: ${toolName} was cancelled before it finished.`);
  }
  if (exit.spawnError) {
    throw new LecternError(
      'ffmpeg-missing',
      `Lectern could not start ${toolName} at ${binaryPath} (${exit.spawnError.code ?? exit.spawnError.message}). ` +
        `Reinstall Lectern, or set ${toolName === 'ffmpeg' ? 'LECTERN_FFMPEG' : 'LECTERN_FFPROBE'} to a working ${toolName}.`,
      { cause: exit.spawnError },
    );
  }
  if (exit.code === 0) return;
  const stderr = tool.stderr.toString();
  const error = new FfmpegError(toolName, args, exit.code, exit.signal, stderr);
  if (/No space left on device|Disk quota exceeded/i.test(stderr)) {
    const target = outputName(args);
    throw new LecternError(
      'disk-full',
      `The disk is full: Lectern could not finish writing ${target}. Free some disk space, or choose an output ` +
        `folder on another disk, then try again.`,
      { cause: error },
    );
  }
  throw error;
}

/** FFmpeg's output file is by convention its last argument. */
function outputName(args: readonly string[]): string {
  const last = args.at(-1);
  if (last === undefined || last.startsWith('-') || last.startsWith('pipe:')) return 'the output file';
  return `“${path.basename(last)}”`;
}

function emptyStream(): Readable {
  // Only reached when the signal was aborted before start; `done` already rejects with 'cancelled'.
  return Readable.from([]);
}
