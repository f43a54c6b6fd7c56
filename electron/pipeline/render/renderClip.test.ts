import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MediaInfo } from '../../../shared/domain/media.ts';
import { media } from '../../../test/env.ts';
import { probeMedia } from '../ffmpeg/probe.ts';
import { clipOutputSize, type AspectPreset } from './crop.ts';
import { grayFrame, meanDifference, probeFile, topLevelAtoms, writeTestAss, writeTestSrt } from './fixtures/inspect.ts';
import { renderClip, type ClipSubtitles, type RenderedClip } from './renderClip.ts';

const examplePath = media('auto-editor-example', 'example.mp4');
const work = mkdtempSync(path.join(tmpdir(), 'lectern render clip '));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let example: MediaInfo;
const srtPath = path.join(work, 'clip.srt');
beforeAll(async () => {
  example = await probeMedia(examplePath);
  await writeTestSrt(srtPath);
});

/** One frame of example.mp4 at 30 fps. */
const frameSec = 1 / 30;
/** example.mp4's running timecode ("01:00:10:00"), bottom right: the only part of the picture that changes. */
const timecode = '440:100:820:600';
const expectedSize: Record<AspectPreset, { width: number; height: number }> = {
  original: { width: 1280, height: 720 },
  '9:16': { width: 404, height: 720 },
  '1:1': { width: 720, height: 720 },
};

const renders = new Map<string, Promise<RenderedClip>>();
/** Each aspect × subtitle mode is rendered once, from 10.0 s to 15.0 s, and shared by the tests that look at it. */
function rendered(aspect: AspectPreset, mode: ClipSubtitles['mode']): Promise<RenderedClip> {
  const key = `${aspect} ${mode}`;
  let render = renders.get(key);
  if (!render) {
    const outPath = path.join(work, `example ${aspect.replace(':', 'x')} ${mode}.mp4`);
    render = subtitlesFor(aspect, mode).then((subtitles) =>
      renderClip({
        source: examplePath,
        media: example,
        start: 10,
        end: 15,
        outPath,
        aspect,
        subtitles,
        loudnorm: false,
      }),
    );
    renders.set(key, render);
  }
  return render;
}

async function subtitlesFor(aspect: AspectPreset, mode: ClipSubtitles['mode']): Promise<ClipSubtitles> {
  if (mode === 'none') return { mode };
  if (mode === 'soft') return { mode, srtPath, language: 'eng' };
  // Quote, colon, brackets, comma, semicolon and spaces: every character the filter graph gives a meaning to.
  const assPath = path.join(work, `${aspect.replace(':', 'x')} it's: [burnt], in; here.ass`);
  await writeTestAss(assPath, clipOutputSize(example, aspect), 'Work is force times distance');
  return { mode, assPath };
}

describe.each(['original', '9:16', '1:1'] as const)('renderClip %s', (aspect) => {
  it.each(['none', 'burn', 'soft'] as const)(
    'writes a faststart H.264/AAC MP4 of the range (%s subtitles)',
    async (mode) => {
      const clip = await rendered(aspect, mode);
      expect(clip.encoder).toBe('libx264');
      expect(clip.durationSec).toBe(5);
      const probe = await probeFile(clip.outPath);
      const video = probe.streams.find((s) => s.codec_type === 'video');
      const audio = probe.streams.find((s) => s.codec_type === 'audio');
      expect(video?.codec_name).toBe('h264');
      expect({ width: video?.width, height: video?.height }).toEqual(expectedSize[aspect]);
      expect(audio).toMatchObject({ codec_name: 'aac', sample_rate: '48000', channels: 2 });
      expect(Math.abs(Number(probe.format?.duration) - 5)).toBeLessThanOrEqual(frameSec);
      expect(Math.abs(Number(video?.duration) - 5)).toBeLessThanOrEqual(frameSec);
      const atoms = await topLevelAtoms(clip.outPath);
      expect(atoms.indexOf('moov')).toBeGreaterThan(-1);
      expect(atoms.indexOf('moov')).toBeLessThan(atoms.indexOf('mdat'));
      const subtitleStreams = probe.streams.filter((s) => s.codec_type === 'subtitle');
      if (mode === 'soft') {
        expect(subtitleStreams).toHaveLength(1);
        expect(subtitleStreams[0]).toMatchObject({ codec_name: 'mov_text', tags: { language: 'eng' } });
      } else {
        expect(subtitleStreams).toEqual([]);
      }
      expect(readdirSync(work).filter((name) => name.includes('.partial.'))).toEqual([]);
    },
  );

  it('burns subtitles into the bottom of the picture and nowhere else', async () => {
    const [bare, burnt] = await Promise.all([rendered(aspect, 'none'), rendered(aspect, 'burn')]);
    const { width, height } = expectedSize[aspect];
    const band = (top: number): string => `${width}:${Math.round(height / 4)}:0:${top}`;
    const bottom = band(height - Math.round(height / 4));
    const top = band(0);
    const [bareBottom, burntBottom, bareTop, burntTop] = await Promise.all([
      grayFrame(bare.outPath, { atSec: 1, crop: bottom }),
      grayFrame(burnt.outPath, { atSec: 1, crop: bottom }),
      grayFrame(bare.outPath, { atSec: 1, crop: top }),
      grayFrame(burnt.outPath, { atSec: 1, crop: top }),
    ]);
    expect(meanDifference(bareBottom, burntBottom)).toBeGreaterThan(10);
    expect(meanDifference(bareTop, burntTop)).toBeLessThan(1);
  });
});

describe('renderClip frame accuracy (bundled FFmpeg N-47683)', () => {
  /** Reference frames are picked by number while decoding from the start, so they do not depend on seeking. */
  async function firstFrameMatches(clipPath: string, frames: number[]): Promise<number[]> {
    const first = await grayFrame(clipPath, { crop: timecode });
    const references = await Promise.all(frames.map((n) => grayFrame(examplePath, { frameNumber: n, crop: timecode })));
    return references.map((reference) => meanDifference(first, reference));
  }

  it('starts a clip at 10.0 s (a keyframe) on the source frame at 10.0 s, not 9.5 s or 10.5 s', async () => {
    const clip = await rendered('original', 'none');
    const [at10, at9_5, at10_5] = await firstFrameMatches(clip.outPath, [300, 285, 315]);
    expect(at10).toBeLessThan(1);
    expect(at9_5).toBeGreaterThan(1.5);
    expect(at10_5).toBeGreaterThan(1.5);
  });

  it('starts mid-GOP on the exact frame, not its neighbours', async () => {
    // Keyframes are every 2 s: frames 330..338 after the keyframe at 11.0 s are decoded and dropped.
    const clip = await renderClip({
      source: examplePath,
      media: example,
      start: 11.3,
      end: 12.3,
      outPath: path.join(work, 'mid-gop.mp4'),
      aspect: 'original',
      subtitles: { mode: 'none' },
      loudnorm: false,
    });
    const [exact = Infinity, before, after] = await firstFrameMatches(clip.outPath, [339, 338, 340]);
    expect(exact).toBeLessThan(1);
    expect(before).toBeGreaterThan(exact + 0.3);
    expect(after).toBeGreaterThan(exact + 0.3);
  });
});
