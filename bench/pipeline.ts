/**
 * The clips benchmark: a whole lecture through every stage, timed per stage, with peak memory, and each clip's
 * rendering beside the bare FFmpeg command for the same cut and style. Printed and saved to
 * bench/results/pipeline.json; figures are reported, never asserted. Targets: rendering ≤ 1.1× the bare command,
 * and the pipeline minus the clips' own encoding ≤ 60 s for a 60-minute lecture on a 2-core machine.
 *
 * The lecture (LECTERN_BENCH_PIPELINE_MINUTES, default 60) is 1280×720 with slides that change where the physics
 * lecture changes topic, a moving camera inset, and the real lecture's speech looped with a pause between passes;
 * its captions are the lecture's Whisper segments, repeated with each pass, so the transcript stage reads captions.
 * It is built once into the system temp folder (a 60-minute build costs ~5 CPU-minutes) and reused.
 *
 *   npx tsx bench/pipeline.ts
 */
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { stageNameSchema } from '../shared/domain/stages.ts';
import { resolveFfmpegPaths } from '../electron/pipeline/ffmpeg/binaries.ts';
import { partialPath } from '../electron/pipeline/render/partialFile.ts';
import { toSrt } from '../test/support/captions.ts';
import { buildLectureVideo } from '../test/support/lectureVideo.ts';
import { watchFfmpegChildren } from './ffmpegChildren.ts';

const repo = path.resolve(import.meta.dirname, '..');
const mediaDir = process.env.LECTERN_MEDIA_DIR ?? path.resolve(repo, '..', 'shared', 'media');
const cacheDir = path.join(os.tmpdir(), 'lectern-bench');
const minutes = Number(process.env.LECTERN_BENCH_PIPELINE_MINUTES ?? 60);
/** Rounds of the alone-on-the-machine re-render per clip; the fastest counts, as noise only ever adds time. */
const repeats = Number(process.env.LECTERN_BENCH_RENDER_REPEATS ?? 3);
const { ffmpeg, ffprobe } = resolveFfmpegPaths();

const stageTimingSchema = z.object({
  stage: stageNameSchema,
  durationMs: z.number(),
  /** Epoch ms, as job_stages stores them: the clock the FFmpeg samples here are taken on. */
  startedAt: z.number(),
  finishedAt: z.number(),
  startRssMb: z.number(),
  peakRssMb: z.number(),
});
const timingSchema = z.object({ wallSec: z.number(), cpuSec: z.number().nullable() });
const clipTimingSchema = z.object({
  position: z.number(),
  title: z.string(),
  start: z.number(),
  durationSec: z.number(),
  /** The file the render stage wrote: its partial name identifies the clip's encoder among the FFmpeg children. */
  video: z.string().nullable(),
  /** Each round's wall time, and CPU time of the process and its FFmpeg together (null where unknown). */
  lectern: z.array(timingSchema),
  bare: z.array(timingSchema),
  /** The bare command as run, after `ffmpeg -hide_banner -nostdin -nostats`. */
  bareArgs: z.array(z.string()),
  lecternBytes: z.number(),
  bareBytes: z.number(),
});
const runReportSchema = z.object({
  wallMs: z.number(),
  jobStartedAt: z.number(),
  jobFinishedAt: z.number(),
  baselineRssMb: z.number(),
  /** False where the peak cannot be reset per stage (not Linux): each stage then shows the peak so far. */
  peakRssPerStage: z.boolean(),
  stages: z.array(stageTimingSchema),
  encoder: z.string(),
  clips: z.array(clipTimingSchema),
});
/** What bench/pipelineRun.ts prints. */
export type RunReport = z.infer<typeof runReportSchema>;
export type StageTiming = z.infer<typeof stageTimingSchema>;
export type ClipTiming = z.infer<typeof clipTimingSchema>;

// ── The lecture ──────────────────────────────────────────────────────────────────────────────────────────────────

const physicsDir = path.join(mediaDir, 'physicsworks-lecture');
/** Silence after each pass of the 203 s excerpt: the lecturer stopping before the next part. */
const pauseSec = 4;
/**
 * Where the excerpt changes topic, in seconds into a pass (from its Whisper segments): the wrecking ball at 47.6,
 * the bet on the lecturer's life at 83.9, the countdown at 162.4. A lecturer clicks to the next slide in the pause
 * just before; a new pass starts on a new slide too.
 */
const slideOffsets = [45.2, 83.5, 161.5];

function durationOf(file: string): number {
  const out = execFileSync(ffprobe, ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', file]);
  return Number(out.toString().trim());
}

/** The excerpt with a pause after it, as mono 48 kHz FLAC: lossless, so looping it adds no second generation loss. */
function speechPass(): { file: string; periodSec: number } {
  const file = path.join(cacheDir, `physics-pass-${pauseSec}s.flac`);
  if (!existsSync(file)) {
    const partial = `${file}.partial.flac`;
    // prettier-ignore
    execFileSync(ffmpeg, [
      '-v', 'error', '-y', '-i', path.join(physicsDir, 'physicsworks_audio.webm'),
      // This FFmpeg (N-47683) predates apad's pad_dur: the pause is given in samples.
      '-af', `aresample=48000,apad=pad_len=${pauseSec * 48000}`, '-ac', '1', '-c:a', 'flac', partial,
    ]);
    renameSync(partial, file);
  }
  return { file, periodSec: durationOf(file) };
}

const whisperSchema = z.object({
  segments: z.array(z.object({ text: z.string(), time_interval: z.object({ start: z.number(), end: z.number() }) })),
});

/** One cue per Whisper segment, repeated with every pass of the audio: captions that match what is said. */
function lectureCaptions(periodSec: number, durationSec: number): string {
  const whisper = readFileSync(path.join(physicsDir, 'whisper_medium_words.json'), 'utf8');
  const segments = whisperSchema.parse(JSON.parse(whisper)).segments;
  const cues = [];
  for (let offset = 0; offset < durationSec; offset += periodSec) {
    for (const s of segments) {
      const start = offset + s.time_interval.start;
      if (start >= durationSec) break;
      cues.push({ start, end: Math.min(durationSec, offset + s.time_interval.end), text: s.text.trim() });
    }
  }
  return toSrt(cues);
}

interface BenchLecture {
  video: string;
  captions: string;
  durationSec: number;
  slides: number;
}

async function benchLecture(): Promise<BenchLecture> {
  mkdirSync(cacheDir, { recursive: true });
  const durationSec = minutes * 60;
  const pass = speechPass();
  const slideTimes: number[] = [];
  for (let offset = 0; offset < durationSec; offset += pass.periodSec) {
    if (offset > 0) slideTimes.push(offset - pauseSec / 2);
    for (const at of slideOffsets) if (offset + at < durationSec) slideTimes.push(offset + at);
  }
  const options = { slideTimes, durationSec, camera: true, audio: pass.file, width: 1280, height: 720 };
  const key = createHash('sha256').update(JSON.stringify(options)).digest('hex').slice(0, 12);
  const video = path.join(cacheDir, `lecture-${minutes}min-${key}.mp4`);
  const captions = path.join(cacheDir, `lecture-${minutes}min-${key}.srt`);
  if (!existsSync(video)) {
    process.stderr.write(`building a ${minutes}-minute 1280×720 lecture (cached in ${cacheDir})…\n`);
    await buildLectureVideo({ ...options, outPath: video });
  }
  writeFileSync(captions, lectureCaptions(pass.periodSec, durationSec));
  return { video, captions, durationSec, slides: slideTimes.length + 1 };
}

// ── The run ──────────────────────────────────────────────────────────────────────────────────────────────────────

async function runPipeline(lecture: BenchLecture) {
  const script = path.join(repo, 'bench', 'pipelineRun.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', script, lecture.video, lecture.captions, String(repeats)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const watch = watchFfmpegChildren(child.pid ?? -1);
  let stdout = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => (stdout += chunk));
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
  const ffmpegs = watch.stop();
  if (code !== 0) throw new Error(`bench/pipelineRun.ts exited with ${code}`);
  const report = runReportSchema.parse(JSON.parse(stdout.trim().split('\n').at(-1) ?? ''));
  return { report, ...ffmpegs };
}

/** Total length of the union of intervals. */
function unionSec(intervals: readonly [number, number][]): number {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  let total = 0;
  let end = -Infinity;
  for (const [from, to] of sorted) {
    if (to <= end) continue;
    total += to - Math.max(from, end);
    end = to;
  }
  return total / 1000;
}

const min = (values: readonly number[]): number => Math.min(...values);
const minOrNull = (values: readonly (number | null)[]): number | null =>
  values.every((v) => v !== null) ? Math.min(...values) : null;
const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);
const fmt = (n: number, digits = 1): string => n.toFixed(digits);
const factor = (n: number): string => `${n >= 100 ? fmt(n, 0) : fmt(n, 1)}×`;

const lecture = await benchLecture();
const loadBefore = os.loadavg()[0] ?? 0;
const { report, runs, samples } = await runPipeline(lecture);
const loadAfter = os.loadavg()[0] ?? 0;
const { stages, clips } = report;
const inJob = (at: number) => at >= report.jobStartedAt && at <= report.jobFinishedAt;
const kbToMb = (kb: number): number => kb / 1024;

const stageRows = stages.map((s) => {
  const overlapping = runs.filter((r) => r.lastSeen >= s.startedAt && r.firstSeen <= s.finishedAt);
  const concurrent = samples.filter((m) => m.at >= s.startedAt && m.at <= s.finishedAt).map((m) => m.rssKb);
  return {
    stage: s.stage,
    wallSec: s.durationMs / 1000,
    realTimeFactor: lecture.durationSec / Math.max(0.001, s.durationMs / 1000),
    nodeStartRssMb: s.startRssMb,
    nodePeakRssMb: s.peakRssMb,
    ffmpegRuns: overlapping.length,
    ffmpegLargestPeakRssMb: kbToMb(Math.max(0, ...overlapping.map((r) => r.peakKb))),
    ffmpegConcurrentRssMb: kbToMb(Math.max(0, ...concurrent)),
  };
});

// A clip's encoder is the FFmpeg writing its partial file, alive from the first to the last sample that saw it.
const clipRows = clips.map(({ video, bareArgs: _args, ...c }) => {
  const target = video ? partialPath(video) : null;
  const encode = runs.find((r) => target !== null && r.args.includes(target) && inJob(r.firstSeen));
  const renderClipSec = min(c.lectern.map((t) => t.wallSec));
  const bareSec = min(c.bare.map((t) => t.wallSec));
  const renderClipCpuSec = minOrNull(c.lectern.map((t) => t.cpuSec));
  const bareCpuSec = minOrNull(c.bare.map((t) => t.cpuSec));
  return {
    ...c,
    inPipelineSec: encode ? (encode.lastSeen - encode.firstSeen) / 1000 : null,
    encodeWindow: encode ? ([encode.firstSeen, encode.lastSeen] as [number, number]) : null,
    renderClipSec,
    bareSec,
    ratio: renderClipSec / bareSec,
    renderClipCpuSec,
    bareCpuSec,
    cpuRatio: renderClipCpuSec !== null && bareCpuSec !== null ? renderClipCpuSec / bareCpuSec : null,
  };
});
const wallSec = report.wallMs / 1000;
const renderSec = (stages.find((s) => s.stage === 'render')?.durationMs ?? 0) / 1000;
const encodingSec = unionSec(clipRows.flatMap((c) => (c.encodeWindow ? [c.encodeWindow] : [])));
const pipeline = {
  wallSec,
  realTimeFactor: lecture.durationSec / wallSec,
  /** Time during which at least one clip's encoder was running (in the render stage, two at a time). */
  clipEncodingSec: encodingSec,
  /** What the lecturer waits for beyond encoding the clips themselves: the target figure. */
  minusEncodingSec: wallSec - encodingSec,
  /** The render stage's own time outside every clip encode: subtitle files, thumbnails, exports. */
  renderBesideEncodingSec: renderSec - encodingSec,
  nodePeakRssMb: Math.max(report.baselineRssMb, ...stages.map((s) => s.peakRssMb)),
  ffmpegConcurrentPeakRssMb: kbToMb(Math.max(0, ...samples.filter((m) => inJob(m.at)).map((m) => m.rssKb))),
  renderClipOverBare: sum(clipRows.map((c) => c.renderClipSec)) / sum(clipRows.map((c) => c.bareSec)),
  worstClipRatio: Math.max(...clipRows.map((c) => c.ratio)),
  renderClipOverBareCpu: clipRows.every((c) => c.renderClipCpuSec !== null && c.bareCpuSec !== null)
    ? sum(clipRows.map((c) => c.renderClipCpuSec ?? 0)) / sum(clipRows.map((c) => c.bareCpuSec ?? 0))
    : null,
};

const cores = os.availableParallelism();
console.log(
  `\nClips pipeline: a ${minutes}-minute 1280×720 lecture (${lecture.slides} slides, camera inset, captions), ` +
    `${cores} cores, ${report.encoder}; load average ${fmt(loadBefore, 2)} before, ${fmt(loadAfter, 2)} after\n`,
);
console.log(
  '| stage | wall s | × real time | Node RSS MB: start → peak | FFmpeg runs | FFmpeg peak RSS MB: largest / all at once |',
);
console.log('|---|---|---|---|---|---|');
for (const r of stageRows) {
  // A run that exits between two samples is seen but never measured.
  const ffmpegMb =
    r.ffmpegLargestPeakRssMb > 0
      ? `${fmt(r.ffmpegLargestPeakRssMb, 0)} / ${fmt(r.ffmpegConcurrentRssMb, 0)}`
      : r.ffmpegRuns > 0
        ? 'too short to sample'
        : '–';
  console.log(
    `| ${r.stage} | ${fmt(r.wallSec, 2)} | ${factor(r.realTimeFactor)} | ` +
      `${fmt(r.nodeStartRssMb, 0)} → ${fmt(r.nodePeakRssMb, 0)} | ${r.ffmpegRuns} | ${ffmpegMb} |`,
  );
}
console.log(
  `| whole pipeline | ${fmt(wallSec, 2)} | ${factor(pipeline.realTimeFactor)} | ` +
    `${fmt(report.baselineRssMb, 0)} → ${fmt(pipeline.nodePeakRssMb, 0)} | ` +
    `${runs.filter((r) => inJob(r.firstSeen)).length} | – / ${fmt(pipeline.ffmpegConcurrentPeakRssMb, 0)} |`,
);
if (!report.peakRssPerStage)
  console.log('\n(Node peak RSS could not be reset per stage here: each is the peak so far.)');

console.log(`\nClip encoding: in the pipeline (up to ${cores} at once), then each alone, best of ${repeats}\n`);
console.log(
  '| clip | start | length s | in pipeline s | renderClip s | bare FFmpeg s | renderClip / bare | CPU s: renderClip / bare |',
);
console.log('|---|---|---|---|---|---|---|---|');
for (const c of clipRows) {
  const tenths = Math.round(c.start * 10);
  const start = `${Math.floor(tenths / 600)}:${fmt((tenths % 600) / 10, 1).padStart(4, '0')}`;
  const inPipeline = c.inPipelineSec === null ? '–' : fmt(c.inPipelineSec);
  const cpu =
    c.renderClipCpuSec === null || c.bareCpuSec === null || c.cpuRatio === null
      ? '–'
      : `${fmt(c.renderClipCpuSec, 2)} / ${fmt(c.bareCpuSec, 2)} = ${fmt(c.cpuRatio, 3)}×`;
  console.log(
    `| ${c.position} | ${start} | ${fmt(c.durationSec)} | ${inPipeline} | ${fmt(c.renderClipSec, 2)} | ` +
      `${fmt(c.bareSec, 2)} | ${fmt(c.ratio, 3)}× | ${cpu} |`,
  );
}
console.log(
  `\nrenderClip / bare FFmpeg: ${fmt(pipeline.renderClipOverBare, 3)}× over all clips, worst clip ` +
    `${fmt(pipeline.worstClipRatio, 3)}× (target ≤ 1.1×); in CPU time ` +
    `${pipeline.renderClipOverBareCpu === null ? '–' : `${fmt(pipeline.renderClipOverBareCpu, 3)}×`}.`,
);
console.log(
  `Whole pipeline ${fmt(wallSec)} s, of which clip encoders were running ${fmt(encodingSec)} s: pipeline minus ` +
    `encoding ${fmt(pipeline.minusEncodingSec)} s (target ≤ 60 s for a 60-minute lecture). The render stage spent ` +
    `${fmt(pipeline.renderBesideEncodingSec)} s outside any clip encode (subtitle files, thumbnails, exports).`,
);

const resultsDir = path.join(repo, 'bench', 'results');
mkdirSync(resultsDir, { recursive: true });
const saved = path.join(resultsDir, 'pipeline.json');
const results = {
  machine: { cores, memGb: os.totalmem() / 1024 ** 3, cpu: os.cpus()[0]?.model ?? 'unknown', loadBefore, loadAfter },
  lecture: { minutes, width: 1280, height: 720, slides: lecture.slides, pauseBetweenPassesSec: pauseSec },
  encoder: report.encoder,
  stages: stageRows,
  pipeline,
  clips: clipRows.map(({ encodeWindow: _window, ...c }) => c),
  bareCommandOfFirstClip: clips[0]?.bareArgs ?? [],
};
writeFileSync(saved, `${JSON.stringify(results, null, 2)}\n`);
console.log(`\nSaved ${path.relative(repo, saved)}`);
