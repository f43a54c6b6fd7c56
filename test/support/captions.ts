import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { media } from '../env.ts';

interface Range {
  start: number;
  end: number;
}

function srtTime(t: number): string {
  const ms = Math.round(t * 1000);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(Math.floor(ms / 3_600_000))}:${pad(Math.floor(ms / 60_000) % 60)}:${pad(Math.floor(ms / 1000) % 60)},${pad(ms % 1000, 3)}`;
}

export function toSrt(cues: (Range & { text: string })[]): string {
  return cues.map((c, i) => `${i + 1}\n${srtTime(c.start)} --> ${srtTime(c.end)}\n${c.text}\n`).join('\n');
}

/** An SRT made from the physics lecture's Whisper transcript, one cue per Whisper segment, as a captioning tool exports it. */
export function physicsLectureSrt(): string {
  const jsonPath = media('physicsworks-lecture', 'whisper_medium_words.json');
  const parsed = JSON.parse(readFileSync(jsonPath, 'utf8')) as { segments: { time_interval: Range; text: string }[] };
  return toSrt(parsed.segments.map((s) => ({ ...s.time_interval, text: s.text.trim() })));
}

/**
 * JFK's excerpt copied into `dir` with captions beside it (one cue per sentence of the reference text, spread over
 * the 11 s), as a lecturer would keep a recording and its captions together. Returns the recording's path.
 */
export function captionedJfk(dir: string, fileName = 'jfk.mp3'): string {
  const target = path.join(dir, fileName);
  copyFileSync(media('jfk', fileName), target);
  const text = readFileSync(media('jfk', 'jfk.txt'), 'utf8').trim();
  const sentences = text.split(/(?<=[.;!?])\s+/);
  const step = 11 / sentences.length;
  const cues = sentences.map((s, i) => ({ start: i * step, end: (i + 1) * step, text: s }));
  writeFileSync(path.join(dir, `${path.parse(fileName).name}.srt`), toSrt(cues));
  return target;
}

/** The physics lecture's audio copied into `dir` with its captions beside it, as Zoom or Panopto leave them. */
export function captionedPhysicsLecture(dir: string, fileName = 'physicsworks_audio.webm'): string {
  const target = path.join(dir, fileName);
  copyFileSync(media('physicsworks-lecture', fileName), target);
  writeFileSync(path.join(dir, `${path.parse(fileName).name}.srt`), physicsLectureSrt());
  return target;
}
