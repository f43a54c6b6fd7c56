import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analysisResultSchema } from '../../shared/domain/analysis.ts';
import { analyzeTranscript } from '../../electron/cli/commands/analyze.ts';
import { evalDir, media } from '../env.ts';
import { runLectern, scratchDir } from '../support/lectern.ts';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return filesUnder(full);
    return name === 'MANIFEST.md' ? [] : [full];
  });
}

describe('lectern analyze', () => {
  it('prints exactly the documented JSON for a real lecture transcript', async () => {
    const scratch = scratchDir();
    const result = await runLectern(
      ['analyze', media('physicsworks-lecture', 'whisper_medium_words.json'), '--json', '--clips', '3'],
      {
        LECTERN_DATA_DIR: scratch.dir,
      },
    );
    scratch.cleanup();
    expect(result.code).toBe(0);
    const parsed: unknown = JSON.parse(result.stdout);
    const strict = analysisResultSchema.strict();
    const output = strict.parse(parsed);
    expect(Object.keys(parsed as object)).toEqual(['segments', 'highlights']);
    for (const s of output.segments)
      expect(Object.keys(s)).toEqual(['start', 'end', 'title', 'topic', 'importance', 'reasons']);
    for (const h of output.highlights) expect(Object.keys(h)).toEqual(['start', 'end', 'title', 'score', 'segment']);
    expect(output.highlights).toHaveLength(3);
    expect(output.highlights.map((h) => h.start)).toEqual(
      [...output.highlights.map((h) => h.start)].sort((a, b) => a - b),
    );
    expect(output.segments.map((s) => s.start)).toEqual([...output.segments.map((s) => s.start)].sort((a, b) => a - b));
  });

  it('keeps highlights within a requested length', async () => {
    const result = await runLectern(
      ['analyze', path.join(evalDir, 'mavils', 'transcripts', 'physics_intro_02.srt'), '--json', '--length', '30-45'],
      {},
    );
    expect(result.code).toBe(0);
    const { highlights } = analysisResultSchema.parse(JSON.parse(result.stdout));
    expect(highlights.length).toBeGreaterThan(0);
    for (const h of highlights) {
      expect(h.end - h.start).toBeGreaterThanOrEqual(30);
      expect(h.end - h.start).toBeLessThanOrEqual(45);
    }
    const bad = await runLectern(['analyze', media('jfk', 'jfk.txt'), '--length', '90-20'], {});
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--length must be MIN-MAX/);
  });

  it('prints a readable summary without --json', async () => {
    const result = await runLectern(
      ['analyze', path.join(evalDir, 'mavils', 'transcripts', 'physics_intro_02.srt')],
      {},
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/physics_intro_02\.srt: \d+ sentences, \d+ topics/);
    expect(result.stdout).toMatch(/Highlights:\n {2}\d+:\d\d–\d+:\d\d {2}\S/);
  });

  it('refuses a file that is not a transcript, with the reason', async () => {
    const result = await runLectern(['analyze', media('jfk', 'jfk.wav')], {});
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/jfk\.wav.*must be captions/);
  });

  // Every transcript in the team's evaluation set: physics lectures (.ref), MaViLS (.srt word cues and .csv
  // sentence tables), and the Choi benchmark documents.
  const files = filesUnder(evalDir);
  it(`analyses all ${files.length} files in the evaluation set`, async () => {
    expect(files.length).toBeGreaterThan(200);
    for (const file of files) {
      const result = await analyzeTranscript(file);
      const where = path.relative(evalDir, file);
      expect(result.segments.length, where).toBeGreaterThanOrEqual(Math.min(5, result.sentences));
      expect(result.segments.length, where).toBeLessThanOrEqual(15);
      expect(result.highlights.length, where).toBeGreaterThan(0);
      for (const s of result.segments) {
        expect(s.title.length, where).toBeGreaterThan(0);
        expect(s.reasons.length, where).toBeGreaterThan(0);
      }
    }
  }, 300_000);
});
