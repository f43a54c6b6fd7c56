import { create } from 'zustand';
import type { JobId } from '../../../shared/domain/job.ts';

/** Which lecture the job view shows; null while the lecturer is looking only at the queue. */
export interface JobViewState {
  openJobId: JobId | null;
  openJob(id: JobId): void;
  closeJob(): void;
}

export const useJobViewStore = create<JobViewState>()((set) => ({
  openJobId: null,
  openJob: (id) => set({ openJobId: id }),
  closeJob: () => set({ openJobId: null }),
}));
