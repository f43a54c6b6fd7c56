import { create } from 'zustand';
import type { JobProgress, JobSummary } from '../../../shared/domain/job.ts';

/** Something the lecturer should read: a file that was refused, or a request that failed. */
export interface Notice {
  id: number;
  title: string;
  detail: string;
}

export interface JobsState {
  /** In queue order: the oldest job first, as the engine works through them. */
  jobs: JobSummary[];
  /** Live progress of running jobs; a job that stops running drops its entry. */
  progress: Partial<Record<number, JobProgress>>;
  notices: Notice[];
  receiveJobs(jobs: JobSummary[]): void;
  receiveJob(job: JobSummary): void;
  receiveProgress(progress: JobProgress): void;
  addNotices(notices: Omit<Notice, 'id'>[]): void;
  dismissNotice(id: number): void;
}

/**
 * Keeps whichever copy of each job is newer: the initial list and the stream of updates can arrive in either
 * order, and a stale list must not roll a job back.
 */
export function mergeJobs(current: JobSummary[], incoming: JobSummary[]): JobSummary[] {
  const byId = new Map(current.map((job) => [job.id, job]));
  for (const job of incoming) {
    const known = byId.get(job.id);
    if (!known || job.updatedAt >= known.updatedAt) byId.set(job.id, job);
  }
  return [...byId.values()].sort((a, b) => a.id - b.id);
}

let nextNoticeId = 1;

export const useJobsStore = create<JobsState>()((set) => ({
  jobs: [],
  progress: {},
  notices: [],
  receiveJobs: (jobs) => set((state) => ({ jobs: mergeJobs(state.jobs, jobs) })),
  receiveJob: (job) =>
    set((state) => {
      const jobs = mergeJobs(state.jobs, [job]);
      if (job.status === 'running') return { jobs };
      const { [job.id]: _finished, ...progress } = state.progress;
      return { jobs, progress };
    }),
  receiveProgress: (progress) => set((state) => ({ progress: { ...state.progress, [progress.jobId]: progress } })),
  addNotices: (notices) =>
    set((state) => ({ notices: [...state.notices, ...notices.map((notice) => ({ ...notice, id: nextNoticeId++ }))] })),
  dismissNotice: (id) => set((state) => ({ notices: state.notices.filter((notice) => notice.id !== id) })),
}));
