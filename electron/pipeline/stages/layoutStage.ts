import { eq } from 'drizzle-orm';
import { LecternError } from '../../../shared/errors.ts';
import { getJob } from '../../db/jobsRepo.ts';
import { layoutAnalyses } from '../../db/schema/index.ts';
import { defineStage } from '../engine/stage.ts';
import { analyzeLayout } from '../layout/analyzeLayout.ts';
import type { Layout } from '../layout/detectLayout.ts';

/** Slide changes (evidence for topic boundaries) and where the slides and the lecturer are (for vertical crops). */
export const layoutStage = defineStage<Layout>({
  name: 'layout',
  weight: 2,
  async run(ctx) {
    const job = getJob(ctx.db, ctx.job.id);
    if (!job.media) throw new LecternError('internal', 'The recording has not been probed.');
    const layout = await analyzeLayout({
      mediaPath: job.sourcePath,
      media: job.media,
      signal: ctx.signal,
      onProgress: ctx.progress,
    });
    if (job.media.video) {
      const regions = [layout.screenRegion && 'slides', layout.cameraRegion && 'camera'].filter(Boolean).join(' and ');
      ctx.note(
        'info',
        `${layout.slideChanges.length} slide changes; ${regions || 'no separate slide or camera area'} found.`,
      );
    }
    return layout;
  },
  commit(tx, job, layout) {
    tx.delete(layoutAnalyses).where(eq(layoutAnalyses.jobId, job.id)).run();
    tx.insert(layoutAnalyses)
      .values({
        jobId: job.id,
        sampleFps: layout.sampleFps,
        slideChanges: layout.slideChanges,
        screenRegion: layout.screenRegion,
        cameraRegion: layout.cameraRegion,
      })
      .run();
    return { slideChanges: layout.slideChanges.length, frames: layout.frameCount };
  },
});
