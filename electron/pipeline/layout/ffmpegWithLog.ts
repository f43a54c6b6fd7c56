import { Readable } from 'node:stream';
import { LecternError } from '../../../shared/errors.ts';
import { resolveFfmpegPaths } from '../ffmpeg/binaries.ts';
import { FfmpegError } from '../ffmpeg/errors.ts';
import type { FfmpegStream } from '../ffmpeg/run.ts';
import { spawnTool } from '../ffmpeg/spawn.ts';

export interface FfmpegWithLogOptions {
  signal?: AbortSignal;
  ffmpegPath?: string;
  /** Every stderr chunk, as it arrives. */
  onStderr: (chunk: string) => void;
}

/**
 * Like spawnFfmpegStream (../ffmpeg/run.ts), but hands over stderr live: the keyframe pass reads one `showinfo` line
 * per frame from it, and spawnFfmpegStream keeps only a 64 KB tail, about 300 frames' worth. Same registry, abort and
 * error mapping (through spawnTool); drop this once run.ts takes a stderr callback.
 */
export function spawnFfmpegWithLog(args: readonly string[], options: FfmpegWithLogOptions): FfmpegStream {
  const fullArgs = ['-hide_banner', '-nostdin', '-nostats', ...args];
  const ffmpegPath = options.ffmpegPath ?? resolveFfmpegPaths().ffmpeg;
  const tool = spawnTool(ffmpegPath, fullArgs, { signal: options.signal });
  // spawnTool has already set utf8 on stderr for its own tail; this listener sees the same decoded chunks.
  tool.child?.stderr?.on('data', (chunk: string) => options.onStderr(chunk));
  const done = tool.exit.then((exit) => {
    if (exit.cancelled) throw new LecternError('cancelled', 'Stopped: ffmpeg was cancelled before it finished.');
    if (exit.spawnError) {
      throw new LecternError(
        'ffmpeg-missing',
        `Lectern could not start ffmpeg at ${ffmpegPath} (${exit.spawnError.code ?? exit.spawnError.message}). ` +
          'Reinstall Lectern, or set LECTERN_FFMPEG to a working ffmpeg.',
        { cause: exit.spawnError },
      );
    }
    if (exit.code !== 0) throw new FfmpegError('ffmpeg', fullArgs, exit.code, exit.signal, tool.stderr.toString());
    return { stderr: tool.stderr.toString() };
  });
  done.catch(() => undefined);
  return { stdout: tool.child?.stdout ?? Readable.from([]), done };
}
