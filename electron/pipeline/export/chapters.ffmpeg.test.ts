import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import ffmpeg from '@ffmpeg-installer/ffmpeg';
import ffprobe from '@ffprobe-installer/ffprobe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { ContentSegment } from '../../../shared/domain/analysis.ts';
import { media } from '../../../test/env.ts';
import { escapeFfmetadata, ffmetadataChapters } from './chapters.ts';

const run = promisify(execFile);

const probedChapters = z.object({
  chapters: z.array(
    z.object({
      start_time: z.string(),
      end_time: z.string(),
      tags: z.object({ title: z.string() }).partial().optional(),
    }),
  ),
});

function segment(start: number, end: number, title: string): ContentSegment {
  return { start, end, title, topic: '', importance: 0.5, reasons: [] };
}

/** jfk.mp3 is 11 s; the titles carry every character the metadata format reserves. */
const segments = [
  segment(0, 3.5, 'And so, my fellow Americans'),
  segment(3.5, 7.25, 'Ask not = what; your #country'),
  segment(7.25, 11, 'C:\\can do\\ for you'),
];

describe('chapters.ffmetadata applied by the bundled FFmpeg', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'lectern-chapters-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  // The iPod muxer behind .m4a cannot hold MP3, so that case re-encodes the audio; chapters are the same.
  it.each([
    ['mp4', ['-c', 'copy']],
    ['m4a', ['-c:a', 'aac']],
  ])('puts the chapters into a .%s with -map_metadata 1, titles intact', async (ext, codec) => {
    const chaptersFile = path.join(dir, 'chapters.ffmetadata');
    await writeFile(chaptersFile, ffmetadataChapters(segments, 11));
    const out = path.join(dir, `jfk.${ext}`);
    const source = media('jfk', 'jfk.mp3');
    const args = ['-v', 'error', '-y', '-i', source, '-i', chaptersFile, '-map', '0:a', '-map_metadata', '1'];
    await run(ffmpeg.path, [...args, ...codec, out]);
    const { stdout } = await run(ffprobe.path, ['-v', 'error', '-show_chapters', '-print_format', 'json', out]);
    const { chapters } = probedChapters.parse(JSON.parse(stdout));
    expect(chapters.map((chapter) => chapter.tags?.title)).toEqual(segments.map((s) => s.title));
    expect(chapters.map((chapter) => Number(chapter.start_time))).toEqual([0, 3.5, 7.25]);
    expect(chapters.map((chapter) => Number(chapter.end_time))).toEqual([3.5, 7.25, 11]);
  });

  // Chapter titles are one line, so the newline case goes through the escaping alone: unescaped, the `#` line
  // after it would be read as a comment and the backslash would vanish.
  it('round-trips a value with a newline and a line-leading # through escapeFfmetadata', async () => {
    const title = 'first line\n#second; = \\ end';
    const chaptersFile = path.join(dir, 'newline.ffmetadata');
    await writeFile(
      chaptersFile,
      `;FFMETADATA1\n[CHAPTER]\nTIMEBASE=1/1000\nSTART=0\nEND=11000\ntitle=${escapeFfmetadata(title)}\n`,
    );
    const out = path.join(dir, 'newline.mp4');
    const args = ['-v', 'error', '-y', '-i', media('jfk', 'jfk.mp3'), '-i', chaptersFile, '-map', '0:a'];
    await run(ffmpeg.path, [...args, '-map_metadata', '1', '-c', 'copy', out]);
    const { stdout } = await run(ffprobe.path, ['-v', 'error', '-show_chapters', '-print_format', 'json', out]);
    expect(probedChapters.parse(JSON.parse(stdout)).chapters.map((chapter) => chapter.tags?.title)).toEqual([title]);
  });
});
