import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { media } from '../../../test/env.ts';
import { isLecternError } from '../../../shared/errors.ts';
import { isFfmpegError } from './errors.ts';
import { abortAllFfmpeg, runningFfmpegCount } from './registry.ts';
import { runFfmpeg, runFfprobe, spawnFfmpegStream, withGlobalOptions, type RunProgress } from './run.ts';

const example = media('auto-editor-example', 'example.mp4');
const work = mkdtempSync(path.join(tmpdir(), 'lectern-run-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** `-re` reads the input at its real speed, so these runs take 42 s unless they are stopped. */
const slowDecode = (marker: string): string[] => [
  '-re',
  '-i',
  example,
  '-metadata',
  `comment=${marker}`,
  '-f',
  'null',
  '-',
];

/** Whether any process still has `marker` on its command line (i.e. the child really died). */
function processesWith(marker: string): string[] {
  return execFileSync('ps', ['-A', '-o', 'args='], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.includes(marker));
}

function firstProgress(): { onProgress: (p: RunProgress) => void; seen: Promise<void> } {
  let resolve = (): void => undefined;
  const seen = new Promise<void>((r) => (resolve = r));
  return { onProgress: () => resolve(), seen };
}

describe('runFfmpeg', () => {
  it('reports rising progress that ends at fraction 1, on real media', async () => {
    const events: RunProgress[] = [];
    const out = path.join(work, 'speech.wav');
    const { stderr } = await runFfmpeg(
      ['-y', '-i', example, '-vn', '-ac', '1', '-ar', '16000', '-af', 'aecho=0.8:0.9:40:0.3', out],
      {
        durationSec: 42.4,
        onProgress: (p) => events.push(p),
      },
    );
    expect(stderr).toContain('Stream mapping');
    expect(events.length).toBeGreaterThanOrEqual(1);
    for (let i = 1; i < events.length; i++) {
      expect(events[i]?.outTimeSec).toBeGreaterThanOrEqual(events[i - 1]?.outTimeSec ?? Infinity);
    }
    expect(events.at(-1)?.fraction).toBe(1);
    expect(events.at(-1)?.outTimeSec).toBeCloseTo(42.4, 0);
    expect(runningFfmpegCount()).toBe(0);
  });

  it('reports several progress events, each fraction within 0..1, rising to 1', async () => {
    const events: RunProgress[] = [];
    // `-re` paces the run at real time, so 2.5 s of clip yields ~5 half-second progress blocks on any machine.
    await runFfmpeg(
      ['-y', '-re', '-i', example, '-t', '2.5', '-c:v', 'libx264', '-preset', 'veryfast', path.join(work, 'clip.mp4')],
      {
        durationSec: 2.5,
        onProgress: (p) => events.push(p),
      },
    );
    expect(events.length).toBeGreaterThanOrEqual(3);
    const fractions = events.map((e) => e.fraction ?? -1);
    expect(fractions.every((f) => f >= 0 && f <= 1)).toBe(true);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(fractions.at(-1)).toBe(1);
    expect(events.some((e) => e.speed !== null && e.speed > 0)).toBe(true);
  });

  it('kills the child on abort and rejects with cancelled', async () => {
    const marker = 'lectern-cancel-test';
    const controller = new AbortController();
    const progress = firstProgress();
    const run = runFfmpeg(slowDecode(marker), { signal: controller.signal, onProgress: progress.onProgress });
    await progress.seen;
    expect(runningFfmpegCount()).toBe(1);
    expect(processesWith(marker)).toHaveLength(1);
    controller.abort();
    await expect(run).rejects.toMatchObject({ name: 'LecternError', code: 'cancelled' });
    expect(runningFfmpegCount()).toBe(0);
    expect(processesWith(marker)).toEqual([]);
  });

  it('does not start at all when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(runFfmpeg(slowDecode('never'), { signal: controller.signal })).rejects.toMatchObject({
      code: 'cancelled',
    });
    expect(runningFfmpegCount()).toBe(0);
  });

  it('escalates to SIGKILL when the child ignores SIGTERM', async () => {
    // A stand-in "ffmpeg" that ignores SIGTERM, as a wedged FFmpeg (e.g. blocked on a network drive) would.
    const stubborn = path.join(work, 'stubborn-ffmpeg');
    writeFileSync(stubborn, "#!/bin/sh\ntrap '' TERM\nexec sleep 30\n");
    chmodSync(stubborn, 0o755);
    const controller = new AbortController();
    const started = Date.now();
    const run = runFfmpeg([], { ffmpegPath: stubborn, signal: controller.signal, killGraceMs: 300 });
    setTimeout(() => controller.abort(), 200);
    await expect(run).rejects.toMatchObject({ code: 'cancelled' });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(runningFfmpegCount()).toBe(0);
  });

  it('keeps stderr and a one-line summary in FfmpegError when FFmpeg fails', async () => {
    const missing = path.join(work, 'no such lecture.mp4');
    const error: unknown = await runFfmpeg(['-i', missing, '-f', 'null', '-']).catch((e: unknown) => e);
    expect(isFfmpegError(error)).toBe(true);
    if (!isFfmpegError(error)) return;
    expect(error.exitCode).toBe(1);
    expect(error.signal).toBeNull();
    expect(error.stderrTail).toContain('No such file or directory');
    expect(error.summary).toBe(`${missing}: No such file or directory`);
    expect(error.message).toContain('exit code 1');
  });

  it('maps "No space left on device" to disk-full (writing to /dev/full)', async () => {
    const error: unknown = await runFfmpeg(['-i', media('jfk', 'jfk.wav'), '-f', 'wav', '-y', '/dev/full']).catch(
      (e: unknown) => e,
    );
    expect(isLecternError(error) && error.code).toBe('disk-full');
    expect(String((error as Error).message)).toMatch(/disk is full.*“full”.*Free some disk space/);
  });

  it('says ffmpeg-missing, naming the path, when the binary does not exist', async () => {
    const error = await runFfmpeg(['-version'], { ffmpegPath: '/nowhere/ffmpeg' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'ffmpeg-missing' });
    expect((error as Error).message).toContain('/nowhere/ffmpeg');
    expect((error as Error).message).toContain('LECTERN_FFMPEG');
  });
});

describe('abortAllFfmpeg', () => {
  it('stops every running child and waits for them to exit', async () => {
    const first = firstProgress();
    const second = firstProgress();
    const runs = [
      runFfmpeg(slowDecode('lectern-abort-all-1'), { onProgress: first.onProgress }),
      runFfmpeg(slowDecode('lectern-abort-all-2'), { onProgress: second.onProgress }),
    ];
    const outcomes = runs.map((run) =>
      run.then(
        () => 'finished',
        (error: unknown) => error,
      ),
    );
    await Promise.all([first.seen, second.seen]);
    expect(runningFfmpegCount()).toBe(2);
    await abortAllFfmpeg();
    expect(runningFfmpegCount()).toBe(0);
    for (const outcome of await Promise.all(outcomes)) expect(outcome).toMatchObject({ code: 'cancelled' });
    expect(processesWith('lectern-abort-all')).toEqual([]);
  });
});

describe('spawnFfmpegStream', () => {
  it('streams decoded PCM on stdout while progress arrives separately', async () => {
    const events: RunProgress[] = [];
    const stream = spawnFfmpegStream(['-i', example, '-vn', '-ac', '1', '-ar', '16000', '-f', 's16le', 'pipe:1'], {
      durationSec: 42.4,
      onProgress: (p) => events.push(p),
    });
    let bytes = 0;
    for await (const chunk of stream.stdout) bytes += (chunk as Buffer).length;
    await stream.done;
    // 16 kHz × 2 bytes × ~42.4 s: all of it arrived, and no progress text got mixed into the samples.
    expect(bytes % 2).toBe(0);
    expect(bytes / 32000).toBeCloseTo(42.4, 0);
    expect(events.at(-1)?.fraction).toBe(1);
    expect(runningFfmpegCount()).toBe(0);
  });

  it('is cancelled like runFfmpeg', async () => {
    const controller = new AbortController();
    const stream = spawnFfmpegStream(['-re', '-i', example, '-vn', '-f', 's16le', 'pipe:1'], {
      signal: controller.signal,
    });
    stream.stdout.once('data', () => controller.abort());
    stream.stdout.resume();
    await expect(stream.done).rejects.toMatchObject({ code: 'cancelled' });
    expect(runningFfmpegCount()).toBe(0);
  });
});

describe('runFfprobe', () => {
  it('returns stdout', async () => {
    const out = await runFfprobe([
      '-v',
      'error',
      '-show_entries',
      'format=format_name',
      '-of',
      'default=nw=1:nk=1',
      example,
    ]);
    expect(out.trim()).toBe('mov,mp4,m4a,3gp,3g2,mj2');
  });

  it('rejects with an ffprobe FfmpegError carrying its stderr', async () => {
    const error: unknown = await runFfprobe(['-v', 'error', path.join(work, 'missing.mp4')]).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'FfmpegError', tool: 'ffprobe', exitCode: 1 });
    expect((error as Error).message).toContain('No such file or directory');
  });
});

describe('withGlobalOptions', () => {
  it('puts the global flags first and does not repeat ones the caller set', () => {
    expect(withGlobalOptions(['-i', 'a.mp4', 'b.wav'], 'pipe:1')).toEqual([
      '-hide_banner',
      '-nostdin',
      '-nostats',
      '-progress',
      'pipe:1',
      '-i',
      'a.mp4',
      'b.wav',
    ]);
    expect(withGlobalOptions(['-nostats', '-progress', 'x.txt', '-i', 'a.mp4'], 'pipe:1')).toEqual([
      '-hide_banner',
      '-nostdin',
      '-nostats',
      '-progress',
      'x.txt',
      '-i',
      'a.mp4',
    ]);
  });
});
