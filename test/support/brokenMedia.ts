import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ffmpeg from '@ffmpeg-installer/ffmpeg';
import { media } from '../env.ts';

/** Copies the first half of a real recording, as an interrupted download or copy leaves it. */
export function cutInHalf(source: string, target: string): void {
  copyFileSync(source, target);
  truncateSync(target, Math.floor(statSync(source).size / 2));
}

/** Replaces a same-length byte string, failing loudly if it is not there exactly once (else the test proves nothing). */
export function replaceBytes(target: string, from: string, to: string): void {
  const bytes = readFileSync(target);
  const at = bytes.indexOf(from);
  if (at < 0 || bytes.indexOf(from, at + 1) >= 0 || from.length !== to.length) throw new Error(`cannot patch ${from}`);
  bytes.write(to, at, 'latin1');
  writeFileSync(target, bytes);
}

function ffmpegSync(args: string[]): void {
  execFileSync(ffmpeg.path, ['-v', 'error', '-y', ...args]);
}

/**
 * The bad inputs a lecturer actually drops, made at test time from real recordings (never committed):
 * each key names what is wrong with the file.
 */
export function makeBrokenLectures(dir: string) {
  mkdirSync(dir, { recursive: true });
  const at = (name: string) => path.join(dir, name);
  const example = media('auto-editor-example', 'example.mp4');
  const files = {
    empty: at('empty.mp4'),
    text: at('notes.mp4'),
    truncated: at('cut example.mp4'),
    noAudio: at('silent.mp4'),
    unknownCodec: at('unknown codec.mkv'),
    image: at('slide.mp4'),
    folder: at('Vorlesungen'),
    missing: at('does not exist.mp4'),
  };
  writeFileSync(files.empty, '');
  writeFileSync(files.text, 'Lecture 3: Work, energy and gravitation\n- bring calculators\n');
  cutInHalf(example, files.truncated);
  ffmpegSync(['-i', example, '-t', '3', '-an', '-c:v', 'copy', files.noAudio]);
  ffmpegSync(['-ss', '5', '-i', example, '-frames:v', '1', '-f', 'image2', '-c:v', 'png', files.image]);
  ffmpegSync(['-i', media('jfk', 'jfk.wav'), '-t', '3', '-c:a', 'pcm_s16le', '-f', 'matroska', files.unknownCodec]);
  // A Matroska codec id no decoder knows: the container is fine, the sound cannot be decoded.
  replaceBytes(files.unknownCodec, 'A_PCM/INT/LIT', 'A_LECTERN/XYZ');
  mkdirSync(files.folder, { recursive: true });
  return files;
}
