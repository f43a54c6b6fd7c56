import type { JobSummary } from '../../../shared/domain/job.ts';
import { cancelJob, retryJob } from '../ipc/jobCommands.ts';

/** Commands are data (STYLE §5): buttons now, and the menu and shortcuts later, read this one list. */
export interface JobAction {
  id: string;
  label: string;
  enabled(job: JobSummary): boolean;
  run(job: JobSummary): Promise<void>;
}

export const jobActions: readonly JobAction[] = [
  {
    id: 'job.cancel',
    label: 'Cancel',
    enabled: (job) => job.status === 'queued' || job.status === 'running',
    run: (job) => cancelJob(job.id),
  },
  {
    id: 'job.retry',
    label: 'Retry',
    enabled: (job) => job.status === 'failed' || job.status === 'cancelled',
    run: (job) => retryJob(job.id),
  },
];
