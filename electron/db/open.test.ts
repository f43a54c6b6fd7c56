import { jobSettingsSchema } from '../../shared/domain/settings.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from './open.ts';
import { jobs } from './schema/index.ts';

describe('openDatabase', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('creates every table with WAL, foreign keys and a busy timeout', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lectern-db-'));
    dirs.push(dir);
    const db = openDatabase(path.join(dir, 'nested', 'lectern.db'));
    const tables = db.$client
      .prepare(
        "select name from sqlite_master where type = 'table' and name not like '\\_\\_%' escape '\\' and name != 'sqlite_sequence'",
      )
      .pluck()
      .all();
    expect(new Set(tables)).toEqual(
      new Set([
        'jobs',
        'job_stages',
        'transcripts',
        'silence_regions',
        'layout_analyses',
        'content_segments',
        'clips',
        'processing_logs',
        'users',
        'publications',
        'published_objects',
        'multipart_uploads',
        'multipart_parts',
      ]),
    );
    expect(db.$client.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.$client.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.$client.pragma('busy_timeout', { simple: true })).toBe(5000);
    closeDatabase(db);
  });

  it('applies migrations once: reopening keeps the data', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lectern-db-'));
    dirs.push(dir);
    const file = path.join(dir, 'lectern.db');
    const first = openDatabase(file);
    first
      .insert(jobs)
      .values({
        sourcePath: '/lectures/a.mp4',
        settings: jobSettingsSchema.parse({ outputDir: dir }),
      })
      .run();
    closeDatabase(first);
    const second = openDatabase(file);
    expect(second.select().from(jobs).all()).toHaveLength(1);
    closeDatabase(second);
  });

  it('refuses rows that point at a job that does not exist', () => {
    const db = openDatabase(':memory:');
    expect(() =>
      db.$client.prepare("insert into processing_logs (job_id, level, message, at) values (999, 'info', 'x', 0)").run(),
    ).toThrow(/FOREIGN KEY/);
    closeDatabase(db);
  });
});
