/**
 * The clips benchmark's measurement, run in its own process (bench/pipeline.ts starts it) so the memory figures are
 * the pipeline's alone: every stage through the job engine, with an in-memory database and a throwaway data and
 * output folder, then each highlight rendered again on its own, by Lectern and by the bare FFmpeg command.
 *
 *   npx tsx bench/pipelineRun.ts <recording> <captions> <repeats>   → prints one JSON line (RunReport)
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { asc, eq } from 'drizzle-orm';
import pino from 'pino';
import type { StageName } from '../shared/domain/stages.ts';
import { inputLimitsSchema, jobSettingsSchema } from '../shared/domain/settings.ts';
import { createJob, getJob, stageRows, type JobRow } from '../electron/db/jobsRepo.ts';
import { closeDatabase, openDatabase, type LecternDb } from '../electron/db/open.ts';
import { clips, layoutAnalyses } from '../electron/db/schema/index.ts';
import { clipCues, renderSettingsOf, transcriptSentences } from '../electron/pipeline/clips/clipInputs.ts';
import { runJob } from '../electron/pipeline/engine/runJob.ts';
import { resolveFfmpegPaths } from '../electron/pipeline/ffmpeg/binaries.ts';
import { readColourTags, untagged } from '../electron/pipeline/render/colour.ts';
import { planClipFrame } from '../electron/pipeline/render/crop.ts';
import { h264EncoderArgs, probeH264Encoder } from '../electron/pipeline/render/encoder.ts';
import { buildRenderArgs } from '../electron/pipeline/render/renderArgs.ts';
import { clipDuration, renderClip, type RenderClipOptions } from '../electron/pipeline/render/renderClip.ts';
import { toAss } from '../electron/pipeline/render/subtitles/ass.ts';
import { pipelineStages } from '../electron/pipeline/stages/index.ts';
import { createWorkerPool } from '../electron/pipeline/workers/pool.ts';
import { defaultWorkerUrl } from '../electron/pipeline/workers/workerUrl.ts';
import type { ClipTiming, RunReport, StageTiming } from './pipeline.ts';

const kbToMb = (kb: number): number => kb / 1024;

/** This process's peak RSS in kB: threads included (worker threads share it), FFmpeg children not. */
function peakRssKb(): number {
  try {
    const hwm = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (hwm) return Number(hwm[1]);
  } catch {
    // Not Linux: getrusage's figure, which only ever grows.
  }
  return process.resourceUsage().maxRSS;
}

/**
 * Linux (≥ 4.0) resets the high-water mark to the current RSS on `echo 5 > /proc/self/clear_refs`
 * (https://docs.kernel.org/filesystems/proc.html, "clear_refs"), so each stage's peak is its own, not the largest
 * of the stages before it. getrusage reads the same mark, so after a reset the whole run's peak is the largest
 * stage peak.
 */
function resetPeakRss(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

/** Reads the peak as each stage ends: runJob reports the job (with its new `stage`) as each stage starts. */
function stagePeakTracker() {
  const peaks = new Map<StageName, number>();
  /** RSS as each stage starts: its peak minus this is what the stage itself added. */
  const starts = new Map<StageName, number>();
  let perStage = true;
  let current: StageName | null = null;
  const close = (): void => {
    if (current) peaks.set(current, peakRssKb());
  };
  return {
    peaks,
    starts,
    get perStage() {
      return perStage;
    },
    onJobUpdated(job: JobRow): void {
      if (job.stage === current) return;
      close();
      perStage = resetPeakRss() && perStage;
      current = job.stage;
      if (current) starts.set(current, process.memoryUsage().rss / 1024);
    },
    finish(): void {
      close();
      current = null;
    },
  };
}

/**
 * CPU seconds used so far by this process (every thread) and by its children that have exited: /proc/self/stat's
 * cutime and cstime, in clock ticks of 1/100 s on Linux (USER_HZ). Null elsewhere. On a busy machine wall times
 * drift with other people's work; CPU time barely does, so it shows whether a difference is real.
 */
function cpuSecondsWithChildren(): number | null {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    // Fields after the parenthesised command name, which may contain spaces: state is field 3, cutime 16, cstime 17.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const own = process.cpuUsage();
    return (own.user + own.system) / 1e6 + (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return null;
  }
}

interface Timing {
  wallSec: number;
  cpuSec: number | null;
}

async function timed(work: () => Promise<unknown>): Promise<Timing> {
  const cpuBefore = cpuSecondsWithChildren();
  const started = performance.now();
  await work();
  const wallSec = (performance.now() - started) / 1000;
  const cpuAfter = cpuSecondsWithChildren();
  return { wallSec, cpuSec: cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore };
}

/**
 * The bare FFmpeg command: the very arguments Lectern builds (same cut, filters, ASS file, encoder, audio, muxer),
 * plus the flags anyone scripting FFmpeg passes (-nostdin, -nostats, -hide_banner). Left out is only what Lectern
 * adds around the encode: `-progress pipe:1` and its parser, the colour ffprobe, the encoder probe, the partial
 * file renamed into place, the registry that lets cancel kill it.
 */
function runBareFfmpeg(args: readonly string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(resolveFfmpegPaths().ffmpeg, ['-hide_banner', '-nostdin', '-nostats', ...args], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-4000)));
    child.once('error', reject);
    child.once('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`bare ffmpeg exited ${code}: ${stderr}`)),
    );
  });
}

/**
 * Each highlight rendered again, alone on the machine, exactly as the render stage rendered it (same ASS, regions,
 * settings), once through renderClip and once as the bare command, `repeats` times each, alternating which goes
 * first so neither always gets the warmer cache. The encoder probe and colour ffprobe are memoised per process, so
 * here they are already warm; their one-time cost is in the render stage, outside the clips' encoding windows.
 */
async function measureClipRenders(
  db: LecternDb,
  jobId: number,
  scratch: string,
  repeats: number,
): Promise<ClipTiming[]> {
  const job = getJob(db, jobId);
  const media = job.media;
  if (!media) throw new Error('the job was not probed');
  const settings = renderSettingsOf(job);
  if (settings.subtitles !== 'burn') throw new Error('the bench renders with burnt-in subtitles (the default)');
  const layout = db.select().from(layoutAnalyses).where(eq(layoutAnalyses.jobId, jobId)).get();
  const regions = { screenRegion: layout?.screenRegion ?? null, cameraRegion: layout?.cameraRegion ?? null };
  const sentences = transcriptSentences(db, jobId);
  const { encoder } = await probeH264Encoder();
  const colour = media.video ? await readColourTags(job.sourcePath, media.video.index) : untagged;
  const frame = planClipFrame(media.video, settings.aspect, regions);
  const rows = db.select().from(clips).where(eq(clips.jobId, jobId)).orderBy(asc(clips.start)).all();
  const timings: ClipTiming[] = [];
  for (const [position, clip] of rows.entries()) {
    const assPath = path.join(scratch, `clip-${position + 1}.ass`);
    writeFileSync(assPath, toAss(clipCues(clip, sentences, settings), frame.output));
    const lecternOut = path.join(scratch, `lectern-${position + 1}.mp4`);
    const bareOut = path.join(scratch, `bare-${position + 1}.mp4`);
    const options: RenderClipOptions = {
      source: job.sourcePath,
      media,
      start: clip.start,
      end: clip.end,
      outPath: lecternOut,
      aspect: settings.aspect,
      regions,
      subtitles: { mode: 'burn', assPath },
      loudnorm: settings.loudnorm,
      encoder,
    };
    const durationSec = clipDuration(options);
    const bareArgs = buildRenderArgs({
      source: job.sourcePath,
      media,
      startSec: clip.start,
      durationSec,
      frame,
      subtitles: options.subtitles,
      loudnorm: settings.loudnorm,
      encoder: h264EncoderArgs(encoder, { ...frame.output, durationSec }),
      colour,
      outPath: bareOut,
    });
    const lectern: Timing[] = [];
    const bare: Timing[] = [];
    for (let round = 0; round < repeats; round++) {
      const lecternFirst = (position + round) % 2 === 0;
      const runLectern = async () => lectern.push(await timed(() => renderClip(options)));
      const runBare = async () => bare.push(await timed(() => runBareFfmpeg(bareArgs)));
      for (const run of lecternFirst ? [runLectern, runBare] : [runBare, runLectern]) await run();
    }
    timings.push({
      position: position + 1,
      title: clip.title,
      start: clip.start,
      durationSec,
      video: clip.outputs?.video ?? null,
      lectern,
      bare,
      bareArgs,
      lecternBytes: statSync(lecternOut).size,
      bareBytes: statSync(bareOut).size,
    });
  }
  return timings;
}

async function main(): Promise<void> {
  const [recording, captions, repeatsArg] = process.argv.slice(2);
  if (!recording || !captions) throw new Error('usage: pipelineRun.ts <recording> <captions> [repeats]');
  const repeats = Math.max(1, Number(repeatsArg ?? 3));
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lectern-bench-run-'));
  const db = openDatabase(':memory:');
  const pool = createWorkerPool({ workerUrl: defaultWorkerUrl() });
  try {
    const settings = jobSettingsSchema.parse({ outputDir: path.join(dir, 'out'), captionsPath: captions });
    const job = createJob(db, recording, settings, null);
    const baselineRssMb = kbToMb(peakRssKb());
    const peaks = stagePeakTracker();
    const jobStartedAt = Date.now();
    const started = performance.now();
    const outcome = await runJob(
      job.id,
      {
        db,
        pool,
        logger: pino({ level: 'silent' }),
        stages: pipelineStages,
        limits: inputLimitsSchema.parse({ minFreeBytes: 0 }),
        dataDir: dir,
        jobsDir: path.join(dir, 'jobs'),
        onJobUpdated: (row) => peaks.onJobUpdated(row),
      },
      new AbortController().signal,
    );
    const wallMs = performance.now() - started;
    const jobFinishedAt = Date.now();
    peaks.finish();
    if (outcome !== 'done') throw new Error(`the job ${outcome}: ${getJob(db, job.id).error?.message ?? ''}`);

    const stages: StageTiming[] = stageRows(db, job.id).map((row) => ({
      stage: row.stage,
      durationMs: row.durationMs ?? 0,
      startedAt: row.startedAt,
      finishedAt: row.finishedAt ?? row.startedAt,
      startRssMb: kbToMb(peaks.starts.get(row.stage) ?? 0),
      peakRssMb: kbToMb(peaks.peaks.get(row.stage) ?? 0),
    }));
    const scratch = path.join(dir, 'alone');
    mkdirSync(scratch, { recursive: true });
    const report: RunReport = {
      wallMs,
      jobStartedAt,
      jobFinishedAt,
      baselineRssMb,
      peakRssPerStage: peaks.perStage,
      stages,
      encoder: (await probeH264Encoder()).encoder,
      clips: await measureClipRenders(db, job.id, scratch, repeats),
    };
    console.log(JSON.stringify(report));
  } finally {
    await pool.close();
    closeDatabase(db);
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
