import type { LecternApi } from '../../../shared/ipc/index.ts';
import { useJobsStore } from '../stores/jobsStore.ts';

/**
 * The renderer's only IPC subscriptions: queue updates and progress flow into the jobs store. Listens before
 * asking for the list so nothing that changes in between is missed. Returns the disposer for unmount.
 */
export function subscribeToJobs(api: LecternApi<File>, store = useJobsStore): () => void {
  const { receiveJobs, receiveJob, receiveProgress, addNotices } = store.getState();
  const stops = [api.on('jobs:updated', receiveJob), api.on('jobs:progress', receiveProgress)];
  let disposed = false;
  void api.invoke('jobs:list').then((result) => {
    if (disposed) return;
    if (result.ok) receiveJobs(result.value);
    else addNotices([{ title: 'Lectern could not show the queue', detail: result.error.message }]);
  });
  return () => {
    disposed = true;
    for (const stop of stops) stop();
  };
}
