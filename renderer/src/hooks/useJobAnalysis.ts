import { useEffect, useState } from 'react';
import type { JobSummary } from '../../../shared/domain/job.ts';
import { loadJobView, type JobViewLoad } from '../ipc/clipCommands.ts';

export type JobAnalysisState = { status: 'loading' } | JobViewLoad;

/**
 * The job's segments and highlights, fetched again whenever the job changes. `updatedAt` moves on every
 * `jobs:updated` for this job (the subscription in ipc/subscriptions.ts feeds the store), so a finished stage or
 * a re-render shows up without the view subscribing to anything itself.
 */
export function useJobAnalysis(job: Pick<JobSummary, 'id' | 'updatedAt'>): JobAnalysisState {
  const [state, setState] = useState<JobAnalysisState>({ status: 'loading' });
  useEffect(() => {
    let current = true;
    void loadJobView(job.id).then((loaded) => {
      if (current) setState(loaded);
    });
    return () => {
      current = false;
    };
  }, [job.id, job.updatedAt]);
  return state;
}
