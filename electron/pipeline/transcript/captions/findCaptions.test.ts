import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { media } from '../../../../test/env.ts';
import { FfmpegError } from '../../ffmpeg/errors.ts';
import { extractEmbeddedSubtitles, findSidecarCaptions, listSidecarCaptions } from './findCaptions.ts';

const movText = media('auto-editor-example', 'mov_text.mp4');

describe('listSidecarCaptions', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'lectern-sidecar-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function touch(...names: string[]): Promise<void> {
    for (const name of names) await writeFile(path.join(dir, name), '');
  }

  it('prefers captions without a language, then English, then other tags, then other languages', async () => {
    await touch(
      'Lecture 1.mp4',
      'Lecture 1.de.vtt',
      'Lecture 1.final.srt',
      'Lecture 1.en.VTT',
      'Lecture 1.en.srt',
      'Lecture 1.vtt',
      'Lecture 1.SRT',
      'Lecture 10.srt',
      'Lecture 1.txt',
      'Other.srt',
    );
    const found = await listSidecarCaptions(path.join(dir, 'Lecture 1.mp4'));
    expect(found.map((c) => [path.basename(c.path), c.language])).toEqual([
      ['Lecture 1.SRT', null],
      ['Lecture 1.vtt', null],
      ['Lecture 1.en.srt', 'en'],
      ['Lecture 1.en.VTT', 'en'],
      ['Lecture 1.final.srt', null],
      ['Lecture 1.de.vtt', 'de'],
    ]);
  });

  it('takes English over other languages when there is no untagged file', async () => {
    await touch('Talk.mkv', 'Talk.fr.vtt', 'Talk.en-US.vtt');
    expect(await findSidecarCaptions(path.join(dir, 'Talk.mkv'))).toEqual({
      path: path.join(dir, 'Talk.en-US.vtt'),
      language: 'en-US',
    });
  });

  it('finds nothing when there are no captions or no folder', async () => {
    await touch('Talk.mkv', 'Talk.json', 'Talking.srt');
    expect(await findSidecarCaptions(path.join(dir, 'Talk.mkv'))).toBeNull();
    expect(await listSidecarCaptions(path.join(dir, 'missing', 'Talk.mkv'))).toEqual([]);
  });
});

describe('extractEmbeddedSubtitles', () => {
  it('reads the mov_text track of a real MP4', async () => {
    expect(await extractEmbeddedSubtitles(movText, 2)).toEqual([
      { start: 0.523, end: 1.016, text: 'oop', words: null },
      { start: 1.523, end: 1.916, text: 'boop', words: null },
    ]);
  });

  it('fails with FFmpeg’s reason for a stream that is not text subtitles', async () => {
    await expect(extractEmbeddedSubtitles(movText, 0)).rejects.toBeInstanceOf(FfmpegError);
  });

  it('stops when cancelled', async () => {
    await expect(extractEmbeddedSubtitles(movText, 2, { signal: AbortSignal.abort() })).rejects.toMatchObject({
      code: 'cancelled',
    });
  });
});
