import type { JobSummary } from '../../../shared/domain/job.ts';
import { cancelJob, retryJob } from '../ipc/jobCommands.ts';
import { useJobViewStore } from '../stores/jobViewStore.ts';

/** Commands are data (STYLE §5): buttons now, and the menu and shortcuts later, read this one list. */
export interface JobAction {
  id: string;
  label: string;
  enabled(job: JobSummary): boolean;
  run(job: JobSummary): Promise<void>;
}

export const jobActions: readonly JobAction[] = [
  {
    id: 'job.open',
    label: 'Open',
    // A queued job has nothing to show yet; a running one shows each part as its stage finishes.
    enabled: (job) => job.status !== 'queued',
    run: async (job) => useJobViewStore.getState().openJob(job.id),
  },
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
