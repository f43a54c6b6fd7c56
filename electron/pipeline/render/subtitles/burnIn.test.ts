import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { media } from '../../../../test/env.ts';
import { runFfmpeg } from '../../ffmpeg/run.ts';
import { assStyleFor, toAss } from './ass.ts';
import { assFilterArg } from './assFilter.ts';

const example = media('auto-editor-example', 'example.mp4');
const width = 1280;
const height = 720;
const style = assStyleFor(width, height);

const cues = [
  { start: 0, end: 0.8, text: 'Conservation of\nmechanical energy' },
  // Interpreted instead of escaped, `{\an8}` would move this cue to the top and `\N` would make it two lines.
  { start: 1.2, end: 2, text: 'Energy {\\an8} stays \\N at the bottom' },
];

/**
 * Burns two cues into 2 s of a real 1280×720 recording with the bundled FFmpeg, and renders the same 2 s without
 * them through the same encoder, so the two differ only where libass drew. FFV1 is lossless: unchanged pixels are
 * bit-identical, so a single changed pixel in the top half would mean text drawn in the wrong place.
 */
describe('burning ASS subtitles with the bundled FFmpeg', () => {
  const work = mkdtempSync(path.join(tmpdir(), 'lectern-burn-'));
  const folder = path.join(work, "Lewin's lecture: part 1");
  const subtitled = path.join(work, 'subtitled.mkv');
  const plain = path.join(work, 'plain.mkv');
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  beforeAll(async () => {
    mkdirSync(folder);
    const assPath = path.join(folder, 'clip 1.ass');
    writeFileSync(assPath, toAss(cues, { width, height }));
    const encode = ['-an', '-c:v', 'ffv1', '-y'];
    await runFfmpeg(['-i', example, '-t', '2', '-vf', assFilterArg(assPath), ...encode, subtitled]);
    await runFfmpeg(['-i', example, '-t', '2', ...encode, plain]);
  });

  async function changedPixels(at: number): Promise<{ x: number; y: number }[]> {
    const [withText, without] = await Promise.all([grayFrame(subtitled, at), grayFrame(plain, at)]);
    const changed: { x: number; y: number }[] = [];
    for (let i = 0; i < withText.length; i++) {
      if (Math.abs(withText[i]! - without[i]!) > 24) changed.push({ x: i % width, y: Math.floor(i / width) });
    }
    return changed;
  }

  async function grayFrame(file: string, at: number): Promise<Buffer> {
    const out = path.join(work, `${path.basename(file)}-${at}.gray`);
    await runFfmpeg(['-ss', String(at), '-i', file, '-frames:v', '1', '-f', 'rawvideo', '-pix_fmt', 'gray', '-y', out]);
    const frame = readFileSync(out);
    expect(frame.length).toBe(width * height);
    return frame;
  }

  it('draws a two-line cue at the bottom centre, inside the safe margins, and nothing at the top', async () => {
    const changed = await changedPixels(0.4);
    expect(changed.length).toBeGreaterThan(2000);
    const box = bounds(changed);
    expect(box.top).toBeGreaterThan(height / 2);
    expect(box.bottom).toBeLessThanOrEqual(height - style.marginV + style.outline + 2);
    expect(box.bottom).toBeGreaterThan(height - style.marginV - style.fontSize);
    expect(box.left).toBeGreaterThanOrEqual(style.marginLR);
    expect(box.right).toBeLessThanOrEqual(width - style.marginLR);
    expect(Math.abs((box.left + box.right) / 2 - width / 2)).toBeLessThan(20);
    expect(box.bottom - box.top).toBeGreaterThan(1.6 * style.fontSize);
  });

  it('draws escaped override tags and \\N literally: one line, still at the bottom', async () => {
    const changed = await changedPixels(1.6);
    expect(changed.length).toBeGreaterThan(2000);
    const box = bounds(changed);
    expect(box.top).toBeGreaterThan(height / 2);
    expect(box.bottom - box.top).toBeLessThan(1.6 * style.fontSize);
  });

  it('leaves frames between cues untouched', async () => {
    expect(await changedPixels(1)).toEqual([]);
  });
});

function bounds(points: readonly { x: number; y: number }[]): {
  left: number;
  right: number;
  top: number;
  bottom: number;
} {
  return {
    left: Math.min(...points.map((p) => p.x)),
    right: Math.max(...points.map((p) => p.x)),
    top: Math.min(...points.map((p) => p.y)),
    bottom: Math.max(...points.map((p) => p.y)),
  };
}
