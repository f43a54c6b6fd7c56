/**
 * `npm run bench`: Lectern's speed and memory targets, printed as tables and saved as JSON. Not a test: figures
 * depend on the machine, so they are reported, never asserted.
 *
 * - Decode + pause detection on lectures of 15, 30, 60 and 120 minutes built from the team's real recordings
 *   (target: ≥ 200× real time at 60 minutes on a 2-core machine), beside FFmpeg's own silencedetect on the same file,
 *   with peak memory, which must stay bounded as the lecture grows.
 * - Topic segmentation quality (Pk, WindowDiff against baselines) and the time to analyse a 60-minute transcript
 *   (target ≤ 1 s): bench/segmentation.ts.
 *
 * Recordings are built once into the system temp folder and reused. LECTERN_MEDIA_DIR / LECTERN_EVAL_DIR point at
 * the team's data (default ../shared beside the repository).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { resolveFfmpegPaths } from '../electron/pipeline/ffmpeg/binaries.ts';

const repo = path.resolve(import.meta.dirname, '..');
const mediaDir = process.env.LECTERN_MEDIA_DIR ?? path.resolve(repo, '..', 'shared', 'media');
const cacheDir = path.join(os.tmpdir(), 'lectern-bench');
const ffmpeg = resolveFfmpegPaths().ffmpeg;
const minutesToTest = (process.env.LECTERN_BENCH_MINUTES ?? '15,30,60,120').split(',').map(Number);

/**
 * A lecture of `minutes` built from the real physics lecture excerpt (203 s), looped and encoded the way lecture
 * capture tools deliver audio: AAC stereo at 48 kHz in an MP4.
 */
function lectureOf(minutes: number): string {
  mkdirSync(cacheDir, { recursive: true });
  const out = path.join(cacheDir, `lecture-${minutes}min.m4a`);
  if (existsSync(out)) return out;
  const source = path.join(mediaDir, 'physicsworks-lecture', 'physicsworks_audio.webm');
  const loops = Math.ceil((minutes * 60) / 203.3);
  const partial = `${out}.partial.m4a`;
  process.stderr.write(`building a ${minutes}-minute lecture…\n`);
  execFileSync(ffmpeg, [
    '-v',
    'error',
    '-y',
    '-stream_loop',
    String(loops),
    '-i',
    source,
    '-t',
    String(minutes * 60),
    '-vn',
    '-ac',
    '2',
    '-ar',
    '48000',
    '-c:a',
    'aac',
    '-b:a',
    '96k',
    partial,
  ]);
  renameSync(partial, out);
  return out;
}

function timeSilencedetect(file: string): number {
  const started = performance.now();
  execFileSync(ffmpeg, [
    '-v',
    'error',
    '-nostats',
    '-vn',
    '-i',
    file,
    '-af',
    'silencedetect=n=-35dB:d=0.3',
    '-f',
    'null',
    '-',
  ]);
  return (performance.now() - started) / 1000;
}

interface StageRun {
  outcome: string;
  wallMs: number;
  stages: Record<string, number>;
  pauses: number;
  detector: string;
  peakRssMb: number;
}

function runStages(file: string): StageRun {
  const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(repo, 'bench', 'runStages.ts'), file], {
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`bench run failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').at(-1)!) as StageRun;
}

const rows = minutesToTest.map((minutes) => {
  const file = lectureOf(minutes);
  const seconds = minutes * 60;
  const run = runStages(file);
  const decodeAndPausesSec = ((run.stages.audio ?? 0) + (run.stages.pauses ?? 0)) / 1000;
  const silencedetectSec = timeSilencedetect(file);
  return {
    minutes,
    detector: run.detector,
    pauses: run.pauses,
    audioSec: (run.stages.audio ?? 0) / 1000,
    pausesSec: (run.stages.pauses ?? 0) / 1000,
    decodeAndPausesSec,
    realTimeFactor: seconds / decodeAndPausesSec,
    silencedetectSec,
    silencedetectFactor: seconds / silencedetectSec,
    peakRssMb: run.peakRssMb,
  };
});

const fmt = (n: number, digits = 1) => n.toFixed(digits);
console.log(
  `\nDecode + pause detection (${os.availableParallelism()} cores; AAC stereo lectures from the physics recording)\n`,
);
console.log(
  '| minutes | detector | pauses | decode s | pauses s | decode+pauses s | × real time | silencedetect s | × real time | peak RSS MB |',
);
console.log('|---|---|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  console.log(
    `| ${r.minutes} | ${r.detector} | ${r.pauses} | ${fmt(r.audioSec)} | ${fmt(r.pausesSec)} | ${fmt(r.decodeAndPausesSec)} | ${fmt(r.realTimeFactor, 0)}× | ${fmt(r.silencedetectSec)} | ${fmt(r.silencedetectFactor, 0)}× | ${fmt(r.peakRssMb, 0)} |`,
  );
}
const hour = rows.find((r) => r.minutes === 60);
if (hour) console.log(`\n60-minute lecture: ${fmt(hour.realTimeFactor, 0)}× real time (target ≥ 200×).`);

console.log('\nTopic segmentation and analysis time\n');
const segmentation = spawnSync(process.execPath, ['--import', 'tsx', path.join(repo, 'bench', 'segmentation.ts')], {
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'inherit'],
});
process.stdout.write(segmentation.stdout);

const resultsDir = path.join(repo, 'bench', 'results');
mkdirSync(resultsDir, { recursive: true });
const saved = path.join(resultsDir, 'analysis.json');
writeFileSync(
  saved,
  `${JSON.stringify({ machine: { cores: os.availableParallelism(), memGb: os.totalmem() / 1024 ** 3 }, pauses: rows, segmentation: segmentation.stdout }, null, 2)}\n`,
);
console.log(`\nSaved ${path.relative(repo, saved)}`);

// The clips benchmark (per-stage time and memory on a 60-minute video lecture, clip rendering against bare FFmpeg)
// saves bench/results/pipeline.json itself; its own process keeps its memory figures apart from the runs above.
console.log('\nClips pipeline\n');
const clipsBench = spawnSync(process.execPath, ['--import', 'tsx', path.join(repo, 'bench', 'pipeline.ts')], {
  stdio: 'inherit',
});
if (clipsBench.status !== 0) process.exitCode = 1;
