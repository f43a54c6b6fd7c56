import { eq } from 'drizzle-orm';
import { silenceRegions } from '../../db/schema/index.ts';
import { defineStage } from '../engine/stage.ts';
import { combineRangeSpeech, splitIntoRanges, type PauseDetection } from '../pauses/detectPauses.ts';
import type { DecodedAudio } from './audioStage.ts';

/**
 * Speech and pauses over the whole lecture. The decoded audio is cut into as many slices as the worker pool has
 * threads; each slice reads a little context beyond its edges, so the joined result matches a single pass.
 */
export const pausesStage = defineStage<PauseDetection>({
  name: 'pauses',
  weight: 3,
  async run(ctx) {
    const audio = ctx.resultOf('audio') as DecodedAudio | null;
    if (!audio) throw new Error('The audio stage has no result to find pauses in.');
    const totalSamples = Math.max(1, Math.round(audio.durationSec * audio.sampleRate));
    const ranges = splitIntoRanges(totalSamples, ctx.pool.size);
    const done = ranges.map(() => 0);
    const parts = await Promise.all(
      ranges.map((range, i) =>
        ctx.pool.run(
          'detectSpeechInRange',
          { pcmPath: audio.pcmPath, sampleRate: audio.sampleRate, durationSec: audio.durationSec, range },
          {
            signal: ctx.signal,
            onProgress: (f) => {
              done[i] = f;
              ctx.progress(done.reduce((a, b) => a + b, 0) / ranges.length);
            },
          },
        ),
      ),
    );
    const detection = combineRangeSpeech(parts, audio.durationSec);
    if (detection.fallbackReason)
      ctx.note('warn', `Pauses found by loudness, not the speech model: ${detection.fallbackReason}`);
    ctx.note(
      'info',
      `Found ${detection.speech.length} stretches of speech and ${detection.pauses.length} pauses (${detection.detector}).`,
    );
    return detection;
  },
  commit(tx, job, detection) {
    tx.delete(silenceRegions).where(eq(silenceRegions.jobId, job.id)).run();
    const rows = [
      ...detection.speech.map((r) => ({
        jobId: job.id,
        kind: 'speech' as const,
        start: r.start,
        end: r.end,
        detector: detection.detector,
      })),
      ...detection.pauses.map((r) => ({
        jobId: job.id,
        kind: 'pause' as const,
        start: r.start,
        end: r.end,
        detector: detection.detector,
      })),
    ];
    // SQLite allows ~32k bound parameters per statement; 5 columns per row.
    for (let i = 0; i < rows.length; i += 5000)
      tx.insert(silenceRegions)
        .values(rows.slice(i, i + 5000))
        .run();
    return { detector: detection.detector, speech: detection.speech.length, pauses: detection.pauses.length };
  },
});
