/**
 * How well and how fast Lectern finds the topic segments of a lecture, against human annotations and baselines.
 *
 *   npx tsx bench/segmentation.ts [evalDir]
 *
 * evalDir defaults to $LECTERN_EVAL_DIR, then ../shared/eval beside the repository. Prints Pk and WindowDiff (lower is
 * better) per dataset for the method and the baselines, then the time to analyse a 60-minute transcript.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Sentence } from '../shared/domain/transcript.ts';
import { combineScores, formatScores, scoreDataset } from '../electron/pipeline/analysis/eval/benchmark.ts';
import { loadChoi, loadMavils, loadPhysicsLectures } from '../electron/pipeline/analysis/eval/datasets.ts';
import { analyzeLecture } from '../electron/pipeline/analysis/score.ts';

function resolveEvalDir(): string {
  const dir =
    process.argv[2] ?? process.env.LECTERN_EVAL_DIR ?? path.resolve(import.meta.dirname, '..', '..', 'shared', 'eval');
  if (!existsSync(dir)) {
    console.error(`No evaluation data at ${dir}. Pass the eval folder: npx tsx bench/segmentation.ts <evalDir>`);
    process.exit(2);
  }
  return dir;
}

/** About an hour of speech: physics lectures back to back, cut at the first sentence past 9,000 words. */
function hourLongTranscript(evalDir: string): { sentences: Sentence[]; words: number; minutes: number } {
  const sentences: Sentence[] = [];
  let words = 0;
  let clock = 0;
  for (const lecture of loadPhysicsLectures(evalDir, 'manual')) {
    for (const s of lecture.sentences) {
      if (words >= 9000) break;
      const duration = s.end - s.start;
      sentences.push({ ...s, start: clock, end: clock + duration });
      clock += duration;
      words += s.text.split(/\s+/).length;
    }
  }
  return { sentences, words, minutes: clock / 60 };
}

function timeAnalysis(sentences: Sentence[], runs: number): { medianMs: number; segments: number } {
  let segments = analyzeLecture(sentences).length;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    segments = analyzeLecture(sentences).length;
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { medianMs: times[Math.floor(times.length / 2)]!, segments };
}

const evalDir = resolveEvalDir();
const manual = scoreDataset('physics lectures, manual transcripts', loadPhysicsLectures(evalDir, 'manual'), () => ({}));
const asr = scoreDataset('physics lectures, ASR transcripts', loadPhysicsLectures(evalDir, 'asr'), () => ({}));
// The MaViLS gold boundaries are the slide changes, so slide evidence would be the answer itself: the method gets
// only the text and the pauses between the recogniser's words.
const mavils = scoreDataset('MaViLS slide changes (text + pauses)', loadMavils(evalDir), (l) => ({
  pauses: l.pauses ?? [],
}));
const mavilsTextOnly = scoreDataset('MaViLS slide changes (text only)', loadMavils(evalDir), () => ({}));
const choi = scoreDataset('Choi 3-11 (not lectures; for reference)', loadChoi(evalDir, '3-11'), () => ({}));

console.log(
  formatScores([
    manual,
    asr,
    combineScores('physics lectures, manual + ASR', [manual, asr]),
    mavils,
    mavilsTextOnly,
    choi,
  ]),
);

const hour = hourLongTranscript(evalDir);
const timing = timeAnalysis(hour.sentences, 5);
console.log(
  `\nanalyzeLecture on ${hour.words} words (${hour.minutes.toFixed(0)} min at 150 wpm, ${hour.sentences.length} sentences): ` +
    `${timing.medianMs.toFixed(0)} ms median of 5 runs, ${timing.segments} segments` +
    (timing.medianMs < 1000 ? '' : '  <-- over the 1 s budget'),
);
