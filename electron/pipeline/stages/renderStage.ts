import { existsSync, mkdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { asc, eq } from 'drizzle-orm';
import type { ContentSegment, Highlight } from '../../../shared/domain/analysis.ts';
import type { MediaInfo } from '../../../shared/domain/media.ts';
import type { Sentence } from '../../../shared/domain/transcript.ts';
import { LecternError } from '../../../shared/errors.ts';
import { getJob } from '../../db/jobsRepo.ts';
import type { LecternDb } from '../../db/open.ts';
import { clips, contentSegments, layoutAnalyses } from '../../db/schema/index.ts';
import { clipFilePaths } from '../clips/clipFiles.ts';
import { moveRenumberedClips } from '../clips/moveClipFiles.ts';
import { clipCues, currentClipHash, renderSettingsOf, transcriptSentences } from '../clips/clipInputs.ts';
import { defineStage, type StageContext } from '../engine/stage.ts';
import { writeFileAtomic } from '../export/atomicWrite.ts';
import type { ExportedClip } from '../export/manifest.ts';
import { writeJobExports } from '../export/writeExports.ts';
import { clipOutputSize, type LayoutRegions } from '../render/crop.ts';
import { renderClip, type ClipSubtitles } from '../render/renderClip.ts';
import { assStyleOptions, toAss } from '../render/subtitles/ass.ts';
import { toSrt, toVtt } from '../render/subtitles/formats.ts';
import { renderThumbnail } from '../render/thumbnail.ts';
import { checkOutputFolder } from '../validate/source.ts';

type ClipRow = typeof clips.$inferSelect;

export interface RenderSummary {
  rendered: number[];
  unchanged: number[];
  exports: string[];
}

interface RenderContext {
  ctx: StageContext;
  media: MediaInfo;
  sentences: Sentence[];
  regions: LayoutRegions;
  slideChangeTimes: number[];
}

/** Runs `work` over `items`, at most `limit` at a time, in order of start. */
async function eachLimited<T>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      await work(items[index]!, index);
    }
  });
  await Promise.all(lanes);
}

function subtitlesFor(mode: 'burn' | 'soft' | 'none', assPath: string, srtPath: string): ClipSubtitles {
  if (mode === 'burn') return { mode, assPath };
  if (mode === 'soft') return { mode, srtPath };
  return { mode };
}

/**
 * Renders one clip and records it, in its own transaction, as soon as it is done: a crash or cancel mid-way keeps
 * every clip already finished, and the next run starts from the ones that are not.
 */
async function renderOne(
  r: RenderContext,
  clip: ClipRow,
  position: number,
  onProgress: (f: number) => void,
): Promise<void> {
  const { ctx, media } = r;
  const job = getJob(ctx.db, clip.jobId);
  const settings = renderSettingsOf(job);
  const files = clipFilePaths(job.settings.outputDir, position, clip.title);
  const cues = clipCues(clip, r.sentences, settings);
  ctx.db.update(clips).set({ state: 'rendering' }).where(eq(clips.id, clip.id)).run();
  await writeFileAtomic(files.srt, toSrt(cues));
  await writeFileAtomic(files.vtt, toVtt(cues));
  const size = clipOutputSize(media, settings.aspect, r.regions);
  const assPath = path.join(ctx.tempDir, `clip-${clip.id}.ass`);
  if (settings.subtitles === 'burn') {
    const style = assStyleOptions(settings.subtitleStyle);
    await writeFileAtomic(assPath, toAss(cues, { width: size.width, height: size.height, style }));
  }
  await renderClip({
    source: job.sourcePath,
    media,
    start: clip.start,
    end: clip.end,
    outPath: files.video,
    aspect: settings.aspect,
    regions: r.regions,
    subtitles: subtitlesFor(settings.subtitles, assPath, files.srt),
    loudnorm: settings.loudnorm,
    signal: ctx.signal,
    onProgress: (f) => onProgress(f * 0.95),
  });
  await renderThumbnail({
    source: job.sourcePath,
    media,
    start: clip.start,
    end: clip.end,
    outPath: files.thumbnail,
    aspect: settings.aspect,
    regions: r.regions,
    slideChangeTimes: r.slideChangeTimes,
    signal: ctx.signal,
  });
  // A renamed clip leaves its old files behind otherwise.
  const old = clip.outputs;
  if (old && old.video !== files.video) {
    for (const file of [old.video, old.srt, old.vtt, old.thumbnail]) if (file) rmSync(file, { force: true });
  }
  const hash = currentClipHash(ctx.db, clip, r.sentences);
  ctx.db
    .update(clips)
    .set({ state: 'rendered', outputs: files, inputHash: hash, renderedHash: hash, updatedAt: Date.now() })
    .where(eq(clips.id, clip.id))
    .run();
  onProgress(1);
}

function isUpToDate(db: LecternDb, clip: ClipRow, sentences: Sentence[], outputDir: string, position: number): boolean {
  if (clip.state !== 'rendered' || !clip.renderedHash || !clip.outputs) return false;
  const expected = clipFilePaths(outputDir, position, clip.title);
  if (clip.outputs.video !== expected.video) return false;
  if (![expected.video, expected.srt, expected.vtt, expected.thumbnail].every((f) => existsSync(f))) return false;
  return clip.renderedHash === currentClipHash(db, clip, sentences);
}

function segmentIndex(segments: readonly { id: number; start: number; end: number }[], clip: ClipRow): number {
  const byId = segments.findIndex((s) => s.id === clip.segmentId);
  if (byId >= 0) return byId;
  const byTime = segments.findIndex((s) => clip.start >= s.start && clip.start < s.end);
  return Math.max(0, byTime);
}

/**
 * Every highlight to an MP4 with its subtitles and thumbnail, then the job's exports. Only clips whose inputs changed
 * since their last render (range, subtitle text, settings, the recording itself) are rendered again.
 */
export const renderStage = defineStage<RenderSummary>({
  name: 'render',
  weight: 12,
  async run(ctx) {
    const job = getJob(ctx.db, ctx.job.id);
    if (!job.media) throw new LecternError('internal', 'The recording has not been probed.');
    const media = job.media;
    const outputDir = job.settings.outputDir;
    checkOutputFolder(path.join(outputDir, 'clips'));
    mkdirSync(path.join(outputDir, 'clips'), { recursive: true });
    const layout = ctx.db.select().from(layoutAnalyses).where(eq(layoutAnalyses.jobId, job.id)).get();
    const r: RenderContext = {
      ctx,
      media,
      sentences: transcriptSentences(ctx.db, job.id),
      regions: { screenRegion: layout?.screenRegion ?? null, cameraRegion: layout?.cameraRegion ?? null },
      slideChangeTimes: layout?.slideChanges.map((c) => c.time) ?? [],
    };
    const listed = () => ctx.db.select().from(clips).where(eq(clips.jobId, job.id)).orderBy(asc(clips.start)).all();
    const moved = moveRenumberedClips(ctx.db, listed(), r.sentences, outputDir);
    if (moved.length > 0)
      ctx.note('info', `Renamed the files of ${moved.length} clip(s) whose place or title changed.`);
    const rows = listed();
    const stale = rows
      .map((clip, position) => ({ clip, position }))
      .filter(({ clip, position }) => !isUpToDate(ctx.db, clip, r.sentences, outputDir, position));
    const fractions = stale.map(() => 0);
    const report = () => ctx.progress((fractions.reduce((a, b) => a + b, 0) / Math.max(1, stale.length)) * 0.95);
    // One FFmpeg per core at most: each already encodes with several threads.
    await eachLimited(stale, os.availableParallelism(), async ({ clip, position }, i) => {
      try {
        const started = Date.now();
        await renderOne(r, clip, position, (f) => {
          fractions[i] = f;
          report();
        });
        const seconds = ((Date.now() - started) / 1000).toFixed(1);
        ctx.note('info', `Rendered clip ${position + 1} of ${rows.length}, "${clip.title}", in ${seconds} s.`);
      } catch (error) {
        ctx.db.update(clips).set({ state: 'failed' }).where(eq(clips.id, clip.id)).run();
        throw error;
      }
    });
    const exports = await writeExports(ctx, job.id, media, r.sentences);
    ctx.note(
      'info',
      `Rendered ${stale.length} clip(s); ${rows.length - stale.length} unchanged. Files are in ${outputDir}.`,
    );
    return {
      rendered: stale.map((s) => s.clip.id),
      unchanged: rows.filter((c) => !stale.some((s) => s.clip.id === c.id)).map((c) => c.id),
      exports,
    };
  },
  commit(_tx, _job, summary) {
    return { rendered: summary.rendered.length, unchanged: summary.unchanged.length, exports: summary.exports.length };
  },
});

async function writeExports(
  ctx: StageContext,
  jobId: number,
  media: MediaInfo,
  sentences: Sentence[],
): Promise<string[]> {
  const job = getJob(ctx.db, jobId);
  const segmentRows = ctx.db
    .select()
    .from(contentSegments)
    .where(eq(contentSegments.jobId, jobId))
    .orderBy(asc(contentSegments.position))
    .all();
  const segments: ContentSegment[] = segmentRows.map(({ start, end, title, topic, importance, reasons }) => ({
    start,
    end,
    title,
    topic,
    importance,
    reasons,
  }));
  const rendered = ctx.db.select().from(clips).where(eq(clips.jobId, jobId)).orderBy(asc(clips.start)).all();
  const exported: ExportedClip[] = rendered.flatMap((clip) => {
    const files = clip.outputs;
    if (!files?.srt || !files.vtt || !files.thumbnail) return [];
    const highlight: Highlight = {
      start: clip.start,
      end: clip.end,
      title: clip.title,
      score: clip.score,
      segment: segmentIndex(segmentRows, clip),
    };
    return [{ highlight, files: { clip: files.video, srt: files.srt, vtt: files.vtt, thumbnail: files.thumbnail } }];
  });
  const result = await writeJobExports(job.settings.outputDir, {
    sourcePath: job.sourcePath,
    media,
    title: path.parse(job.sourcePath).name,
    sentences,
    segments,
    clips: exported,
  });
  for (const note of result.notes) ctx.note('info', note);
  return Object.values(result.files).filter((f): f is string => typeof f === 'string');
}
