import type { JobId } from '../../../shared/domain/job.ts';
import { useJobsStore } from '../stores/jobsStore.ts';
import { lecternApi } from './api.ts';

/** Queues the recordings; files the engine refuses (not media, no audio, …) are reported with its reason. */
export async function addLectures(paths: string[]): Promise<void> {
  const { receiveJob, addNotices } = useJobsStore.getState();
  const result = await lecternApi().invoke('jobs:add', paths);
  if (!result.ok) {
    addNotices([{ title: 'Lectern could not add the recordings', detail: result.error.message }]);
    return;
  }
  for (const added of result.value) {
    if (added.job) receiveJob(added.job);
    else addNotices([{ title: `${added.path} was not added`, detail: added.error.message }]);
  }
}

async function changeJob(channel: 'jobs:cancel' | 'jobs:retry', id: JobId, failureTitle: string): Promise<void> {
  const { receiveJob, addNotices } = useJobsStore.getState();
  const result = await lecternApi().invoke(channel, { id });
  if (result.ok) receiveJob(result.value);
  else addNotices([{ title: failureTitle, detail: result.error.message }]);
}

export function cancelJob(id: JobId): Promise<void> {
  return changeJob('jobs:cancel', id, 'Lectern could not cancel the job');
}

export function retryJob(id: JobId): Promise<void> {
  return changeJob('jobs:retry', id, 'Lectern could not retry the job');
}
