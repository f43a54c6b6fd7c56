import { asc, eq } from 'drizzle-orm';
import type { Highlight } from '../../../shared/domain/analysis.ts';
import { LecternError } from '../../../shared/errors.ts';
import { getJob } from '../../db/jobsRepo.ts';
import { clips, contentSegments, transcripts } from '../../db/schema/index.ts';
import { defineStage } from '../engine/stage.ts';
import { defaultSelectionOptions, selectHighlights } from '../selection/selectHighlights.ts';
import { readSilenceRegions } from './silenceRegions.ts';

/** The best moments, cut at pauses and sentence ends, stored as draft clips the lecturer can trim. */
export const selectionStage = defineStage<Highlight[]>({
  name: 'selection',
  weight: 1,
  async run(ctx) {
    const job = getJob(ctx.db, ctx.job.id);
    const transcript = ctx.db.select().from(transcripts).where(eq(transcripts.jobId, job.id)).get();
    if (!transcript) throw new LecternError('internal', 'There is no transcript to choose highlights from.');
    const segments = ctx.db
      .select()
      .from(contentSegments)
      .where(eq(contentSegments.jobId, job.id))
      .orderBy(asc(contentSegments.position))
      .all();
    const { pauses } = readSilenceRegions(ctx.db, job.id);
    const highlights = selectHighlights(transcript.segments, segments, pauses, {
      ...defaultSelectionOptions,
      count: job.settings.clipCount,
      // Jobs queued before lengths were configurable have none stored.
      minSec: job.settings.clipLength?.minSec ?? defaultSelectionOptions.minSec,
      maxSec: job.settings.clipLength?.maxSec ?? defaultSelectionOptions.maxSec,
    });
    ctx.note('info', `Chose ${highlights.length} highlights.`);
    return highlights;
  },
  commit(tx, job, highlights) {
    const segmentIds = tx
      .select({ id: contentSegments.id })
      .from(contentSegments)
      .where(eq(contentSegments.jobId, job.id))
      .orderBy(asc(contentSegments.position))
      .all()
      .map((row) => row.id);
    tx.delete(clips).where(eq(clips.jobId, job.id)).run();
    if (highlights.length > 0) {
      tx.insert(clips)
        .values(
          highlights.map((h) => ({
            jobId: job.id,
            segmentId: segmentIds[h.segment] ?? null,
            state: 'draft' as const,
            start: h.start,
            end: h.end,
            title: h.title,
            score: h.score,
          })),
        )
        .run();
    }
    return { highlights: highlights.length };
  },
});
