import { copyFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { media } from '../env.ts';
import { physicsLectureSrt } from '../support/captions.ts';
import { runLectern, scratchDir } from '../support/lectern.ts';

interface Range {
  start: number;
  end: number;
}

describe('the physics lecture with its transcript, through every analysis stage', () => {
  const scratch = scratchDir();
  const dataDir = path.join(scratch.dir, 'data');
  let db: Database.Database;
  let code: number | null;
  beforeAll(async () => {
    const lecture = path.join(scratch.dir, 'Physics Works.webm');
    copyFileSync(media('physicsworks-lecture', 'physicsworks_audio.webm'), lecture);
    // A transcript built from the lecture's Whisper run, handed over with --captions.
    const captions = path.join(scratch.dir, 'Whisper transcript.srt');
    writeFileSync(captions, physicsLectureSrt());
    const result = await runLectern(
      ['process', lecture, '--captions', captions, '--out', path.join(scratch.dir, 'out'), '--json'],
      { LECTERN_DATA_DIR: dataDir },
    );
    code = result.code;
    db = new Database(path.join(dataDir, 'lectern.db'), { readonly: true });
  });
  afterAll(() => {
    db.close();
    scratch.cleanup();
  });

  it('finishes every stage', () => {
    expect(code).toBe(0);
    const stages = db.prepare("select stage from job_stages where status = 'done' order by started_at").pluck().all();
    expect(stages).toEqual(['probe', 'audio', 'pauses', 'transcript', 'layout', 'analysis', 'selection', 'render']);
  });

  it('finds speech and pauses with the real Silero model', () => {
    const rows = db.prepare('select kind, detector, count(*) as n from silence_regions group by kind, detector').all();
    expect(rows).toEqual([
      { kind: 'pause', detector: 'silero', n: expect.any(Number) },
      { kind: 'speech', detector: 'silero', n: expect.any(Number) },
    ]);
  });

  it('takes the transcript from the captions it was given', () => {
    const row = db.prepare('select source, origin, segments from transcripts').get() as {
      source: string;
      origin: string;
      segments: string;
    };
    expect(row.source).toBe('captions');
    expect(row.origin).toMatch(/Whisper transcript\.srt$/);
    expect(JSON.parse(row.segments).length).toBeGreaterThan(20);
  });

  it('stores 5–15 topics with titles, importance and reasons', () => {
    const segments = db
      .prepare('select title, topic, importance, reasons from content_segments order by position')
      .all() as {
      title: string;
      topic: string;
      importance: number;
      reasons: string;
    }[];
    expect(segments.length).toBeGreaterThanOrEqual(5);
    expect(segments.length).toBeLessThanOrEqual(15);
    for (const s of segments) {
      expect(s.title).not.toBe('');
      expect(s.topic).not.toBe('');
      expect(s.importance).toBeGreaterThanOrEqual(0);
      expect(s.importance).toBeLessThanOrEqual(1);
      expect(JSON.parse(s.reasons).length).toBeGreaterThan(0);
    }
  });

  it('chooses highlights whose boundaries fall outside speech, and renders them', () => {
    const clips = db.prepare('select start, "end", state from clips order by start').all() as (Range & {
      state: string;
    })[];
    const speech = db.prepare('select start, "end" from silence_regions where kind = \'speech\'').all() as Range[];
    expect(clips.length).toBeGreaterThanOrEqual(3);
    for (const clip of clips) {
      expect(clip.state).toBe('rendered');
      expect(clip.end - clip.start).toBeGreaterThanOrEqual(20);
      expect(clip.end - clip.start).toBeLessThanOrEqual(90);
      for (const edge of [clip.start, clip.end]) {
        const inside = speech.find((s) => edge > s.start + 1e-3 && edge < s.end - 1e-3);
        expect(inside, `cut at ${edge} s falls inside speech`).toBeUndefined();
      }
    }
    for (let i = 1; i < clips.length; i++) expect(clips[i]!.start).toBeGreaterThanOrEqual(clips[i - 1]!.end);
  });
});

describe('a lecture without captions and without a speech model', () => {
  it('stops at the transcript with a message that says how to get a model, keeping earlier stages', async () => {
    const scratch = scratchDir();
    const dataDir = path.join(scratch.dir, 'data');
    const result = await runLectern(
      ['process', media('auto-editor-example', 'example.mp4'), '--out', path.join(scratch.dir, 'out')],
      {
        LECTERN_DATA_DIR: dataDir,
      },
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/No speech-recognition model is installed/);
    expect(result.stderr).toMatch(/lectern models download \S+/);
    expect(result.stderr).toMatch(/lectern models import/);
    const db = new Database(path.join(dataDir, 'lectern.db'), { readonly: true });
    const done = db.prepare("select stage from job_stages where status = 'done'").pluck().all();
    db.close();
    scratch.cleanup();
    expect(done).toEqual(expect.arrayContaining(['probe', 'audio', 'pauses']));
  });
});
