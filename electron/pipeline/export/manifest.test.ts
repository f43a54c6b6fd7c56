import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ContentSegment, Highlight } from '../../../shared/domain/analysis.ts';
import { buildManifest, manifestJson, manifestSchema, relativeToManifest } from './manifest.ts';

const segments: ContentSegment[] = [
  { start: 0, end: 60, title: 'Work', topic: 'work and energy', importance: 0.6, reasons: ['definition'] },
  {
    start: 60,
    end: 200,
    title: 'Pendulum',
    topic: 'conservation of energy',
    importance: 0.9,
    reasons: ['demo', 'climax'],
  },
];
const highlight: Highlight = { start: 185.35, end: 202.77, title: 'Physics works', score: 0.93, segment: 1 };

describe('buildManifest', () => {
  it('writes exactly the documented shape, with paths relative to the manifest folder', () => {
    const manifest = buildManifest({
      manifestDir: '/jobs/lecture-11',
      sourcePath: '/recordings/Lecture 11.webm',
      durationSec: 203.30000000000001,
      segments,
      clips: [
        {
          highlight,
          files: {
            clip: '/jobs/lecture-11/clips/01-physics-works.mp4',
            srt: '/jobs/lecture-11/clips/01-physics-works.srt',
            vtt: '/jobs/lecture-11/clips/01-physics-works.vtt',
            thumbnail: '/jobs/lecture-11/thumbs/01.jpg',
          },
        },
      ],
    });
    expect(manifestJson(manifest)).toBe(
      JSON.stringify(
        {
          source: 'Lecture 11.webm',
          duration: 203.3,
          clips: [
            {
              file: 'clips/01-physics-works.mp4',
              start: 185.35,
              end: 202.77,
              title: 'Physics works',
              topic: 'conservation of energy',
              score: 0.93,
              reasons: ['demo', 'climax'],
              subtitles: { srt: 'clips/01-physics-works.srt', vtt: 'clips/01-physics-works.vtt' },
              thumbnail: 'thumbs/01.jpg',
            },
          ],
        },
        null,
        2,
      ) + '\n',
    );
    expect(manifestSchema.parse(JSON.parse(manifestJson(manifest)))).toEqual(manifest);
  });

  it('uses / between folders for Windows paths too', () => {
    const manifest = buildManifest({
      manifestDir: 'C:\\Users\\ada\\Lectern\\job 7',
      sourcePath: 'D:\\lectures\\week3.mp4',
      durationSec: 3000,
      segments,
      clips: [
        {
          highlight: { ...highlight, segment: 0 },
          files: {
            clip: 'C:\\Users\\ada\\Lectern\\job 7\\clips\\a.mp4',
            srt: 'C:\\Users\\ada\\Lectern\\job 7\\clips\\a.srt',
            vtt: 'C:\\Users\\ada\\Lectern\\job 7\\clips\\a.vtt',
            thumbnail: 'C:\\Users\\ada\\Lectern\\shared\\a.jpg',
          },
        },
      ],
      pathApi: path.win32,
    });
    expect(manifest.source).toBe('week3.mp4');
    expect(manifest.clips[0]).toMatchObject({
      file: 'clips/a.mp4',
      subtitles: { srt: 'clips/a.srt', vtt: 'clips/a.vtt' },
      thumbnail: '../shared/a.jpg',
      topic: 'work and energy',
      reasons: ['definition'],
    });
    expect(manifestSchema.safeParse(manifest).success).toBe(true);
  });

  it('refuses a highlight whose content segment does not exist', () => {
    const files = { clip: '/j/a.mp4', srt: '/j/a.srt', vtt: '/j/a.vtt', thumbnail: '/j/a.jpg' };
    expect(() =>
      buildManifest({
        manifestDir: '/j',
        sourcePath: '/r.mp4',
        durationSec: 10,
        segments,
        clips: [{ highlight: { ...highlight, segment: 5 }, files }],
      }),
    ).toThrow(/content segment 5/);
  });
});

describe('relativeToManifest', () => {
  it('rejects paths that cannot be made relative', () => {
    expect(() => relativeToManifest('jobs', '/jobs/a.mp4')).toThrow(/absolute/);
    expect(() => relativeToManifest('C:\\job', 'D:\\clips\\a.mp4', path.win32)).toThrow(/relative path/);
    expect(() => relativeToManifest('/job', '/job')).toThrow(/relative path/);
  });
});

describe('manifestSchema', () => {
  const valid = {
    source: 'l.mp4',
    duration: 10,
    clips: [
      {
        file: 'a.mp4',
        start: 1,
        end: 2,
        title: 't',
        topic: 'p',
        score: 0.5,
        reasons: [],
        subtitles: { srt: 'a.srt', vtt: 'a.vtt' },
        thumbnail: 'a.jpg',
      },
    ],
  };

  it('rejects absolute or backslashed paths, scores outside 0..1 and unknown keys', () => {
    expect(manifestSchema.safeParse(valid).success).toBe(true);
    const clip = valid.clips[0];
    const broken = [
      { ...valid, clips: [{ ...clip, file: '/abs/a.mp4' }] },
      { ...valid, clips: [{ ...clip, file: 'C:/a.mp4' }] },
      { ...valid, clips: [{ ...clip, thumbnail: 'thumbs\\a.jpg' }] },
      { ...valid, clips: [{ ...clip, score: 1.2 }] },
      { ...valid, clips: [{ ...clip, extra: true }] },
      { ...valid, sourcePath: '/abs/l.mp4' },
    ];
    for (const manifest of broken) expect(manifestSchema.safeParse(manifest).success).toBe(false);
  });
});
