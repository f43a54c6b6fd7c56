import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { media } from '../env.ts';
import { makeBrokenLectures } from '../support/brokenMedia.ts';
import { captionedJfk } from '../support/captions.ts';
import { longLecture } from '../support/fixtures.ts';
import { runLectern, scratchDir, startLectern } from '../support/lectern.ts';
import { waitFor } from '../support/waitFor.ts';

const scratch = scratchDir();
const env = { LECTERN_DATA_DIR: path.join(scratch.dir, 'data') };
const out = path.join(scratch.dir, 'out');
let files: ReturnType<typeof makeBrokenLectures>;

beforeAll(() => {
  files = makeBrokenLectures(path.join(scratch.dir, 'broken'));
});
afterAll(() => scratch.cleanup());

describe('lectern process refuses bad input with the file and the reason, exit 2', () => {
  const cases: [keyof ReturnType<typeof makeBrokenLectures>, RegExp][] = [
    ['empty', /empty\.mp4.*(empty|0 bytes)/i],
    ['text', /notes\.mp4.*not an audio or video recording/i],
    ['truncated', /cut example\.mp4.*(cut short|truncated|incomplete|damaged)/i],
    ['noAudio', /silent\.mp4.*no (audio|sound)/i],
    ['unknownCodec', /unknown codec\.mkv.*(codec|format).*(cannot|can't|not)/i],
    ['image', /slide\.mp4.*(image|picture|not an audio or video)/i],
    ['folder', /Vorlesungen.*folder/i],
    ['missing', /does not exist\.mp4.*(not found|does not exist|no such|missing)/i],
  ];

  it.each(cases)('%s', async (kind, message) => {
    const result = await runLectern(['process', files[kind], '--out', out], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`lectern: ${files[kind]}: `);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /); // a message, not a stack trace
  });
});

describe('a batch with bad files', () => {
  it('processes the good recordings and reports each bad one', async () => {
    const result = await runLectern(
      [
        'process',
        files.empty,
        captionedJfk(scratch.dir, 'jfk.wav'),
        files.text,
        '--out',
        path.join(scratch.dir, 'batch'),
        '--json',
      ],
      env,
    );
    expect(result.code).toBe(2);
    const report = JSON.parse(result.stdout) as {
      jobs: { sourceName: string; status: string }[];
      refused: { path: string; code: string }[];
    };
    expect(report.jobs.map((j) => [j.sourceName, j.status])).toEqual([['jfk.wav', 'done']]);
    expect(report.refused.map((r) => [r.path, r.code])).toEqual([
      [files.empty, 'file-empty'],
      [files.text, 'not-media'],
    ]);
  });
});

describe('where results go', () => {
  it('refuses an output folder that cannot be written', async () => {
    const notAFolder = path.join(scratch.dir, 'a-file');
    writeFileSync(notAFolder, 'x');
    const result = await runLectern(['process', media('jfk', 'jfk.wav'), '--out', path.join(notAFolder, 'out')], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/jfk\.wav: Lectern cannot save clips in .*a-file.*: part of that path is a file/);
  });

  it('refuses a read-only output folder', async () => {
    const result = await runLectern(['process', media('jfk', 'jfk.wav'), '--out', '/proc/lectern-out'], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/lectern-out/);
  });

  it('refuses to start when the disk is nearly full', async () => {
    const result = await runLectern(['process', media('jfk', 'jfk.wav'), '--out', out], {
      ...env,
      LECTERN_MIN_FREE_BYTES: String(1e15),
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/jfk\.wav: .*(disk|space)/i);
  });

  it('fails a job cleanly when the disk fills up mid-way, keeping what was done', async () => {
    const disk = path.join(scratch.dir, 'small-disk');
    mkdirSync(disk, { recursive: true });
    // A real filesystem that fills up while the audio is being decoded, as when another program eats the space.
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=200m', 'tmpfs', disk]);
    try {
      const dataDir = path.join(disk, 'data');
      const dbFile = path.join(dataDir, 'lectern.db');
      const run = startLectern(['process', longLecture(6), '--out', path.join(scratch.dir, 'out-full'), '--json'], {
        LECTERN_DATA_DIR: dataDir,
        LECTERN_MIN_FREE_BYTES: '0',
      });
      await waitFor(() => (stageStatus(dbFile, 'audio') === 'running' ? true : undefined), 'audio to start');
      fillDisk(path.join(disk, 'filler'));
      const result = await run.result;
      expect(result.code).toBe(1);
      const { jobs } = JSON.parse(result.stdout) as {
        jobs: { status: string; error: { code: string; message: string } }[];
      };
      expect(jobs[0]?.status).toBe('failed');
      expect(jobs[0]?.error.code).toBe('disk-full');
      expect(jobs[0]?.error.message).toMatch(/space/i);
      expect(stageStatus(dbFile, 'probe')).toBe('done');
      expect(stageStatus(dbFile, 'audio')).toBe('failed');
    } finally {
      execFileSync('umount', ['-l', disk]);
    }
  });
});

function stageStatus(dbFile: string, stage: string): string | undefined {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    return db.prepare('select status from job_stages where stage = ?').pluck().get(stage) as string | undefined;
  } finally {
    db.close();
  }
}

/** Writes zeros until the filesystem says it is full. */
function fillDisk(file: string): void {
  const fd = openSync(file, 'w');
  const block = Buffer.alloc(1024 * 1024);
  try {
    for (;;) writeSync(fd, block);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    closeSync(fd);
  }
}

describe('command line mistakes', () => {
  it('explains a missing argument', async () => {
    const result = await runLectern(['resume'], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/needs a number/);
  });
  it('explains an unknown job', async () => {
    const result = await runLectern(['resume', '999'], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/no job 999/);
  });
  it('explains an unknown option', async () => {
    const result = await runLectern(['process', '--frobnicate', 'x.mp4'], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/frobnicate/);
  });
  it('refuses a clip count out of range', async () => {
    const result = await runLectern(['process', media('jfk', 'jfk.wav'), '--clips', '0'], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--clips must be/);
  });
});
