import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MediaInfo } from '../../../shared/domain/media.ts';
import { media } from '../../../test/env.ts';
import { isFfmpegError } from '../ffmpeg/errors.ts';
import { probeMedia } from '../ffmpeg/probe.ts';
import { runningFfmpegCount } from '../ffmpeg/registry.ts';
import { probeFile } from './fixtures/inspect.ts';
import { renderClips, type ClipProgress, type RenderClipJob } from './parallel.ts';

const examplePath = media('auto-editor-example', 'example.mp4');
const work = mkdtempSync(path.join(tmpdir(), 'lectern-parallel-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let example: MediaInfo;
beforeAll(async () => {
  example = await probeMedia(examplePath);
});

function jobs(folder: string, ranges: [number, number][]): RenderClipJob[] {
  return ranges.map(([start, end], i) => ({
    source: examplePath,
    media: example,
    start,
    end,
    outPath: path.join(work, folder, `clip-${i + 1}.mp4`),
    aspect: i % 2 === 0 ? '9:16' : '1:1',
    subtitles: { mode: 'none' },
    loudnorm: false,
  }));
}

/** Samples how many FFmpeg processes run, every 10 ms, while `run` is under way. */
async function peakProcesses<T>(run: Promise<T>): Promise<{ result: PromiseSettledResult<T>; peak: number }> {
  let peak = 0;
  const timer = setInterval(() => (peak = Math.max(peak, runningFfmpegCount())), 10);
  const [result] = await Promise.allSettled([run]);
  clearInterval(timer);
  return { result, peak };
}

describe('renderClips', () => {
  it('renders 3 clips with at most 2 FFmpegs at once, results in job order', async () => {
    const events: ClipProgress[] = [];
    const list = jobs('three', [
      [0, 6],
      [10, 14],
      [20, 28],
    ]);
    const { result, peak } = await peakProcesses(
      renderClips(list, { concurrency: 2, onProgress: (p) => events.push(p) }),
    );
    if (result.status === 'rejected') throw result.reason;
    expect(peak).toBe(2);
    expect(result.value.map((clip) => clip.outPath)).toEqual(list.map((job) => job.outPath));
    expect(result.value.map((clip) => clip.durationSec)).toEqual([6, 4, 8]);
    for (const clip of result.value) {
      const probe = await probeFile(clip.outPath);
      expect(Math.abs(Number(probe.format?.duration) - clip.durationSec)).toBeLessThanOrEqual(1 / 30);
    }
    expect(new Set(events.map((e) => e.index))).toEqual(new Set([0, 1, 2]));
    const overall = events.map((e) => e.overall);
    expect(overall).toEqual([...overall].sort((a, b) => a - b));
    expect(overall.at(-1)).toBe(1);
    expect(runningFfmpegCount()).toBe(0);
  });

  it('never runs more FFmpegs than cores, whatever concurrency asks for', async () => {
    const list = jobs('many', [
      [0, 3],
      [3, 6],
      [6, 9],
      [9, 12],
    ]);
    const { result, peak } = await peakProcesses(renderClips(list, { concurrency: 64 }));
    expect(result.status).toBe('fulfilled');
    expect(peak).toBeGreaterThan(0);
    expect(peak).toBeLessThanOrEqual(availableParallelism());
  });

  it('cancel stops every FFmpeg and leaves no partial files', async () => {
    const controller = new AbortController();
    const list = jobs('cancel', [
      [0, 40],
      [0, 40],
      [0, 40],
    ]);
    const run = renderClips(list, { concurrency: 2, signal: controller.signal, onProgress: () => controller.abort() });
    await expect(run).rejects.toMatchObject({ name: 'LecternError', code: 'cancelled' });
    expect(runningFfmpegCount()).toBe(0);
    expect(readdirSync(path.join(work, 'cancel'))).toEqual([]);
  });

  it('a failing clip stops the others and is the error reported', async () => {
    const list = jobs('failure', [
      [0, 40],
      [0, 40],
    ]);
    list[1] = { ...list[1]!, subtitles: { mode: 'burn', assPath: path.join(work, 'missing.ass') } };
    const error: unknown = await renderClips(list, { concurrency: 2 }).catch((e: unknown) => e);
    expect(isFfmpegError(error)).toBe(true);
    expect(runningFfmpegCount()).toBe(0);
    expect(list.some((job) => existsSync(job.outPath))).toBe(false);
    expect(readdirSync(path.join(work, 'failure'))).toEqual([]);
  });
});
