import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MediaInfo } from '../../../shared/domain/media.ts';
import { media } from '../../../test/env.ts';
import { isFfmpegError } from '../ffmpeg/errors.ts';
import { probeMedia } from '../ffmpeg/probe.ts';
import { runningFfmpegCount } from '../ffmpeg/registry.ts';
import { partialPath } from './partialFile.ts';
import { renderClip, type RenderClipOptions } from './renderClip.ts';

const examplePath = media('auto-editor-example', 'example.mp4');
const work = mkdtempSync(path.join(tmpdir(), 'lectern-render-cancel-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let example: MediaInfo;
beforeAll(async () => {
  example = await probeMedia(examplePath);
});

function options(name: string, overrides: Partial<RenderClipOptions> = {}): RenderClipOptions {
  return {
    source: examplePath,
    media: example,
    start: 0,
    end: 40,
    outPath: path.join(work, `${name}.mp4`),
    aspect: 'original',
    subtitles: { mode: 'none' },
    loudnorm: true,
    ...overrides,
  };
}

describe('renderClip progress, cancel and failure', () => {
  it('reports rising progress over the clip that ends at 1', async () => {
    const fractions: number[] = [];
    await renderClip(options('progress', { start: 2, end: 8, onProgress: (f) => fractions.push(f) }));
    expect(fractions.length).toBeGreaterThanOrEqual(2);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(fractions.every((f) => f >= 0 && f <= 1)).toBe(true);
    expect(fractions.at(-1)).toBe(1);
  });

  it('kills FFmpeg on cancel and leaves neither the partial nor the output', async () => {
    const controller = new AbortController();
    let partialSeen = false;
    let runningAtCancel = 0;
    const opts = options('cancelled', {
      signal: controller.signal,
      onProgress: () => {
        partialSeen ||= existsSync(partialPath(opts.outPath));
        runningAtCancel = runningFfmpegCount();
        controller.abort();
      },
    });
    await expect(renderClip(opts)).rejects.toMatchObject({ name: 'LecternError', code: 'cancelled' });
    expect(partialSeen).toBe(true);
    expect(runningAtCancel).toBe(1);
    expect(runningFfmpegCount()).toBe(0);
    expect(existsSync(opts.outPath)).toBe(false);
    expect(existsSync(partialPath(opts.outPath))).toBe(false);
  });

  it('does not start when already cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    const opts = options('never', { signal: controller.signal });
    await expect(renderClip(opts)).rejects.toMatchObject({ code: 'cancelled' });
    expect(readdirSync(work).filter((name) => name.startsWith('never'))).toEqual([]);
  });

  it('leaves no file when FFmpeg fails (an ASS file that is not there)', async () => {
    const opts = options('failed', {
      end: 5,
      subtitles: { mode: 'burn', assPath: path.join(work, 'missing.ass') },
    });
    const error: unknown = await renderClip(opts).catch((e: unknown) => e);
    expect(isFfmpegError(error)).toBe(true);
    expect(runningFfmpegCount()).toBe(0);
    expect(existsSync(opts.outPath)).toBe(false);
    expect(existsSync(partialPath(opts.outPath))).toBe(false);
  });

  it('leaves a previous finished file alone when a new render of it fails', async () => {
    const opts = options('kept', { end: 5, subtitles: { mode: 'burn', assPath: path.join(work, 'missing.ass') } });
    writeFileSync(opts.outPath, 'the clip rendered yesterday');
    await expect(renderClip(opts)).rejects.toThrow();
    expect(existsSync(opts.outPath)).toBe(true);
    expect(existsSync(partialPath(opts.outPath))).toBe(false);
  });

  it('falls back to libx264 when a hardware encoder fails on the real job', async () => {
    // h264_vaapi is built into this FFmpeg but there is no GPU here: the render fails, then x264 redoes it.
    const clip = await renderClip(options('fallback', { end: 2, loudnorm: false, encoder: 'h264_vaapi' }));
    expect(clip.encoder).toBe('libx264');
    expect(existsSync(clip.outPath)).toBe(true);
    expect(existsSync(partialPath(clip.outPath))).toBe(false);
  });

  it('rejects a range outside the recording before starting FFmpeg', async () => {
    await expect(renderClip(options('backwards', { start: 10, end: 5 }))).rejects.toMatchObject({
      code: 'invalid-input',
    });
    await expect(renderClip(options('late', { start: 50, end: 55 }))).rejects.toMatchObject({
      code: 'invalid-input',
    });
    expect(readdirSync(work).filter((name) => /^(backwards|late)/.test(name))).toEqual([]);
  });

  it('cuts an end past the recording short', async () => {
    const clip = await renderClip(options('tail', { start: 40, end: 60, loudnorm: false }));
    expect(clip.durationSec).toBeCloseTo(example.durationSec - 40, 6);
  });
});
