import { useEffect, useRef } from 'react';
import type { JobSummary } from '../../../shared/domain/job.ts';
import { useJobAnalysis } from '../hooks/useJobAnalysis.ts';
import { openExportFolder, renderChangedClips } from '../ipc/clipCommands.ts';
import { useJobsStore } from '../stores/jobsStore.ts';
import { useJobViewStore } from '../stores/jobViewStore.ts';
import { useEditorStore } from '../stores/editorStore.ts';
import { EditorWorkspace } from './editor/EditorWorkspace.tsx';
import { ProcessingNotes } from './ProcessingNotes.tsx';
import { PublishPanel } from './publish/PublishPanel.tsx';

function JobDetails({ job }: { job: JobSummary }) {
  const state = useJobAnalysis(job);
  const closeJob = useJobViewStore((s) => s.closeJob);
  const heading = useRef<HTMLHeadingElement>(null);
  // Opening a job moves keyboard focus here, so a screen reader announces what was opened.
  useEffect(() => heading.current?.focus(), [job.id]);

  const busy = job.status === 'queued' || job.status === 'running';
  // The editor's copy of the clips carries edits not saved yet, so the count moves as soon as the lecturer trims.
  const changed = useEditorStore((s) => (s.jobId === job.id ? s.clips.filter((clip) => clip.needsRender).length : 0));

  return (
    <section className="job-view" aria-labelledby="job-view-title">
      <div className="job-view__header">
        <h2 id="job-view-title" ref={heading} tabIndex={-1}>
          {job.sourceName}
        </h2>
        <div className="job-view__actions">
          <button
            type="button"
            disabled={busy || changed === 0}
            title={busy ? 'Wait for the job to finish' : changed === 0 ? 'Every clip is up to date' : undefined}
            onClick={() => void renderChangedClips(job.id)}
          >
            Re-render changed clips{changed > 0 ? ` (${changed})` : ''}
          </button>
          <button type="button" className="button--quiet" onClick={() => void openExportFolder(job.id)}>
            Open export folder
          </button>
          <button type="button" className="button--quiet" onClick={closeJob}>
            Close
          </button>
        </div>
      </div>
      {state.status === 'loading' && <p role="status">Loading the segments and highlights…</p>}
      {state.status === 'failed' && (
        <p role="alert" className="job__error">
          {state.message}
        </p>
      )}
      {state.status === 'ready' && (
        <>
          <EditorWorkspace job={job} data={state.data} />
          <PublishPanel job={job} clips={state.data.clips} />
        </>
      )}
      <ProcessingNotes job={job} />
    </section>
  );
}

/** The open lecture: the topics the engine found and the highlights it cut, beside the queue. */
export function JobView() {
  const openJobId = useJobViewStore((s) => s.openJobId);
  const job = useJobsStore((s) => s.jobs.find((candidate) => candidate.id === openJobId));
  if (!job) return null;
  // Keyed by job so switching lectures starts from "loading", never from the previous lecture's lists.
  return <JobDetails key={job.id} job={job} />;
}
