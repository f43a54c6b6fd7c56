import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ffmpeg from '@ffmpeg-installer/ffmpeg';
import { media } from '../env.ts';

const cacheDir = path.join(os.tmpdir(), 'lectern-test-fixtures');

/**
 * A long lecture built from the real physics lecture excerpt (203 s) by repeating it without re-encoding:
 * long enough that decoding takes seconds, so a test can interrupt a job mid-stage.
 */
export function longLecture(repeats = 20): string {
  mkdirSync(cacheDir, { recursive: true });
  const out = path.join(cacheDir, `physics-x${repeats}.webm`);
  if (!existsSync(out)) {
    const partial = `${out}.partial.webm`;
    execFileSync(ffmpeg.path, [
      '-v',
      'error',
      '-y',
      '-stream_loop',
      String(repeats - 1),
      '-i',
      media('physicsworks-lecture', 'physicsworks_audio.webm'),
      '-c',
      'copy',
      partial,
    ]);
    execFileSync('mv', [partial, out]);
  }
  return out;
}
