import { eq } from 'drizzle-orm';
import type { ContentSegment } from '../../../shared/domain/analysis.ts';
import { jobSettingsSchema } from '../../../shared/domain/settings.ts';
import { LecternError } from '../../../shared/errors.ts';
import { contentSegments, layoutAnalyses, transcripts } from '../../db/schema/index.ts';
import { closedGeminiGate, type GeminiGate } from '../../online/gemini/access.ts';
import { analyzeWithGemini } from '../../online/gemini/analyze.ts';
import { GeminiFailure } from '../../online/gemini/errors.ts';
import { defineStage, type StageContext } from '../engine/stage.ts';
import type { Sentence } from '../../../shared/domain/transcript.ts';
import { readSilenceRegions } from './silenceRegions.ts';

export interface AnalysisStageDeps {
  gemini: GeminiGate;
}

interface Analysis {
  segments: ContentSegment[];
  source: 'local' | 'gemini';
}

/** Gemini's segments, or the reason they cannot be used, for the processing log. Cancelling is rethrown. */
async function tryGemini(
  ctx: StageContext,
  gate: GeminiGate,
  sentences: Sentence[],
): Promise<ContentSegment[] | string> {
  const access = gate.access();
  if (!access.allowed) return access.reason;
  const client = access.connect((failure, delayMs) =>
    ctx.log.warn({ kind: failure.kind, delayMs }, 'Gemini analysis: retrying'),
  );
  try {
    return await analyzeWithGemini(client, sentences, ctx.signal);
  } catch (error) {
    if (ctx.signal.aborted) throw error;
    if (error instanceof GeminiFailure) return error.message;
    throw error;
  }
}

/**
 * 5–15 educational segments with importance, topic, title and the reasons: from Gemini when the job asks for it and
 * the lecturer set it up, else (and whenever Gemini fails) from the local analysis in a worker thread.
 */
export function createAnalysisStage(deps: AnalysisStageDeps) {
  return defineStage<Analysis>({
    name: 'analysis',
    weight: 1,
    async run(ctx) {
      const transcript = ctx.db.select().from(transcripts).where(eq(transcripts.jobId, ctx.job.id)).get();
      if (!transcript) throw new LecternError('internal', 'There is no transcript to analyse.');
      if (jobSettingsSchema.parse(ctx.job.settings).analysis === 'gemini') {
        const gemini = await tryGemini(ctx, deps.gemini, transcript.segments);
        if (typeof gemini !== 'string') {
          ctx.note('info', `Found ${gemini.length} topics with Gemini.`);
          return { segments: gemini, source: 'gemini' };
        }
        ctx.note('warn', `Gemini was not used for the topics: ${gemini}. Used the local analysis instead.`);
      }
      const layout = ctx.db.select().from(layoutAnalyses).where(eq(layoutAnalyses.jobId, ctx.job.id)).get();
      const { pauses } = readSilenceRegions(ctx.db, ctx.job.id);
      const segments = await ctx.pool.run(
        'analyzeLecture',
        { sentences: transcript.segments, slideChanges: layout?.slideChanges ?? [], pauses },
        { signal: ctx.signal },
      );
      ctx.note('info', `Found ${segments.length} topics.`);
      return { segments, source: 'local' };
    },
    commit(tx, job, { segments, source }) {
      tx.delete(contentSegments).where(eq(contentSegments.jobId, job.id)).run();
      if (segments.length > 0) {
        tx.insert(contentSegments)
          .values(segments.map((s, position) => ({ jobId: job.id, position, ...s, source })))
          .run();
      }
      return { segments: segments.length, source };
    },
  });
}

/** The analysis stage with no online service. */
export const analysisStage = createAnalysisStage({ gemini: closedGeminiGate });
