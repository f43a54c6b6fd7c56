import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runFfmpeg } from '../../ffmpeg/run.ts';
import { toAss } from './ass.ts';
import { assFilterArg, escapeFilterValue } from './assFilter.ts';

describe('escapeFilterValue', () => {
  it('escapes for the option parser, then for the graph parser', () => {
    // ":" and "'" and "\" are escaped once per level; "," "[" "]" ";" only matter to the graph parser.
    expect(escapeFilterValue("/tmp/Intro: it's a [test], 1;2\\x.ass")).toBe(
      "/tmp/Intro\\\\:\\\\\\ it\\\\\\'s\\\\\\ a\\\\\\ \\[test\\]\\,\\\\\\ 1\\;2\\\\\\\\x.ass",
    );
  });

  it('leaves ordinary paths alone', () => {
    expect(escapeFilterValue('/home/ana/lectures/week-1/clip_01.ass')).toBe('/home/ana/lectures/week-1/clip_01.ass');
  });
});

describe('assFilterArg', () => {
  it('names the option and makes the path absolute', () => {
    expect(assFilterArg('/a b/c.ass')).toBe('ass=filename=/a\\\\\\ b/c.ass');
    expect(assFilterArg('/x.ass', { fontsDir: '/fonts' })).toBe('ass=filename=/x.ass:fontsdir=/fonts');
    expect(assFilterArg('c.ass')).toBe(`ass=filename=${escapeFilterValue(path.resolve('c.ass'))}`);
  });
});

describe('assFilterArg with the bundled FFmpeg', () => {
  const work = mkdtempSync(path.join(tmpdir(), 'lectern-ass-filter-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  // Everything FFmpeg's two parsers treat specially, plus the space, colon and apostrophe lecture titles have.
  const folder = path.join(work, "Week 3: Newton's laws, part [1]; draft");
  mkdirSync(folder);
  const assPath = path.join(folder, "lecture's clip: 1.ass");
  writeFileSync(assPath, toAss([{ start: 0, end: 1, text: 'Hello' }], { width: 320, height: 180 }));
  const source = ['-f', 'lavfi', '-i', 'color=c=gray:s=320x180:d=0.2:r=10'];

  it('loads the script from a path with a space, a colon and an apostrophe', async () => {
    const { stderr } = await runFfmpeg([...source, '-vf', assFilterArg(assPath), '-f', 'null', '-']);
    expect(stderr).toContain(`Added subtitle file: '${assPath}'`);
  });

  it('is needed: the same path unescaped breaks the filter graph', async () => {
    await expect(runFfmpeg([...source, '-vf', `ass=${assPath}`, '-f', 'null', '-'])).rejects.toThrow();
  });
});
