import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MediaInfo } from '../../../shared/domain/media.ts';
import { media } from '../../../test/env.ts';
import { probeMedia } from '../ffmpeg/probe.ts';
import { spawnFfmpegStream } from '../ffmpeg/run.ts';
import { grayFrame, meanDifference, probeFile } from './fixtures/inspect.ts';
import { renderThumbnail, thumbnailTime } from './thumbnail.ts';

const examplePath = media('auto-editor-example', 'example.mp4');
const lecturePath = media('physicsworks-lecture', 'physicsworks_audio.webm');
const work = mkdtempSync(path.join(tmpdir(), 'lectern-thumbnail-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let example: MediaInfo;
let lecture: MediaInfo;
beforeAll(async () => {
  [example, lecture] = await Promise.all([probeMedia(examplePath), probeMedia(lecturePath)]);
});

describe('thumbnailTime', () => {
  it('takes the first slide change inside the clip, else a third of the way in', () => {
    expect(thumbnailTime(10, 40, [])).toBe(20);
    expect(thumbnailTime(10, 40, [55, 25, 12, 5])).toBe(12);
    // Changes at the very edges are fades into or out of the clip.
    expect(thumbnailTime(10, 40, [10.2, 39.9])).toBe(20);
  });
});

describe('renderThumbnail', () => {
  it('writes a 640-wide JPEG of the cropped frame at the chosen moment, through a temporary name', async () => {
    const outPath = path.join(work, 'vertical.jpg');
    const thumbnail = await renderThumbnail({
      source: examplePath,
      media: example,
      start: 10,
      end: 16,
      outPath,
      aspect: '9:16',
      slideChangeTimes: [3, 12],
    });
    expect(thumbnail.timeSec).toBe(12);
    const probe = await probeFile(outPath);
    expect(probe.streams[0]).toMatchObject({ codec_name: 'mjpeg', width: 640, height: 1140 });
    expect(readdirSync(work)).toEqual(['vertical.jpg']);
  });

  it('shows the source frame at that moment, in the right colours', async () => {
    const outPath = path.join(work, 'original.jpg');
    await renderThumbnail({ source: examplePath, media: example, start: 10, end: 16, outPath, aspect: 'original' });
    // 12.0 s is frame 360; the thumbnail's timecode must be that frame's, not the next second's.
    const corner = (file: string, crop: string, frameNumber?: number): Promise<Uint8Array> =>
      grayFrame(file, { crop, ...(frameNumber === undefined ? {} : { frameNumber }) });
    const shown = await corner(outPath, '220:50:410:300');
    const atTwelve = await corner(examplePath, '440:100:820:600', 360);
    const atThirteen = await corner(examplePath, '440:100:820:600', 390);
    expect(meanDifference(shown, atTwelve)).toBeLessThan(meanDifference(shown, atThirteen));
    // example.mp4's green is #41D19A in BT.709; untreated, this FFmpeg writes #4EE49A into the JPEG.
    const [red = 0, green = 0, blue = 0] = await rgbAt(outPath, 10, 10);
    expect(Math.abs(red - 0x41) + Math.abs(green - 0xd1) + Math.abs(blue - 0x9a)).toBeLessThanOrEqual(9);
  });

  it('gives an audio-only lecture the dark still its clips use', async () => {
    const outPath = path.join(work, 'audio.jpg');
    await renderThumbnail({ source: lecturePath, media: lecture, start: 30, end: 60, outPath, aspect: '1:1' });
    const probe = await probeFile(outPath);
    expect(probe.streams[0]).toMatchObject({ codec_name: 'mjpeg', width: 640, height: 640 });
  });

  it('leaves nothing behind when it fails', async () => {
    const outPath = path.join(work, 'missing.jpg');
    const gone = path.join(work, 'no such lecture.mp4');
    await expect(
      renderThumbnail({ source: gone, media: example, start: 0, end: 5, outPath, aspect: '1:1' }),
    ).rejects.toThrow();
    expect(existsSync(outPath)).toBe(false);
    expect(readdirSync(work).filter((name) => name.startsWith('missing'))).toEqual([]);
  });
});

/** One pixel as 8-bit RGB, decoded as JPEG is meant to be: BT.601 full range. */
async function rgbAt(file: string, x: number, y: number): Promise<number[]> {
  const stream = spawnFfmpegStream([
    '-i',
    file,
    '-vf',
    `crop=2:2:${x}:${y}`,
    '-f',
    'rawvideo',
    '-pix_fmt',
    'rgb24',
    'pipe:1',
  ]);
  const chunks: Buffer[] = [];
  for await (const chunk of stream.stdout) chunks.push(chunk as Buffer);
  await stream.done;
  return [...Buffer.concat(chunks).subarray(0, 3)];
}
