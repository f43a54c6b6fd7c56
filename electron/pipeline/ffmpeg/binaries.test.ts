import { accessSync, constants, copyFileSync, chmodSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkFfmpeg, ensureExecutable, resolveBinary, resolveFfmpegPaths, unpackedAsarPath } from './binaries.ts';

const work = mkdtempSync(path.join(tmpdir(), 'lectern-binaries-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('resolveFfmpegPaths', () => {
  it('finds the bundled binaries and memoises the answer', () => {
    const paths = resolveFfmpegPaths();
    expect(paths.source).toEqual({ ffmpeg: 'bundled', ffprobe: 'bundled' });
    expect(paths.ffmpeg).toMatch(/@ffmpeg-installer[\\/].+[\\/]ffmpeg(\.exe)?$/);
    expect(paths.ffprobe).toMatch(/@ffprobe-installer[\\/].+[\\/]ffprobe(\.exe)?$/);
    expect(resolveFfmpegPaths()).toBe(paths);
  });
});

describe('resolveBinary', () => {
  it('prefers LECTERN_FFMPEG / LECTERN_FFPROBE, even over a bundled binary', () => {
    expect(resolveBinary('ffmpeg', { env: { LECTERN_FFMPEG: '/opt/ff/ffmpeg' } })).toEqual({
      path: '/opt/ff/ffmpeg',
      source: 'env',
    });
    expect(resolveBinary('ffprobe', { env: { LECTERN_FFPROBE: '/opt/ff/ffprobe' } })).toEqual({
      path: '/opt/ff/ffprobe',
      source: 'env',
    });
  });

  it('falls back to PATH when nothing is bundled', () => {
    expect(resolveBinary('ffprobe', { env: {}, bundledPath: null }).source).toBe('path');
    expect(resolveBinary('ffprobe', { env: {}, bundledPath: path.join(work, 'gone') }).source).toBe('path');
  });

  it('restores the executable bit npm skipped', () => {
    const copy = path.join(work, 'ffprobe-copy');
    copyFileSync(resolveFfmpegPaths().ffprobe, copy);
    chmodSync(copy, 0o644);
    expect(resolveBinary('ffprobe', { env: {}, bundledPath: copy })).toEqual({ path: copy, source: 'bundled' });
    expect(statSync(copy).mode & 0o777).toBe(0o755);
    expect(() => accessSync(copy, constants.X_OK)).not.toThrow();
    ensureExecutable(copy);
    expect(statSync(copy).mode & 0o777).toBe(0o755);
  });
});

describe('unpackedAsarPath', () => {
  it('points into app.asar.unpacked, once, on either separator', () => {
    const inside =
      '/Applications/Lectern.app/Contents/Resources/app.asar/node_modules/@ffmpeg-installer/darwin-arm64/ffmpeg';
    expect(unpackedAsarPath(inside)).toBe(inside.replace('app.asar/', 'app.asar.unpacked/'));
    expect(unpackedAsarPath(unpackedAsarPath(inside))).toBe(unpackedAsarPath(inside));
    expect(unpackedAsarPath('C:\\Lectern\\resources\\app.asar\\node_modules\\ffmpeg.exe')).toBe(
      'C:\\Lectern\\resources\\app.asar.unpacked\\node_modules\\ffmpeg.exe',
    );
    expect(unpackedAsarPath('/home/me/lectern/node_modules/ffmpeg')).toBe('/home/me/lectern/node_modules/ffmpeg');
  });
});

describe('checkFfmpeg', () => {
  it('returns the versions of the bundled 2018 ffmpeg and 2023 ffprobe', async () => {
    const versions = await checkFfmpeg();
    expect(versions.ffmpeg).toMatch(/^N-47683-/);
    expect(versions.ffprobe).toMatch(/^N-66595-/);
  });

  it('says ffmpeg-missing, with the path tried and the fix, when a binary cannot run', async () => {
    const missing = path.join(work, 'no-ffmpeg-here');
    const paths = {
      ffmpeg: missing,
      ffprobe: resolveFfmpegPaths().ffprobe,
      source: { ffmpeg: 'env', ffprobe: 'bundled' },
    } as const;
    const error = await checkFfmpeg(paths).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'LecternError', code: 'ffmpeg-missing' });
    expect((error as Error).message).toContain(`LECTERN_FFMPEG points to ${missing}`);
    expect((error as Error).message).toMatch(/Reinstall Lectern, or set LECTERN_FFMPEG/);
  });

  it('reports a file that is not a program, such as a text file', async () => {
    const notAProgram = path.join(work, 'ffprobe.txt');
    copyFileSync(new URL('./fixtures/progress-sample.txt', import.meta.url), notAProgram);
    chmodSync(notAProgram, 0o755);
    const paths = {
      ffmpeg: resolveFfmpegPaths().ffmpeg,
      ffprobe: notAProgram,
      source: { ffmpeg: 'bundled', ffprobe: 'path' },
    } as const;
    await expect(checkFfmpeg(paths)).rejects.toMatchObject({
      code: 'ffmpeg-missing',
      message: expect.stringContaining('LECTERN_FFPROBE'),
    });
  });
});
