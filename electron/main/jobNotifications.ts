import type { JobId, JobSummary } from '../../shared/domain/job.ts';
import type { JobStatus } from '../../shared/domain/stages.ts';
import type { JobService } from '../services/types.ts';

/** What an OS notification says about a lecture; clicking it opens `jobId`. */
export interface JobNotice {
  jobId: JobId;
  title: string;
  body: string;
}

export interface NotifyConditions {
  /** Settings ▸ Notifications. */
  notifyWhenDone: boolean;
  /** A lecturer looking at the window already sees the queue change; a notification would only interrupt. */
  windowFocused: boolean;
}

/**
 * The notice for a job that has just finished or failed, or null. A job counts as just finished when its status
 * becomes done or failed: later updates of a finished job (an edit, a re-render that ends as it began) stay quiet.
 */
export function jobNotice(
  job: JobSummary,
  previous: JobStatus | undefined,
  conditions: NotifyConditions,
): JobNotice | null {
  if (!conditions.notifyWhenDone || conditions.windowFocused) return null;
  if (previous === job.status) return null;
  if (job.status === 'done') {
    return {
      jobId: job.id,
      title: 'Highlights ready',
      body: `${job.sourceName} is done: its clips are ready to review.`,
    };
  }
  if (job.status === 'failed') {
    const reason = job.error?.message ?? 'Open it in Lectern to see why.';
    return { jobId: job.id, title: `${job.sourceName} could not be finished`, body: reason };
  }
  return null;
}

/**
 * Watches the queue and shows a notice as jobs finish. `show` is the thin Electron part (electron/main/index.ts);
 * everything it decides is here, so it is tested without Electron. Returns the function that stops watching.
 */
export function watchJobNotifications(
  jobs: Pick<JobService, 'list' | 'onJobUpdated'>,
  conditions: () => NotifyConditions,
  show: (notice: JobNotice) => void,
): () => void {
  const statuses = new Map<JobId, JobStatus>(jobs.list().map((job) => [job.id, job.status]));
  return jobs.onJobUpdated((job) => {
    const notice = jobNotice(job, statuses.get(job.id), conditions());
    statuses.set(job.id, job.status);
    if (notice) show(notice);
  });
}
