import { eq } from 'drizzle-orm';
import { LecternError } from '../../../shared/errors.ts';
import { getJob } from '../../db/jobsRepo.ts';
import { transcripts } from '../../db/schema/index.ts';
import { defineStage } from '../engine/stage.ts';
import { loadCaptionsTranscript } from '../transcript/captions/loadCaptions.ts';
import type { TranscriptionEngine, TranscriptResult } from '../transcript/engine.ts';
import { localEngine } from '../transcript/local/localEngine.ts';

/** Engines by name; Gemini joins this list when the lecturer adds an API key. */
const engines: Record<string, TranscriptionEngine> = { local: localEngine };

/**
 * The lecture's words: captions that already exist win (the lecturer's own, or Zoom's, Panopto's, YouTube's), as
 * they are usually better than a laptop-sized model; else a transcription engine.
 */
export const transcriptStage = defineStage<TranscriptResult>({
  name: 'transcript',
  weight: 4,
  async run(ctx) {
    const job = getJob(ctx.db, ctx.job.id);
    if (!job.media) throw new LecternError('internal', 'The recording has not been probed.');
    const captions = await loadCaptionsTranscript({
      mediaPath: job.sourcePath,
      captionsPath: job.settings.captionsPath,
      media: job.media,
      signal: ctx.signal,
    });
    const result = captions ?? (await engines.local!.transcribe(ctx));
    if (result.sentences.length === 0) {
      throw new LecternError('invalid-input', `The transcript (${result.origin}) has no text in it.`);
    }
    const where =
      result.source === 'captions' ? `captions (${result.origin})` : `the ${result.source} model ${result.origin}`;
    ctx.note('info', `Transcript from ${where}: ${result.sentences.length} sentences.`);
    return result;
  },
  commit(tx, job, result) {
    tx.delete(transcripts).where(eq(transcripts.jobId, job.id)).run();
    tx.insert(transcripts)
      .values({
        jobId: job.id,
        source: result.source,
        origin: result.origin,
        language: result.language,
        segments: result.sentences,
      })
      .run();
    return { source: result.source, origin: result.origin, sentences: result.sentences.length };
  },
});
