import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { media } from '../env.ts';
import { longLecture } from '../support/fixtures.ts';

// The lecture's own transcript: it covers the first 203 s, which is all the later stages need here.
const captions = media('physicsworks-lecture', 'whisper_medium_words.json');
import { runLectern, scratchDir, startLectern } from '../support/lectern.ts';
import { waitFor } from '../support/waitFor.ts';

interface StageRow {
  stage: string;
  status: string;
  attempts: number;
  started_at: number;
  finished_at: number | null;
}

function readStages(dbFile: string): StageRow[] {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare('select stage, status, attempts, started_at, finished_at from job_stages order by started_at')
      .all() as StageRow[];
  } finally {
    db.close();
  }
}

describe('a job killed mid-stage', () => {
  const scratch = scratchDir();
  afterAll(() => scratch.cleanup());

  it('resumes from the first unfinished stage and never redoes a finished one', async () => {
    const dataDir = path.join(scratch.dir, 'data');
    const dbFile = path.join(dataDir, 'lectern.db');
    const env = { LECTERN_DATA_DIR: dataDir };
    const lecture = longLecture(6);

    const { child, result } = startLectern(
      ['process', lecture, '--captions', captions, '--out', path.join(scratch.dir, 'out')],
      env,
    );
    const probe = await waitFor(() => {
      const stages = readStages(dbFile);
      const probeDone = stages.find((s) => s.stage === 'probe' && s.status === 'done');
      const audioRunning = stages.some((s) => s.stage === 'audio' && s.status === 'running');
      return probeDone && audioRunning ? probeDone : undefined;
    }, 'the probe stage to finish and audio to start');
    child.kill('SIGKILL');
    const killed = await result;
    expect(killed.signal).toBe('SIGKILL');

    const afterKill = readStages(dbFile);
    expect(afterKill.find((s) => s.stage === 'audio')?.status).toBe('running');

    const listed = await runLectern(['jobs', '--json'], env);
    const { jobs } = JSON.parse(listed.stdout) as { jobs: { id: number; status: string }[] };
    expect(jobs[0]?.status).toBe('queued');

    const resumed = await runLectern(['resume', String(jobs[0]?.id), '--json'], env);
    expect(resumed.stderr).toBe('');
    expect(resumed.code).toBe(0);
    const final = readStages(dbFile);
    const probeAfter = final.find((s) => s.stage === 'probe');
    // Same start time and one attempt: the probe was not run again.
    expect(probeAfter).toEqual(probe);
    const audio = final.find((s) => s.stage === 'audio');
    expect(audio?.status).toBe('done');
    expect(audio?.attempts).toBe(2);

    const db = new Database(dbFile, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const log = db.prepare('select message from processing_logs order by id').pluck().all() as string[];
    db.close();
    expect(log.some((m) => m.startsWith('Interrupted during "audio"'))).toBe(true);
  }, 180_000);
});

describe('lectern cancel', () => {
  const scratch = scratchDir();
  afterAll(() => scratch.cleanup());

  it('stops a job running in another process and keeps its finished stages', async () => {
    const dataDir = path.join(scratch.dir, 'data');
    const dbFile = path.join(dataDir, 'lectern.db');
    const env = { LECTERN_DATA_DIR: dataDir };
    const { result } = startLectern(
      ['process', longLecture(6), '--captions', captions, '--out', path.join(scratch.dir, 'out')],
      env,
    );
    await waitFor(
      () => (readStages(dbFile).some((s) => s.stage === 'audio' && s.status === 'running') ? true : undefined),
      'audio to start',
    );
    const cancelled = await runLectern(['cancel', '1', '--json'], env);
    expect(cancelled.code).toBe(0);
    expect((JSON.parse(cancelled.stdout) as { jobs: { status: string }[] }).jobs[0]?.status).toBe('cancelled');
    const first = await result;
    expect(first.code).toBe(1);
    expect(first.stderr).toMatch(/job 1 physics-x6\.webm: cancelled/);
    const stages = readStages(dbFile);
    expect(stages.find((s) => s.stage === 'probe')?.status).toBe('done');
    expect(stages.find((s) => s.stage === 'audio')?.status).toBe('failed');

    // Retry continues where it stopped.
    const resumed = await runLectern(['resume', '1'], env);
    expect(resumed.code).toBe(0);
    expect(readStages(dbFile).find((s) => s.stage === 'probe')?.attempts).toBe(1);
  }, 180_000);
});

describe('an FFmpeg left running by a killed CLI', () => {
  const scratch = scratchDir();
  afterAll(() => scratch.cleanup());

  it('is stopped by the next Lectern that opens the same data folder', async () => {
    const dataDir = path.join(scratch.dir, 'data');
    const journal = path.join(dataDir, 'running-ffmpeg');
    const env = { LECTERN_DATA_DIR: dataDir };
    // Long enough that the decode is still running when the CLI dies.
    const lecture = longLecture(90);

    const { child, result } = startLectern(
      ['process', lecture, '--captions', captions, '--out', path.join(scratch.dir, 'out')],
      env,
    );
    const orphan = await waitFor(() => {
      const decode = readStages(path.join(dataDir, 'lectern.db')).some(
        (s) => s.stage === 'audio' && s.status === 'running',
      );
      const entries = existsSync(journal) ? readdirSync(journal) : [];
      return decode && entries.length > 0 ? Number(entries[0]?.split(/[-.]/)[1]) : undefined;
    }, 'the audio decode to start');
    child.kill('SIGKILL');
    await result;
    expect(isRunning(orphan)).toBe(true);

    const listed = await runLectern(['jobs', '--json'], env);
    expect(listed.code).toBe(0);
    // SIGKILL takes effect at once; a short wait only covers the kernel tidying up. An FFmpeg that simply finished
    // its decode would need far longer than this.
    await waitFor(() => (isRunning(orphan) ? undefined : true), 'the orphaned FFmpeg to stop', 2_000);
    expect(readdirSync(journal)).toEqual([]);
  }, 180_000);
});

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  // A killed child of nobody lingers as a zombie until init reaps it; that is stopped, not running.
  const status = existsSync(`/proc/${pid}/status`) ? readFileSync(`/proc/${pid}/status`, 'utf8') : '';
  return !/^State:\s+Z/m.test(status);
}
