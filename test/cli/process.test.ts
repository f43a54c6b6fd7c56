import { copyFileSync, existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { media } from '../env.ts';
import { captionedJfk } from '../support/captions.ts';
import { runLectern, scratchDir } from '../support/lectern.ts';

interface JobJson {
  id: number;
  status: string;
  sourceName: string;
  outputDir: string;
  media: { durationSec: number; audio: { codec: string } | null; video: { width: number } | null } | null;
  stages: { stage: string; status: string; attempts: number }[];
}

describe('lectern process on real recordings', () => {
  const scratch = scratchDir();
  const env = { LECTERN_DATA_DIR: path.join(scratch.dir, 'data') };
  afterAll(() => scratch.cleanup());

  let example: { code: number | null; jobs: JobJson[]; stderr: string };
  beforeAll(async () => {
    const result = await runLectern(
      [
        'process',
        media('physicsworks-lecture', 'physicsworks_audio.webm'),
        '--captions',
        media('physicsworks-lecture', 'whisper_medium_words.json'),
        '--out',
        path.join(scratch.dir, 'out'),
        '--json',
      ],
      env,
    );
    example = {
      code: result.code,
      jobs: (JSON.parse(result.stdout) as { jobs: JobJson[] }).jobs,
      stderr: result.stderr,
    };
  });

  it('probes the recording and decodes its audio once into the job folder', () => {
    expect(example.code).toBe(0);
    const [job] = example.jobs;
    expect(job?.status).toBe('done');
    expect(job?.media?.video).toBeNull();
    expect(job?.media?.audio?.codec).toBe('opus');
    expect(job?.media?.durationSec).toBeCloseTo(203.3, 0);
    expect(job?.stages.map((s) => [s.stage, s.status])).toEqual(
      ['probe', 'audio', 'pauses', 'transcript', 'layout', 'analysis', 'selection', 'render'].map((stage) => [
        stage,
        'done',
      ]),
    );
    const pcm = path.join(env.LECTERN_DATA_DIR, 'jobs', String(job?.id), 'audio.f32');
    // 16 kHz mono float32: 64,000 bytes per second.
    expect(statSync(pcm).size / 64_000).toBeCloseTo(203.3, 0);
    expect(existsSync(path.join(env.LECTERN_DATA_DIR, 'jobs', String(job?.id), 'waveform.f32'))).toBe(true);
  });

  it('probes a video: picture, sound and length', async () => {
    const result = await runLectern(
      ['process', media('auto-editor-example', 'example.mp4'), '--out', path.join(scratch.dir, 'video'), '--json'],
      env,
    );
    const [job] = (JSON.parse(result.stdout) as { jobs: JobJson[] }).jobs;
    expect(job?.media?.video?.width).toBe(1280);
    expect(job?.media?.audio?.codec).toBe('aac');
    expect(job?.media?.durationSec).toBeCloseTo(42.4, 1);
    // No captions beside it and no speech model here: it stops at the transcript, with the earlier stages kept.
    expect(result.code).toBe(2);
    expect(job?.stages.filter((s) => s.status === 'done').map((s) => s.stage)).toEqual(['probe', 'audio', 'pauses']);
  });

  it('records per-stage durations and a processing log, and writes structured logs', () => {
    const db = new Database(path.join(env.LECTERN_DATA_DIR, 'lectern.db'), { readonly: true });
    const stages = db
      .prepare('select stage, duration_ms from job_stages where job_id = ?')
      .all(example.jobs[0]?.id) as {
      stage: string;
      duration_ms: number;
    }[];
    expect(stages.every((s) => s.duration_ms >= 0)).toBe(true);
    const log = db.prepare('select message from processing_logs where job_id = ?').pluck().all(example.jobs[0]?.id);
    expect(log.join('\n')).toMatch(/Recording: 3 min 23 s, webm, audio opus 48000 Hz/);
    db.close();
    const lines = readLogLines(env.LECTERN_DATA_DIR);
    expect(lines.some((l) => l.jobId === example.jobs[0]?.id && l.msg === 'stage finished')).toBe(true);
  });

  it('prints plain progress lines when stderr is not a terminal', async () => {
    const result = await runLectern(
      ['process', captionedJfk(scratch.dir), '--out', path.join(scratch.dir, 'jfk')],
      env,
    );
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/job \d+ jfk\.mp3: +\d+% Extracting audio/);
    expect(result.stderr).toMatch(/job \d+ jfk\.mp3: done/);
    // The captions beside the recording were found without --captions.
    const db = new Database(path.join(env.LECTERN_DATA_DIR, 'lectern.db'), { readonly: true });
    const origin = db.prepare('select origin from transcripts order by id desc limit 1').pluck().get();
    db.close();
    expect(origin).toBe(path.join(scratch.dir, 'jfk.srt'));
  });

  it('handles paths with spaces and non-ASCII characters', async () => {
    const odd = path.join(scratch.dir, 'Vorlesung über Physik – Teil 1.webm');
    copyFileSync(media('physicsworks-lecture', 'physicsworks_audio.webm'), odd);
    const out = path.join(scratch.dir, 'Ausgabe für Physik');
    const captions = path.join(scratch.dir, 'Untertitel für Teil 1.json');
    copyFileSync(media('physicsworks-lecture', 'whisper_medium_words.json'), captions);
    const result = await runLectern(['process', odd, '--captions', captions, '--out', out, '--json'], env);
    expect(result.code).toBe(0);
    const { jobs } = JSON.parse(result.stdout) as { jobs: JobJson[] };
    expect(jobs[0]?.sourceName).toBe('Vorlesung über Physik – Teil 1.webm');
    expect(jobs[0]?.status).toBe('done');
    expect(jobs[0]?.outputDir).toBe(out);
  });

  it('lists jobs as JSON', async () => {
    const result = await runLectern(['jobs', '--json'], env);
    expect(result.code).toBe(0);
    const { jobs } = JSON.parse(result.stdout) as { jobs: JobJson[] };
    expect(jobs.map((j) => j.status)).toEqual(['done', 'failed', 'done', 'done']);
  });
});

function readLogLines(dataDir: string): { jobId?: number; msg?: string }[] {
  const text = readFileSync(path.join(dataDir, 'logs', 'lectern.log'), 'utf8');
  return text
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { jobId?: number; msg?: string });
}
