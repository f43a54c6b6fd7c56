import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ContentSegment } from '../../../shared/domain/analysis.ts';
import type { MediaInfo } from '../../../shared/domain/media.ts';
import { isLecternError } from '../../../shared/errors.ts';
import { media } from '../../../test/env.ts';
import { writeFileAtomic } from './atomicWrite.ts';
import { youtubeChapters } from './chapters.ts';
import { highlightsEdl } from './edl.ts';
import { loadWhisperSentences } from './fixtures/whisperTranscript.ts';
import { manifestSchema } from './manifest.ts';
import { transcriptSrt } from './transcriptFiles.ts';
import { writeJobExports, type JobExportInput } from './writeExports.ts';

const sourcePath = media('physicsworks-lecture', 'physicsworks_audio.webm');
const lectureMedia: MediaInfo = {
  container: 'matroska,webm',
  durationSec: 203.3,
  sizeBytes: 1_000_000,
  bitRate: 39_000,
  audio: { index: 0, codec: 'opus', sampleRate: 48000, channels: 1, language: null },
  video: null,
  subtitles: [],
};
const segments: ContentSegment[] = [
  { start: 0, end: 46, title: 'Work done lifting a mass', topic: 'work', importance: 0.6, reasons: ['definition'] },
  {
    start: 47.65,
    end: 96.2,
    title: 'Wrecking balls',
    topic: 'energy conversion',
    importance: 0.5,
    reasons: ['example'],
  },
  {
    start: 98.4,
    end: 203.3,
    title: 'Betting my life on it',
    topic: 'conservation',
    importance: 0.9,
    reasons: ['demo'],
  },
];

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'lectern-exports-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function jobInput(outDir: string, segmentList = segments): JobExportInput {
  const files = (name: string) => ({
    clip: path.join(outDir, 'clips', `${name}.mp4`),
    srt: path.join(outDir, 'clips', `${name}.srt`),
    vtt: path.join(outDir, 'clips', `${name}.vtt`),
    thumbnail: path.join(outDir, 'clips', `${name}.jpg`),
  });
  return {
    sourcePath,
    media: lectureMedia,
    title: 'Physics Works',
    sentences: loadWhisperSentences(media('physicsworks-lecture', 'whisper_medium_words.json')),
    segments: segmentList,
    clips: [
      { highlight: { start: 0, end: 15.4, title: 'Lifting 15 kg', score: 0.7, segment: 0 }, files: files('01') },
      {
        highlight: { start: 185.35, end: 202.77, title: 'Physics works', score: 0.95, segment: 2 },
        files: files('02'),
      },
    ],
  };
}

describe('writeJobExports', () => {
  it('writes every export, complete, with no temporary files left', async () => {
    const outDir = path.join(dir, 'job');
    const input = jobInput(outDir);
    const { files, notes } = await writeJobExports(outDir, input);

    expect(Object.values(files).map((file) => file && path.basename(file))).toEqual([
      'manifest.json',
      'transcript.srt',
      'transcript.vtt',
      'chapters.txt',
      'chapters.ffmetadata',
      'highlights.edl',
      'highlights.fcpxml',
    ]);
    expect((await readdir(outDir)).sort()).toEqual(
      Object.values(files)
        .map((f) => path.basename(f ?? ''))
        .sort(),
    );

    const manifest = manifestSchema.parse(JSON.parse(await readFile(files.manifest, 'utf8')));
    expect(manifest.source).toBe('physicsworks_audio.webm');
    expect(manifest.clips.map((clip) => [clip.file, clip.topic])).toEqual([
      ['clips/01.mp4', 'work'],
      ['clips/02.mp4', 'conservation'],
    ]);
    expect(await readFile(files.transcriptSrt, 'utf8')).toBe(transcriptSrt(input.sentences, input.media.durationSec));
    expect(await readFile(files.youtubeChapters ?? '', 'utf8')).toBe(
      '0:00 Work done lifting a mass\n0:47 Wrecking balls\n1:38 Betting my life on it\n',
    );
    expect(await readFile(files.edl, 'utf8')).toBe(
      highlightsEdl({ ...input, highlights: input.clips.map((clip) => clip.highlight) }),
    );
    expect(await readFile(files.fcpxml, 'utf8')).toContain('<fcpxml version="1.9">');
    expect(notes).toEqual(['The recording has no video, so the edit lists use a 25 fps timeline.']);
  });

  it('removes an earlier chapters.txt when the lecture can no longer have YouTube chapters', async () => {
    await writeJobExports(dir, jobInput(dir));
    const twoChapters = segments.slice(0, 2).map((s, i) => (i === 1 ? { ...s, end: 203.3 } : s));
    const input = { ...jobInput(dir, twoChapters), clips: jobInput(dir).clips.slice(0, 1) };
    const { files, notes } = await writeJobExports(dir, input);
    expect(files.youtubeChapters).toBeNull();
    expect(await readdir(dir)).not.toContain('chapters.txt');
    expect(notes).toContain(youtubeChapters(twoChapters, 203.3).adjustments.at(-1));
  });

  it('reports a folder it cannot write as output-unwritable', async () => {
    const blocker = path.join(dir, 'not-a-folder');
    await writeFile(blocker, 'x');
    const error = await writeJobExports(blocker, jobInput(blocker)).catch((caught: unknown) => caught);
    expect(isLecternError(error) && error.code).toBe('output-unwritable');
  });
});

describe('writeFileAtomic', () => {
  it('replaces a file whole and leaves nothing behind when it cannot write', async () => {
    const target = path.join(dir, 'manifest.json');
    await writeFile(target, 'old');
    await writeFileAtomic(target, 'new');
    expect(await readFile(target, 'utf8')).toBe('new');
    await expect(writeFileAtomic(path.join(dir, 'missing', 'x.json'), 'data')).rejects.toThrow(/ENOENT/);
    expect(await readdir(dir)).toEqual(['manifest.json']);
  });

  it('cleans up its temporary file when the rename fails', async () => {
    // Renaming a file over a non-empty folder fails after the temporary file was written.
    const target = path.join(dir, 'occupied');
    await mkdir(path.join(target, 'child'), { recursive: true });
    await expect(writeFileAtomic(target, 'data')).rejects.toThrow();
    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});
