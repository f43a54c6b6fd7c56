import { availableParallelism } from 'node:os';
import { LecternError } from '../../../shared/errors.ts';
import { probeH264Encoder } from './encoder.ts';
import { renderClip, type RenderClipOptions, type RenderedClip } from './renderClip.ts';

export type RenderClipJob = Omit<RenderClipOptions, 'signal' | 'onProgress'>;

export interface ClipProgress {
  /** Index of the clip in `jobs`. */
  index: number;
  /** 0..1 for that clip. */
  fraction: number;
  /** 0..1 over all clips, weighted by their durations. */
  overall: number;
}

export interface RenderClipsOptions {
  /** At most this many FFmpeg processes at once; never more than the machine's cores. */
  concurrency?: number;
  signal?: AbortSignal;
  onProgress?: (progress: ClipProgress) => void;
}

/**
 * Renders clips side by side, in `jobs` order in the result. Each x264 already uses several threads, but one
 * FFmpeg per clip still pays: decoding, libass and the muxer are mostly serial. More processes than cores would only
 * add memory and context switches.
 *
 * The first failure stops the rest (their FFmpegs are killed and partial files removed) and is what rejects: clips
 * of one lecture fail for shared reasons (a full disk, a broken source), and finished clips stay on disk. A cancel
 * through `signal` rejects with LecternError 'cancelled' once every FFmpeg has exited.
 */
export async function renderClips(
  jobs: readonly RenderClipJob[],
  options: RenderClipsOptions = {},
): Promise<RenderedClip[]> {
  const workers = Math.max(
    1,
    Math.min(options.concurrency ?? availableParallelism(), availableParallelism(), jobs.length),
  );
  const stop = new AbortController();
  const forwardAbort = (): void => stop.abort(options.signal?.reason);
  if (options.signal?.aborted) forwardAbort();
  options.signal?.addEventListener('abort', forwardAbort, { once: true });

  // Probe before the workers start, so they do not all wait on (or race to start) the same test encodes.
  if (jobs.some((job) => job.encoder === undefined)) await probeH264Encoder({ ffmpegPath: jobs[0]?.ffmpegPath });

  const results: RenderedClip[] = [];
  const fractions = jobs.map(() => 0);
  const totalSec = jobs.reduce((sum, job) => sum + Math.max(0, job.end - job.start), 0) || 1;
  const report = (index: number, fraction: number): void => {
    fractions[index] = fraction;
    const doneSec = jobs.reduce((sum, job, i) => sum + (fractions[i] ?? 0) * Math.max(0, job.end - job.start), 0);
    options.onProgress?.({ index, fraction, overall: Math.min(1, doneSec / totalSec) });
  };

  let next = 0;
  let failure: { error: unknown } | undefined;
  const work = async (): Promise<void> => {
    while (!stop.signal.aborted && next < jobs.length) {
      const index = next++;
      const job = jobs[index]!;
      try {
        results[index] = await renderClip({ ...job, signal: stop.signal, onProgress: (f) => report(index, f) });
        report(index, 1);
      } catch (error) {
        // Siblings stopped by this abort reject 'cancelled' later; the error that caused it is the one to report.
        failure ??= { error };
        stop.abort(error);
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: workers }, work));
  } finally {
    options.signal?.removeEventListener('abort', forwardAbort);
  }
  if (failure) throw failure.error;
  if (results.filter(Boolean).length < jobs.length) {
    throw new LecternError('cancelled', 'Stopped: rendering was cancelled before every clip was finished.');
  }
  return results;
}
