import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkFreeSpace, checkOutputFolder } from './source.ts';

const work = mkdtempSync(path.join(tmpdir(), 'lectern-output-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('checkOutputFolder', () => {
  it('creates a missing folder, nested and with non-ASCII names, and leaves nothing behind', () => {
    const dir = path.join(work, 'Clips', 'Vorlesung über Physik 1');
    checkOutputFolder(dir);
    expect(statSync(dir).isDirectory()).toBe(true);
    expect(readdirSync(dir)).toEqual([]);
    checkOutputFolder(dir);
  });

  it('refuses a path that is a file', () => {
    const notAFolder = path.join(work, 'clips.txt');
    writeFileSync(notAFolder, 'x');
    expect(() => checkOutputFolder(notAFolder)).toThrow(
      expect.objectContaining({
        code: 'output-unwritable',
        message: expect.stringMatching(/“.*clips\.txt”: that is a file, not a folder\. Choose another output folder/),
      }),
    );
  });

  it('refuses a folder whose parent is a regular file', () => {
    const parent = path.join(work, 'notes.pdf');
    writeFileSync(parent, 'x');
    expect(() => checkOutputFolder(path.join(parent, 'clips'))).toThrow(
      expect.objectContaining({
        code: 'output-unwritable',
        message: expect.stringContaining('part of that path is a file, not a folder'),
      }),
    );
  });

  it('refuses a folder below a dangling symlink (e.g. an unmounted disk), without hanging', () => {
    const link = path.join(work, 'USB-Stick');
    symlinkSync(path.join(work, 'unmounted'), link);
    expect(() => checkOutputFolder(path.join(link, 'Clips'))).toThrow(
      expect.objectContaining({ code: 'output-unwritable' }),
    );
  });

  // Runs as root in CI, where access(2) says "writable" everywhere; /proc still refuses real writes.
  it.each(['/proc/lectern-clips', '/proc'])('refuses %s, where nothing can be written even by root', (dir) => {
    expect(() => checkOutputFolder(dir)).toThrow(
      expect.objectContaining({
        code: 'output-unwritable',
        message: expect.stringContaining(`Lectern cannot save clips in “${dir}”`),
      }),
    );
    expect(existsSync('/proc/lectern-clips')).toBe(false);
  });
});

describe('checkFreeSpace', () => {
  it('returns the free bytes when there is room, for a folder that does not exist yet', async () => {
    const free = await checkFreeSpace(path.join(work, 'not', 'yet', 'there'), 1024, 0);
    expect(free).toBeGreaterThan(1024);
  });

  it('refuses when the job would eat into the space kept free, with amounts in human units', async () => {
    const free = await checkFreeSpace(work, 0, 0);
    const error: unknown = await checkFreeSpace(work, free, 512 * 1024 ** 2).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'disk-full' });
    expect((error as Error).message).toMatch(
      /needs about [\d.]+ [KMGT]B for this lecture and keeps 512 MB free, but only [\d.]+ [KMGT]B is free/,
    );
  });

  it('refuses an impossible need', async () => {
    await expect(checkFreeSpace(work, 2 * 1024 ** 5, 0)).rejects.toMatchObject({
      code: 'disk-full',
      message: expect.stringContaining('needs about 2 PB'),
    });
  });
});
