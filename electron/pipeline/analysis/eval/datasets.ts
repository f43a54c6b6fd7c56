import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Sentence, TimeRange, Word } from '../../../../shared/domain/transcript.ts';
import { parseCsv } from '../../transcript/captions/parseCsv.ts';
import { secondsPerSpokenWord } from '../../transcript/captions/parsePlainText.ts';

/**
 * Loaders for the human-annotated segmentation data in the shared eval folder (see its MANIFEST.md). Node file
 * reading lives here only; the analysis itself stays pure.
 */

export interface EvalLecture {
  name: string;
  sentences: Sentence[];
  /** Gold boundaries: indices of the sentences that start a new segment. */
  boundaries: number[];
  /** Pauses derived from word timings, when the data has them. */
  pauses?: TimeRange[];
}

const segmentMarker = /^=+$/;

/**
 * A `.ref` file: one sentence per line, `==========` lines between segments (also before the first and after the
 * last). Times are synthesised from word counts at 150 words per minute, with no pauses: the text is all there is.
 */
export function parseRefFile(name: string, content: string): EvalLecture {
  const sentences: Sentence[] = [];
  const boundaries: number[] = [];
  let clock = 0;
  let pendingBoundary = false;
  for (const raw of content.split(/\r?\n/)) {
    const line = raw.trim();
    if (segmentMarker.test(line)) {
      pendingBoundary = sentences.length > 0;
      continue;
    }
    if (line.length === 0) continue;
    if (pendingBoundary) boundaries.push(sentences.length);
    pendingBoundary = false;
    const duration = line.split(/\s+/).length * secondsPerSpokenWord;
    sentences.push({ start: clock, end: clock + duration, text: line, words: null });
    clock += duration;
  }
  return { name, sentences, boundaries };
}

function refFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.ref'))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}

export function loadPhysicsLectures(evalDir: string, variant: 'manual' | 'asr'): EvalLecture[] {
  const dir = path.join(evalDir, 'physics-lectures', variant);
  return refFiles(dir).map((f) =>
    parseRefFile(`${variant}/${f.replace(/\.ref$/, '')}`, readFileSync(path.join(dir, f), 'utf8')),
  );
}

/** Choi (2000) documents: `choi/1/<subset>/*.ref`, subsets 3-11, 3-5 and 6-8 (sentences per excerpt). */
export function loadChoi(evalDir: string, subset: '3-11' | '3-5' | '6-8'): EvalLecture[] {
  const dir = path.join(evalDir, 'choi', '1', subset);
  return refFiles(dir).map((f) => parseRefFile(`choi/${subset}/${f}`, readFileSync(path.join(dir, f), 'utf8')));
}

const cuePattern = /^\[(\d+):(\d{2}):(\d{2}(?:\.\d+)?) --> (\d+):(\d{2}):(\d{2}(?:\.\d+)?)\]\s?(.*)$/;

/**
 * MaViLS word-timed transcripts: one word per line as `[hh:mm:ss.mmm --> hh:mm:ss.mmm] word`. The space after `]`
 * is missing when the recogniser split a hyphenated word (`]-year`), so it is optional.
 */
export function parseWordCues(content: string): Word[] {
  const words: Word[] = [];
  for (const line of content.split(/\r?\n/)) {
    const m = cuePattern.exec(line.trim());
    if (!m) continue;
    const start = Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]);
    const end = Number(m[4]) * 3600 + Number(m[5]) * 60 + Number(m[6]);
    words.push({ start, end, text: m[7]! });
  }
  return words;
}

/**
 * Joins a MaViLS slide-alignment csv with its word-timed transcript. The csv's `time_s` is, on inspection, the start
 * of the sentence's last word (e.g. "Okay, welcome everyone." at 12.37 s; the words run 11.12–12.56 s), so each
 * word goes to the first sentence whose `time_s` it does not pass. Empty csv rows are dropped. Gold boundaries are
 * the sentences whose slide differs from the previous sentence's, including changes to and from `-1` (no slide).
 */
export function joinMavils(name: string, csv: string, srt: string, minPauseSeconds = 0.3): EvalLecture {
  const rows = parseCsv(csv)
    .slice(1)
    .filter((r) => r.length >= 3 && r[2]!.trim().length > 0)
    .map((r) => ({ time: Number(r[0]), slide: r[1]!.trim(), text: r[2]!.trim() }));
  const words = parseWordCues(srt);
  const perSentence: Word[][] = rows.map(() => []);
  let j = 0;
  // 50 ms of slack: the csv times are rounded to 10 ms.
  for (const word of words) {
    while (j < rows.length - 1 && word.start > rows[j]!.time + 0.05) j++;
    perSentence[j]!.push(word);
  }
  const sentences: Sentence[] = [];
  let previousEnd = 0;
  rows.forEach((row, i) => {
    const own = perSentence[i]!;
    const start = Math.max(previousEnd, own[0]?.start ?? row.time);
    const end = Math.max(start, own.at(-1)?.end ?? row.time);
    sentences.push({ start, end, text: row.text, words: own.length > 0 ? own : null });
    previousEnd = end;
  });
  const boundaries: number[] = [];
  for (let i = 1; i < rows.length; i++) if (rows[i]!.slide !== rows[i - 1]!.slide) boundaries.push(i);
  // Silences between words stand in for the voice-activity pauses the app computes from the audio.
  const pauses: TimeRange[] = [];
  for (let i = 1; i < words.length; i++) {
    const gap = words[i]!.start - words[i - 1]!.end;
    if (gap >= minPauseSeconds) pauses.push({ start: words[i - 1]!.end, end: words[i]!.start });
  }
  return { name: `mavils/${name}`, sentences, boundaries, pauses };
}

export function loadMavils(evalDir: string): EvalLecture[] {
  const dir = path.join(evalDir, 'mavils');
  return readdirSync(path.join(dir, 'slide-changes'))
    .filter((f) => f.endsWith('.csv'))
    .sort()
    .map((f) => {
      const name = f.replace(/\.csv$/, '');
      const csv = readFileSync(path.join(dir, 'slide-changes', f), 'utf8');
      const srt = readFileSync(path.join(dir, 'transcripts', `${name}.srt`), 'utf8');
      return joinMavils(name, csv, srt);
    });
}
