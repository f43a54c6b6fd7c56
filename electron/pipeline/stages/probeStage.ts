import type { MediaInfo } from '../../../shared/domain/media.ts';
import { updateJob } from '../../db/jobsRepo.ts';
import { defineStage } from '../engine/stage.ts';
import { validateLectureFile } from '../validate/source.ts';

/** Reads the recording's container and streams, refusing what Lectern cannot work with, with the reason. */
export const probeStage = defineStage<MediaInfo>({
  name: 'probe',
  weight: 1,
  async run(ctx) {
    const media = await validateLectureFile(ctx.job.sourcePath, ctx.limits, { signal: ctx.signal });
    ctx.note('info', describeMedia(media));
    return media;
  },
  commit(tx, job, media) {
    updateJob(tx, job.id, { media });
    return { durationSec: media.durationSec, container: media.container };
  },
});

export function describeMedia(media: MediaInfo): string {
  const minutes = Math.floor(media.durationSec / 60);
  const seconds = Math.round(media.durationSec % 60);
  const parts = [`${minutes} min ${seconds} s`, media.container];
  if (media.video) parts.push(`video ${media.video.width}×${media.video.height} ${media.video.codec}`);
  if (media.audio) parts.push(`audio ${media.audio.codec} ${media.audio.sampleRate} Hz`);
  if (media.subtitles.length > 0) parts.push(`${media.subtitles.length} subtitle track(s)`);
  return `Recording: ${parts.join(', ')}.`;
}
