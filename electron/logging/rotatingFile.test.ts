import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRotatingFile } from './rotatingFile.ts';

let dir = '';

beforeEach(() => {
  dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lectern-rotate-')), 'logs');
});

afterEach(() => {
  fs.rmSync(path.dirname(dir), { recursive: true, force: true });
});

const line = (n: number): string => `{"n":${String(n).padStart(4, '0')},"pad":"xxxxxxxxxx"}\n`; // 30 bytes

describe('createRotatingFile', () => {
  it('creates the folder and has each line on disk as soon as write returns', () => {
    const file = createRotatingFile({ dir });
    file.write(line(1));
    // No flush, no close: this is what survives a crash on the next instruction.
    expect(fs.readFileSync(path.join(dir, 'lectern.log'), 'utf8')).toBe(line(1));
    file.close();
  });

  it('keeps the newest lines in N rotated files and drops the oldest', () => {
    const file = createRotatingFile({ dir, maxBytes: 100, keep: 3 });
    for (let n = 1; n <= 40; n++) file.write(line(n));
    file.close();

    expect(fs.readdirSync(dir).sort()).toEqual(['lectern.1.log', 'lectern.2.log', 'lectern.3.log', 'lectern.log']);
    const oldestFirst = ['lectern.3.log', 'lectern.2.log', 'lectern.1.log', 'lectern.log'].map((name) =>
      fs.readFileSync(path.join(dir, name), 'utf8'),
    );
    for (const content of oldestFirst) expect(Buffer.byteLength(content)).toBeLessThanOrEqual(100);
    // Three 30-byte lines fit in 100 bytes: the live file holds line 40, the rotated ones 31..39, in order,
    // none lost at a rotation.
    expect(oldestFirst.join('')).toBe(Array.from({ length: 10 }, (_, i) => line(31 + i)).join(''));
  });

  it('continues an existing log after a restart instead of overwriting it', () => {
    const first = createRotatingFile({ dir, maxBytes: 100, keep: 2 });
    first.write(line(1));
    first.write(line(2));
    first.close();
    const second = createRotatingFile({ dir, maxBytes: 100, keep: 2 });
    second.write(line(3));
    second.write(line(4));
    second.close();
    expect(fs.readFileSync(path.join(dir, 'lectern.1.log'), 'utf8')).toBe(line(1) + line(2) + line(3));
    expect(fs.readFileSync(path.join(dir, 'lectern.log'), 'utf8')).toBe(line(4));
  });
});
