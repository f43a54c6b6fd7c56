import type { JobSummary } from '../../../shared/domain/job.ts';
import { stageLabels, type JobStatus } from '../../../shared/domain/stages.ts';
import { jobActions } from '../actions/jobActions.ts';
import { formatPercent, formatTimeLeft } from '../format.ts';
import { useJobsStore } from '../stores/jobsStore.ts';
import { useJobViewStore } from '../stores/jobViewStore.ts';

const statusLabels: Record<JobStatus, string> = {
  queued: 'Waiting in the queue',
  running: 'Working',
  done: 'Done',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

export function JobRow({ job }: { job: JobSummary }) {
  const live = useJobsStore((state) => state.progress[job.id]);
  const open = useJobViewStore((state) => state.openJobId === job.id);
  const running = job.status === 'running';
  const stage = live?.stage ?? job.stage;
  const fraction = live?.overall ?? job.progress;
  const titleId = `job-${job.id}-title`;

  return (
    <li
      className={open ? `job job--${job.status} job--open` : `job job--${job.status}`}
      aria-labelledby={titleId}
      aria-current={open ? 'true' : undefined}
    >
      <div className="job__header">
        <h3 id={titleId} className="job__name" title={job.sourcePath}>
          {job.sourceName}
        </h3>
        <span className="job__status">{running && stage ? stageLabels[stage] : statusLabels[job.status]}</span>
      </div>
      {(running || job.status === 'queued') && (
        <div className="job__progress">
          <progress max={1} value={fraction} aria-label={`Progress of ${job.sourceName}`} />
          <span>{formatPercent(fraction)}</span>
          {running && <span className="job__eta">{formatTimeLeft(live?.etaSec ?? null)}</span>}
        </div>
      )}
      {job.error && job.status === 'failed' && <p className="job__error">{job.error.message}</p>}
      <div className="job__actions">
        {jobActions
          .filter((action) => action.enabled(job))
          .map((action) => (
            <button
              key={action.id}
              type="button"
              aria-label={`${action.label} ${job.sourceName}`}
              onClick={() => void action.run(job)}
            >
              {action.label}
            </button>
          ))}
      </div>
    </li>
  );
}
