import { useJobsStore } from '../stores/jobsStore.ts';
import { JobRow } from './JobRow.tsx';

export function JobQueue() {
  const jobs = useJobsStore((state) => state.jobs);
  return (
    <section className="queue" aria-labelledby="queue-title">
      <h2 id="queue-title">Queue</h2>
      {jobs.length === 0 ? (
        <p className="queue__empty">No lectures yet. Add a recording to find its highlights.</p>
      ) : (
        <ul className="queue__list">
          {jobs.map((job) => (
            <JobRow key={job.id} job={job} />
          ))}
        </ul>
      )}
    </section>
  );
}
