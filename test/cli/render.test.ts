import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultAppSettings } from '../../shared/domain/appSettings.ts';
import { clipSummarySchema } from '../../shared/domain/clip.ts';
import { manifestSchema } from '../../electron/pipeline/export/manifest.ts';
import { media } from '../env.ts';
import { toSrt } from '../support/captions.ts';
import { probeFile } from '../support/ffprobe.ts';
import { runLectern, scratchDir } from '../support/lectern.ts';
import { z } from 'zod';

const clipsJson = z.object({ clips: z.array(clipSummarySchema) });

/** Plain words of an SRT, lower-case, for comparing subtitle text with the transcript. */
function srtWords(srt: string): string[] {
  return srt
    .split(/\r?\n/)
    .filter((line) => line && !/^\d+$/.test(line) && !line.includes('-->'))
    .join(' ')
    .toLowerCase()
    .replace(/[^a-z0-9' ]+/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
}

function srtTimes(srt: string): [number, number][] {
  const toSec = (t: string) => {
    const [h, m, s] = t.replace(',', '.').split(':').map(Number);
    return h! * 3600 + m! * 60 + s!;
  };
  return [...srt.matchAll(/(\d\d:\d\d:\d\d,\d{3}) --> (\d\d:\d\d:\d\d,\d{3})/g)].map((m) => [
    toSec(m[1]!),
    toSec(m[2]!),
  ]);
}

describe('lectern process on the physics lecture writes clips and exports', () => {
  const scratch = scratchDir();
  const env = { LECTERN_DATA_DIR: path.join(scratch.dir, 'data') };
  const out = path.join(scratch.dir, 'Physics highlights');
  const transcriptWords = (
    JSON.parse(readFileSync(media('physicsworks-lecture', 'whisper_medium_words.json'), 'utf8')) as {
      segments: { text: string }[];
    }
  ).segments
    .map((s) => s.text)
    .join(' ')
    .toLowerCase()
    .replace(/[^a-z0-9' ]+/g, ' ');
  let code: number | null;
  beforeAll(async () => {
    const result = await runLectern(
      [
        'process',
        media('physicsworks-lecture', 'physicsworks_audio.webm'),
        '--captions',
        media('physicsworks-lecture', 'whisper_medium_words.json'),
        '--out',
        out,
        '--json',
      ],
      env,
    );
    code = result.code;
  }, 300_000);
  afterAll(() => scratch.cleanup());

  it('writes playable H.264/AAC clips of the highlights’ length, with subtitles that match the speech', () => {
    expect(code).toBe(0);
    const manifest = manifestSchema.parse(JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')));
    expect(manifest.source).toBe('physicsworks_audio.webm');
    expect(manifest.clips.length).toBeGreaterThanOrEqual(3);
    for (const clip of manifest.clips) {
      const file = path.join(out, clip.file);
      const probe = probeFile(file);
      expect(probe.streams.map((s) => s.codec_name).sort()).toEqual(['aac', 'h264']);
      expect(probe.durationSec).toBeCloseTo(clip.end - clip.start, 0);
      const srt = readFileSync(path.join(out, clip.subtitles.srt), 'utf8');
      const words = srtWords(srt);
      expect(words.length).toBeGreaterThan(10);
      // The subtitles say what the lecturer says in that stretch, in order.
      expect(transcriptWords).toContain(words.slice(0, 4).join(' '));
      for (const [start, end] of srtTimes(srt)) {
        expect(start).toBeGreaterThanOrEqual(0);
        expect(end).toBeLessThanOrEqual(clip.end - clip.start + 0.01);
        expect(end - start).toBeLessThanOrEqual(7.001);
      }
      expect(readFileSync(path.join(out, clip.subtitles.vtt), 'utf8')).toMatch(/^WEBVTT/);
      expect(statSync(path.join(out, clip.thumbnail)).size).toBeGreaterThan(1000);
    }
  });

  it('writes the full transcript, chapters, and the timeline for video editors', () => {
    expect(readFileSync(path.join(out, 'transcript.srt'), 'utf8')).toMatch(/^1\r?\n00:00:0/);
    expect(readFileSync(path.join(out, 'transcript.vtt'), 'utf8')).toMatch(/^WEBVTT/);
    expect(readFileSync(path.join(out, 'chapters.txt'), 'utf8')).toMatch(/^0:00 \S/);
    expect(readFileSync(path.join(out, 'chapters.ffmetadata'), 'utf8')).toMatch(/^;FFMETADATA1/);
    expect(readFileSync(path.join(out, 'highlights.edl'), 'utf8')).toMatch(/^TITLE: /);
    expect(readFileSync(path.join(out, 'highlights.fcpxml'), 'utf8')).toMatch(/<fcpxml version="1\.9">/);
  });

  it('re-renders only the clip whose range or subtitle text was edited', async () => {
    const before = clipsJson.parse(JSON.parse((await runLectern(['clips', '1', '--json'], env)).stdout)).clips;
    expect(before.every((c) => c.state === 'rendered' && !c.needsRender)).toBe(true);
    const mtimes = () => new Map(before.map((c) => [c.id, statSync(c.outputs!.video).mtimeMs]));
    const original = mtimes();

    // Trim the second clip, and correct a word in the third clip's subtitles through its own .srt.
    const [, second, third] = before;
    expect((await runLectern(['edit', String(second!.id), '--end', String(second!.end - 3)], env)).code).toBe(0);
    const corrected = path.join(scratch.dir, 'corrected.srt');
    const thirdSrt = readFileSync(third!.outputs!.srt!, 'utf8');
    const cues = srtTimes(thirdSrt).map(([start, end], i) => ({
      start,
      end,
      text: i === 0 ? 'Corrected by the lecturer' : `Line ${i + 1}`,
    }));
    writeFileSync(corrected, toSrt(cues));
    expect((await runLectern(['edit', String(third!.id), '--subtitles', corrected], env)).code).toBe(0);

    const render = await runLectern(['render', '1', '--json'], env);
    expect(render.code).toBe(0);
    expect((JSON.parse(render.stdout) as { rendered: number[] }).rendered.sort()).toEqual(
      [second!.id, third!.id].sort(),
    );
    const after = mtimes();
    for (const clip of before) {
      const changed = clip.id === second!.id || clip.id === third!.id;
      expect(after.get(clip.id) !== original.get(clip.id), `clip ${clip.id}`).toBe(changed);
    }
    expect(probeFile(second!.outputs!.video).durationSec).toBeCloseTo(second!.end - 3 - second!.start, 0);
    expect(readFileSync(third!.outputs!.srt!, 'utf8')).toContain('Corrected by the lecturer');

    const again = await runLectern(['render', '1', '--json'], env);
    expect((JSON.parse(again.stdout) as { rendered: number[] }).rendered).toEqual([]);
  }, 300_000);
});

describe('lectern process on a video with captions, cropped to 9:16 with soft subtitles', () => {
  it('writes vertical clips with a subtitle track', async () => {
    const scratch = scratchDir();
    const captions = path.join(scratch.dir, 'example.srt');
    // The video's voice speaks with pauses; these cues stand in for its captions, one every 3 s.
    writeFileSync(
      captions,
      toSrt(
        Array.from({ length: 13 }, (_, i) => ({
          start: i * 3 + 0.5,
          end: i * 3 + 2.5,
          text: `Caption number ${i + 1}.`,
        })),
      ),
    );
    const out = path.join(scratch.dir, 'out');
    const result = await runLectern(
      [
        'process',
        media('auto-editor-example', 'example.mp4'),
        '--captions',
        captions,
        '--out',
        out,
        '--aspect',
        '9:16',
        '--subtitles',
        'soft',
        '--length',
        '10-20',
        '--json',
      ],
      { LECTERN_DATA_DIR: path.join(scratch.dir, 'data') },
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const manifest = manifestSchema.parse(JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')));
    expect(manifest.clips.length).toBeGreaterThan(0);
    for (const clip of manifest.clips) {
      const probe = probeFile(path.join(out, clip.file));
      const video = probe.streams.find((s) => s.codec_type === 'video');
      expect(video?.codec_name).toBe('h264');
      expect(video!.height! / video!.width!).toBeCloseTo(16 / 9, 1);
      expect(probe.streams.find((s) => s.codec_type === 'subtitle')?.codec_name).toBe('mov_text');
      const srt = readFileSync(path.join(out, clip.subtitles.srt), 'utf8');
      expect(srt).toMatch(/Caption number \d+\./);
    }
    scratch.cleanup();
  }, 300_000);
});

describe('lectern process without render flags', () => {
  it('renders as Settings say (square, soft subtitles), and a flag still wins for its own setting', async () => {
    const scratch = scratchDir();
    const dataDir = path.join(scratch.dir, 'data');
    mkdirSync(dataDir, { recursive: true });
    const clips = { ...defaultAppSettings.clips, render: { aspect: '1:1', subtitles: 'soft', loudnorm: false } };
    writeFileSync(path.join(dataDir, 'settings.json'), JSON.stringify({ clips }));
    const captions = path.join(scratch.dir, 'example.srt');
    writeFileSync(
      captions,
      toSrt(Array.from({ length: 13 }, (_, i) => ({ start: i * 3 + 0.5, end: i * 3 + 2.5, text: `Line ${i + 1}.` }))),
    );
    const out = path.join(scratch.dir, 'out');
    const args = ['process', media('auto-editor-example', 'example.mp4'), '--captions', captions, '--out', out];
    const result = await runLectern([...args, '--subtitles', 'none', '--length', '10-20', '--json'], {
      LECTERN_DATA_DIR: dataDir,
    });
    expect(result.code).toBe(0);
    const manifest = manifestSchema.parse(JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')));
    expect(manifest.clips.length).toBeGreaterThan(0);
    for (const clip of manifest.clips) {
      const probe = probeFile(path.join(out, clip.file));
      const video = probe.streams.find((s) => s.codec_type === 'video');
      expect(video!.width).toBe(video!.height);
      // Settings said soft subtitles; --subtitles none on the command line wins.
      expect(probe.streams.some((s) => s.codec_type === 'subtitle')).toBe(false);
    }
    scratch.cleanup();
  }, 300_000);
});
