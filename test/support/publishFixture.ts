import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import ffmpeg from '@ffmpeg-installer/ffmpeg';
import { jobSettingsSchema } from '../../shared/domain/settings.ts';
import { createJob, updateJob } from '../../electron/db/jobsRepo.ts';
import type { LecternDb } from '../../electron/db/open.ts';
import { clips, contentSegments } from '../../electron/db/schema/index.ts';
import { clipFilePaths } from '../../electron/pipeline/clips/clipFiles.ts';
import { buildManifest, manifestJson } from '../../electron/pipeline/export/manifest.ts';
import { media } from '../env.ts';
import { toSrt } from './captions.ts';

const run = promisify(execFile);

/**
 * A high-bitrate H.264/AAC clip cut from a real recording: constant 20 Mbit/s (x264 CBR with filler), so 12 s make
 * about 30 MB — large enough for a multipart upload of several 8 MB parts.
 */
export async function renderLargeClip(outPath: string, seconds = 12): Promise<void> {
  mkdirSync(path.dirname(outPath), { recursive: true });
  await run(ffmpeg.path, [
    ...['-hide_banner', '-loglevel', 'error', '-y'],
    ...['-i', media('auto-editor-example', 'example.mp4'), '-t', String(seconds)],
    ...['-c:v', 'libx264', '-preset', 'ultrafast', '-b:v', '20M', '-minrate', '20M', '-maxrate', '20M'],
    ...['-bufsize', '4M', '-x264-params', 'nal-hrd=cbr', '-c:a', 'aac', '-movflags', '+faststart', outPath],
  ]);
}

async function renderSmallClip(outPath: string, thumbnail: string): Promise<void> {
  const input = ['-i', media('auto-editor-example', 'example.mp4')];
  await run(ffmpeg.path, [
    ...['-hide_banner', '-loglevel', 'error', '-y', '-ss', '20', ...input, '-t', '3'],
    ...['-vf', 'scale=320:-2', '-c:v', 'libx264', '-preset', 'ultrafast', '-c:a', 'aac', outPath],
  ]);
  await run(ffmpeg.path, [
    ...['-hide_banner', '-loglevel', 'error', '-y', '-ss', '21', ...input],
    ...['-frames:v', '1', '-vf', 'scale=320:-2', thumbnail],
  ]);
}

export interface PublishableJob {
  jobId: number;
  outputDir: string;
  /** The large clip's MP4 (uploaded in parts). */
  largeClip: string;
  /** Every file publishing uploads, the manifest aside. */
  files: string[];
}

/**
 * A finished job as the render stage leaves it — two rendered clips (one ~30 MB, one small with a non-ASCII title),
 * their .srt/.vtt/.jpg, manifest.json — written straight into `db`, so publishing tests need no pipeline run.
 */
export async function createPublishableJob(db: LecternDb, outputDir: string): Promise<PublishableJob> {
  const settings = jobSettingsSchema.parse({ outputDir });
  const job = createJob(db, path.join(outputDir, '..', 'Physics 101 – Energy.mp4'), settings, null);
  updateJob(db, job.id, { status: 'done' });
  const segments = [
    { start: 0, end: 40, title: 'Work', topic: 'Work and energy', importance: 0.9, reasons: ['slide change'] },
    { start: 40, end: 90, title: 'Énergie', topic: 'Énergie potentielle — ½mv²', importance: 0.8, reasons: ['pause'] },
  ];
  const segmentIds = segments.map(
    (segment, position) =>
      db
        .insert(contentSegments)
        .values({ jobId: job.id, position, ...segment })
        .returning()
        .get().id,
  );
  const highlights = [
    { start: 2, end: 14, title: 'Work is force times distance', score: 0.91, segment: 0 },
    { start: 50, end: 53, title: 'Énergie potentielle: ½mv² ≠ mgh', score: 0.77, segment: 1 },
  ];
  const exported = [];
  const files: string[] = [];
  for (const [position, highlight] of highlights.entries()) {
    const paths = clipFilePaths(outputDir, position, highlight.title);
    if (position === 0) {
      await renderLargeClip(paths.video);
      await run(ffmpeg.path, [
        '-hide_banner',
        '-loglevel',
        'error',
        '-y',
        '-i',
        paths.video,
        '-frames:v',
        '1',
        paths.thumbnail,
      ]);
    } else {
      await renderSmallClip(paths.video, paths.thumbnail);
    }
    const cues = [{ start: 0, end: 2.5, text: highlight.title }];
    writeFileSync(paths.srt, toSrt(cues));
    writeFileSync(paths.vtt, `WEBVTT\n\n00:00:00.000 --> 00:00:02.500\n${highlight.title}\n`);
    db.insert(clips)
      .values({
        jobId: job.id,
        segmentId: segmentIds[highlight.segment]!,
        state: 'rendered',
        start: highlight.start,
        end: highlight.end,
        title: highlight.title,
        score: highlight.score,
        outputs: paths,
      })
      .run();
    files.push(paths.video, paths.srt, paths.vtt, paths.thumbnail);
    exported.push({
      highlight,
      files: { clip: paths.video, srt: paths.srt, vtt: paths.vtt, thumbnail: paths.thumbnail },
    });
  }
  const manifest = buildManifest({
    manifestDir: outputDir,
    sourcePath: job.sourcePath,
    durationSec: 90,
    segments,
    clips: exported,
  });
  writeFileSync(path.join(outputDir, 'manifest.json'), manifestJson(manifest));
  return { jobId: job.id, outputDir, largeClip: clipFilePaths(outputDir, 0, highlights[0]!.title).video, files };
}
