import { eq } from 'drizzle-orm';
import type { ContentSegment } from '../../../shared/domain/analysis.ts';
import { LecternError } from '../../../shared/errors.ts';
import { contentSegments, layoutAnalyses, transcripts } from '../../db/schema/index.ts';
import { defineStage } from '../engine/stage.ts';
import { readSilenceRegions } from './silenceRegions.ts';

/** 5–15 educational segments with importance, topic, title and the reasons, computed in a worker thread. */
export const analysisStage = defineStage<ContentSegment[]>({
  name: 'analysis',
  weight: 1,
  async run(ctx) {
    const transcript = ctx.db.select().from(transcripts).where(eq(transcripts.jobId, ctx.job.id)).get();
    if (!transcript) throw new LecternError('internal', 'There is no transcript to analyse.');
    const layout = ctx.db.select().from(layoutAnalyses).where(eq(layoutAnalyses.jobId, ctx.job.id)).get();
    const { pauses } = readSilenceRegions(ctx.db, ctx.job.id);
    const segments = await ctx.pool.run(
      'analyzeLecture',
      { sentences: transcript.segments, slideChanges: layout?.slideChanges ?? [], pauses },
      { signal: ctx.signal },
    );
    ctx.note('info', `Found ${segments.length} topics.`);
    return segments;
  },
  commit(tx, job, segments) {
    tx.delete(contentSegments).where(eq(contentSegments.jobId, job.id)).run();
    if (segments.length > 0) {
      tx.insert(contentSegments)
        .values(segments.map((s, position) => ({ jobId: job.id, position, ...s, source: 'local' as const })))
        .run();
    }
    return { segments: segments.length };
  },
});
