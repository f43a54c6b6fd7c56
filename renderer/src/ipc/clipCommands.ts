import type { ClipSummary } from '../../../shared/domain/clip.ts';
import type { JobId } from '../../../shared/domain/job.ts';
import type { JobAnalysis } from '../../../shared/ipc/index.ts';
import { useEditorStore } from '../stores/editorStore.ts';
import { useJobsStore } from '../stores/jobsStore.ts';
import { lecternApi } from './api.ts';

/** What the job view draws: the topics the engine found and the highlights cut from them. */
export interface JobViewData {
  analysis: JobAnalysis;
  clips: ClipSummary[];
}

export type JobViewLoad = { status: 'ready'; data: JobViewData } | { status: 'failed'; message: string };

export async function loadJobView(jobId: JobId): Promise<JobViewLoad> {
  const api = lecternApi();
  const [analysis, clips] = await Promise.all([
    api.invoke('jobs:analysis', { jobId }),
    api.invoke('clips:list', { jobId }),
  ]);
  if (!analysis.ok) return { status: 'failed', message: analysis.error.message };
  if (!clips.ok) return { status: 'failed', message: clips.error.message };
  return { status: 'ready', data: { analysis: analysis.value, clips: clips.value } };
}

/** Queues the job to render again the clips whose inputs changed; the queue shows it running from there. */
export async function renderChangedClips(jobId: JobId): Promise<void> {
  const { receiveJob, addNotices } = useJobsStore.getState();
  // An edit still waiting for its save would otherwise miss this render.
  await useEditorStore.getState().flush();
  const result = await lecternApi().invoke('clips:render', { jobId });
  if (result.ok) receiveJob(result.value);
  else addNotices([{ title: 'Lectern could not re-render the clips', detail: result.error.message }]);
}

/** Shows the job's export folder in the file manager. */
export async function openExportFolder(jobId: JobId): Promise<void> {
  const result = await lecternApi().invoke('clips:openFolder', { jobId });
  if (!result.ok) {
    useJobsStore
      .getState()
      .addNotices([{ title: 'Lectern could not open the export folder', detail: result.error.message }]);
  }
}
