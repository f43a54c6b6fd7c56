import { renameSync, statSync } from 'node:fs';
import path from 'node:path';
import { LecternError } from '../../../shared/errors.ts';
import { getJob } from '../../db/jobsRepo.ts';
import { defineStage } from '../engine/stage.ts';
import { runFfmpeg } from '../ffmpeg/run.ts';

/** Everything downstream (pauses, speech models, waveform) wants 16 kHz mono float samples. */
export const speechSampleRate = 16_000;
const bytesPerSample = 4;
const peaksPerSecond = 50;

export interface DecodedAudio {
  pcmPath: string;
  sampleRate: number;
  durationSec: number;
  waveformPath: string;
  peaksPerSecond: number;
}

/**
 * Decodes the lecture's audio once into the job's folder. The file is written under a temporary name and renamed when
 * complete, so a crash never leaves a half-decoded file that resume would take for finished.
 */
export const audioStage = defineStage<DecodedAudio>({
  name: 'audio',
  weight: 4,
  async run(ctx) {
    const media = getJob(ctx.db, ctx.job.id).media;
    if (!media?.audio) throw new LecternError('no-audio', 'The recording has no audio track to work with.');
    const partial = path.join(ctx.tempDir, 'audio.f32');
    await runFfmpeg(
      // -vn/-sn/-dn: never decode pictures or subtitles for audio work; that alone is most of the cost of a video.
      [
        '-y',
        '-i',
        ctx.job.sourcePath,
        '-map',
        `0:${media.audio.index}`,
        '-vn',
        '-sn',
        '-dn',
        '-ac',
        '1',
        '-ar',
        String(speechSampleRate),
        '-f',
        'f32le',
        partial,
      ],
      {
        signal: ctx.signal,
        durationSec: media.durationSec,
        onProgress: (p) => p.fraction !== null && ctx.progress(p.fraction * 0.9),
      },
    );
    const durationSec = statSync(partial).size / bytesPerSample / speechSampleRate;
    assertNotTruncated(durationSec, media.durationSec, path.basename(ctx.job.sourcePath));

    const pcmPath = path.join(ctx.workDir, 'audio.f32');
    renameSync(partial, pcmPath);
    const waveformPath = path.join(ctx.workDir, 'waveform.f32');
    const waveformPartial = path.join(ctx.tempDir, 'waveform.f32');
    await ctx.pool.run(
      'waveformPeaks',
      { pcmPath, sampleRate: speechSampleRate, peaksPerSecond, outPath: waveformPartial },
      { signal: ctx.signal, onProgress: (f) => ctx.progress(0.9 + f * 0.1) },
    );
    renameSync(waveformPartial, waveformPath);
    ctx.note('info', `Audio extracted: ${durationSec.toFixed(1)} s at ${speechSampleRate / 1000} kHz.`);
    return { pcmPath, sampleRate: speechSampleRate, durationSec, waveformPath, peaksPerSecond };
  },
  commit(_tx, _job, audio) {
    return { ...audio };
  },
});

/**
 * A file cut short (an interrupted copy or upload) often still has a header promising the full length;
 * the decoder simply stops early. Compare what came out with what the header promised.
 */
export function assertNotTruncated(decodedSec: number, expectedSec: number, fileName: string): void {
  const missing = expectedSec - decodedSec;
  if (expectedSec > 0 && missing > Math.max(2, expectedSec * 0.05)) {
    throw new LecternError(
      'truncated',
      `"${fileName}" seems to be cut short: its audio stops at ${formatTime(decodedSec)} although the file says it lasts ${formatTime(expectedSec)}. Copy or export the recording again.`,
    );
  }
}

function formatTime(sec: number): string {
  const m = Math.floor(sec / 60);
  const s = Math.floor(sec % 60);
  return `${m}:${String(s).padStart(2, '0')}`;
}
