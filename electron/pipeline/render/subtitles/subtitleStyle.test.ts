import { readFileSync, rmSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SubtitleStyle } from '../../../../shared/domain/clip.ts';
import type { MediaInfo } from '../../../../shared/domain/media.ts';
import { media } from '../../../../test/env.ts';
import { probeMedia } from '../../ffmpeg/probe.ts';
import { runFfmpeg } from '../../ffmpeg/run.ts';
import { clipOutputSize } from '../crop.ts';
import { renderClip } from '../renderClip.ts';
import { assStyleFor, assStyleOptions, toAss } from './ass.ts';

/**
 * The lecturer's subtitle style through a real render: the audio-only lecture is drawn on a dark still, so every
 * bright pixel of a frame is subtitle text, and where those pixels are tells where the style put it.
 */
const lecture = media('physicsworks-lecture', 'physicsworks_audio.webm');
const work = mkdtempSync(path.join(tmpdir(), 'lectern-subtitle-style-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let info: MediaInfo;
beforeAll(async () => {
  info = await probeMedia(lecture);
});

const cues = [{ start: 0, end: 3, text: 'The total mechanical energy\nof the system is conserved' }];

async function brightRows(
  style: SubtitleStyle,
): Promise<{ top: number; bottom: number; count: number; height: number }> {
  const size = clipOutputSize(info, 'original');
  const name = `${style.size}-${style.position}`;
  const assPath = path.join(work, `${name}.ass`);
  writeFileSync(assPath, toAss(cues, { ...size, style: assStyleOptions(style) }));
  const clip = path.join(work, `${name}.mp4`);
  await renderClip({
    source: lecture,
    media: info,
    start: 60,
    end: 62,
    outPath: clip,
    aspect: 'original',
    subtitles: { mode: 'burn', assPath },
    loudnorm: false,
  });
  const raw = path.join(work, `${name}.gray`);
  await runFfmpeg(['-ss', '1', '-i', clip, '-frames:v', '1', '-f', 'rawvideo', '-pix_fmt', 'gray', '-y', raw]);
  const frame = readFileSync(raw);
  expect(frame.length).toBe(size.width * size.height);
  let top = size.height;
  let bottom = -1;
  let count = 0;
  for (let i = 0; i < frame.length; i++) {
    if (frame[i]! < 200) continue;
    const y = Math.floor(i / size.width);
    top = Math.min(top, y);
    bottom = Math.max(bottom, y);
    count++;
  }
  return { top, bottom, count, height: size.height };
}

describe('subtitle style in a rendered clip', () => {
  it('draws the subtitles in the bottom half by default and in the top half when asked', async () => {
    const bottom = await brightRows({ size: 'medium', position: 'bottom' });
    const top = await brightRows({ size: 'medium', position: 'top' });
    expect(bottom.count).toBeGreaterThan(500);
    expect(top.count).toBeGreaterThan(500);
    expect(bottom.top).toBeGreaterThan(bottom.height / 2);
    expect(top.bottom).toBeLessThan(top.height / 2);
  });

  it('draws large subtitles taller than small ones', async () => {
    const small = await brightRows({ size: 'small', position: 'bottom' });
    const large = await brightRows({ size: 'large', position: 'bottom' });
    expect(large.bottom - large.top).toBeGreaterThan((small.bottom - small.top) * 1.3);
    expect(large.count).toBeGreaterThan(small.count);
  });

  it('maps the sizes to font sizes within subtitle guidelines', () => {
    const px = (size: SubtitleStyle['size']) =>
      assStyleFor(1920, 1080, assStyleOptions({ size, position: 'bottom' })).fontSize;
    expect(px('small')).toBeLessThan(px('medium'));
    expect(px('medium')).toBeLessThan(px('large'));
    expect(px('small') / 1080).toBeGreaterThan(0.04);
    expect(px('large') / 1080).toBeLessThan(0.075);
    expect(assStyleFor(1920, 1080, assStyleOptions({ size: 'medium', position: 'top' })).alignment).toBe(8);
  });
});
