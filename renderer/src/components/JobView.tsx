import { useEffect, useRef } from 'react';
import type { JobSummary } from '../../../shared/domain/job.ts';
import { useJobAnalysis } from '../hooks/useJobAnalysis.ts';
import { renderChangedClips } from '../ipc/clipCommands.ts';
import { useJobsStore } from '../stores/jobsStore.ts';
import { useJobViewStore } from '../stores/jobViewStore.ts';
import { HighlightList } from './HighlightList.tsx';
import { PublishPanel } from './publish/PublishPanel.tsx';
import { SegmentList } from './SegmentList.tsx';

function JobDetails({ job }: { job: JobSummary }) {
  const state = useJobAnalysis(job);
  const closeJob = useJobViewStore((s) => s.closeJob);
  const heading = useRef<HTMLHeadingElement>(null);
  // Opening a job moves keyboard focus here, so a screen reader announces what was opened.
  useEffect(() => heading.current?.focus(), [job.id]);

  const busy = job.status === 'queued' || job.status === 'running';
  const changed = state.status === 'ready' ? state.data.clips.filter((clip) => clip.needsRender).length : 0;

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
          <HighlightList clips={state.data.clips} />
          <PublishPanel job={job} clips={state.data.clips} />
          <SegmentList segments={state.data.analysis.segments} />
        </>
      )}
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
