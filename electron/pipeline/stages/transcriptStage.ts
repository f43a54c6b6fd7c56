import { eq } from 'drizzle-orm';
import { jobSettingsSchema } from '../../../shared/domain/settings.ts';
import { LecternError } from '../../../shared/errors.ts';
import { getJob } from '../../db/jobsRepo.ts';
import { transcripts } from '../../db/schema/index.ts';
import { closedGeminiGate, type GeminiGate } from '../../online/gemini/access.ts';
import { GeminiFailure } from '../../online/gemini/errors.ts';
import { createGeminiEngine } from '../../online/gemini/transcribe.ts';
import { defineStage, type StageContext } from '../engine/stage.ts';
import { loadCaptionsTranscript } from '../transcript/captions/loadCaptions.ts';
import type { TranscriptResult } from '../transcript/engine.ts';
import { localEngine } from '../transcript/local/localEngine.ts';
import { requireInstalledModel } from '../transcript/local/modelStore.ts';

export interface TranscriptStageDeps {
  gemini: GeminiGate;
}

function hasLocalModel(dataDir: string): boolean {
  try {
    requireInstalledModel(dataDir);
    return true;
  } catch {
    return false;
  }
}

async function findCaptions(ctx: StageContext): Promise<TranscriptResult | null> {
  const job = getJob(ctx.db, ctx.job.id);
  if (!job.media) throw new LecternError('internal', 'The recording has not been probed.');
  return loadCaptionsTranscript({
    mediaPath: job.sourcePath,
    captionsPath: job.settings.captionsPath,
    media: job.media,
    signal: ctx.signal,
  });
}

function nothingToFallBackOn(reason: string): LecternError {
  return new LecternError(
    'gemini-failed',
    `Gemini could not transcribe this lecture (${reason}), and there are no captions or local speech model to use ` +
      'instead. Try again later, add captions, or install a model with "lectern models".',
  );
}

/** Gemini's transcript, or why not, in words for the processing log. Cancelling is rethrown, never a reason. */
async function tryGemini(ctx: StageContext, gate: GeminiGate): Promise<TranscriptResult | string> {
  const access = gate.access();
  if (!access.allowed) return access.reason;
  const client = access.connect((failure, delayMs) =>
    ctx.log.warn({ kind: failure.kind, delayMs }, 'Gemini transcription: retrying'),
  );
  try {
    const result = await createGeminiEngine({ client }).transcribe(ctx);
    if (result.sentences.length === 0) return 'Gemini heard no speech';
    return result;
  } catch (error) {
    if (ctx.signal.aborted) throw error;
    if (error instanceof GeminiFailure) return error.message;
    throw error;
  }
}

/**
 * The lecture's words. With `auto` or `local`, captions that already exist win (the lecturer's own, or Zoom's,
 * Panopto's, YouTube's), then the local model; `auto` turns to Gemini only when no local model is installed and the
 * lecturer set Gemini up. With `gemini`, Gemini goes first and a failure falls back to captions or the local model,
 * with a note in the processing log saying why.
 */
export function createTranscriptStage(deps: TranscriptStageDeps) {
  return defineStage<TranscriptResult>({
    name: 'transcript',
    weight: 4,
    async run(ctx) {
      const { transcription } = jobSettingsSchema.parse(ctx.job.settings);
      let result: TranscriptResult | null = null;
      if (transcription === 'gemini') {
        const gemini = await tryGemini(ctx, deps.gemini);
        if (typeof gemini !== 'string') result = gemini;
        else {
          result = await findCaptions(ctx);
          const fallback = result ? 'the captions' : hasLocalModel(ctx.dataDir) ? 'the local speech model' : null;
          if (!result && !fallback) throw nothingToFallBackOn(gemini);
          ctx.note('warn', `Gemini was not used for the transcript: ${gemini}. Used ${fallback} instead.`);
        }
      } else {
        result = await findCaptions(ctx);
        if (!result && transcription === 'auto' && !hasLocalModel(ctx.dataDir) && deps.gemini.access().allowed) {
          const gemini = await tryGemini(ctx, deps.gemini);
          if (typeof gemini === 'string') throw nothingToFallBackOn(gemini);
          result = gemini;
        }
      }
      result ??= await localEngine.transcribe(ctx);
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
}

/** The transcript stage with no online service: captions, then the local model. */
export const transcriptStage = createTranscriptStage({ gemini: closedGeminiGate });
