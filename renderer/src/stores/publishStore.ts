import { create } from 'zustand';
import type { PublicationSummary, PublishProgress } from '../../../shared/domain/publish.ts';
import type { AppError } from '../../../shared/errors.ts';

/** One job's publishing as the panel shows it. */
export interface JobPublishing {
  /** A publish request is out (from this window). */
  busy: boolean;
  progress: PublishProgress | null;
  /** The last publication, with its links. */
  publication: PublicationSummary | null;
  error: AppError | null;
}

export interface PublishState {
  byJob: Partial<Record<number, JobPublishing>>;
  receiveProgress(progress: PublishProgress): void;
  update(jobId: number, patch: Partial<JobPublishing>): void;
}

const idle: JobPublishing = { busy: false, progress: null, publication: null, error: null };

export const usePublishStore = create<PublishState>()((set) => ({
  byJob: {},
  receiveProgress: (progress) =>
    set((state) => ({
      byJob: { ...state.byJob, [progress.jobId]: { ...idle, ...state.byJob[progress.jobId], progress } },
    })),
  update: (jobId, patch) =>
    set((state) => ({ byJob: { ...state.byJob, [jobId]: { ...idle, ...state.byJob[jobId], ...patch } } })),
}));

export function useJobPublishing(jobId: number): JobPublishing {
  return usePublishStore((state) => state.byJob[jobId] ?? idle);
}
