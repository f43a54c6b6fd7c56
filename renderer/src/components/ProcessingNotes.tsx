import { useEffect, useState } from 'react';
import type { JobSummary } from '../../../shared/domain/job.ts';
import type { ProcessingLogEntry } from '../../../shared/ipc/index.ts';
import { lecternApi } from '../ipc/api.ts';
import './online/online.css';

/**
 * What the lecturer should know about how a lecture was processed: warnings first (Gemini not used and why, a
 * fallback taken), and the whole log on demand. Fetched again whenever the job changes.
 */
export function ProcessingNotes({ job }: { job: Pick<JobSummary, 'id' | 'updatedAt'> }) {
  const [entries, setEntries] = useState<ProcessingLogEntry[]>([]);
  useEffect(() => {
    let current = true;
    void lecternApi()
      .invoke('jobs:log', { jobId: job.id })
      .then((result) => {
        if (current && result.ok) setEntries(result.value);
      });
    return () => {
      current = false;
    };
  }, [job.id, job.updatedAt]);

  const warnings = entries.filter((e) => e.level === 'warn' || e.level === 'error');
  const shown = entries.filter((e) => e.level !== 'debug');
  if (shown.length === 0) return null;
  return (
    <section className="processing-notes" aria-labelledby="processing-notes-title">
      <h3 id="processing-notes-title">Processing notes</h3>
      {warnings.length > 0 && (
        <ul className="processing-notes__warnings">
          {warnings.map((entry) => (
            <li key={entry.id} className={`processing-notes__${entry.level}`}>
              {entry.message}
            </li>
          ))}
        </ul>
      )}
      <details>
        <summary>Everything that happened ({shown.length})</summary>
        <ol className="processing-notes__log">
          {shown.map((entry) => (
            <li key={entry.id}>
              <time dateTime={new Date(entry.at).toISOString()}>{new Date(entry.at).toLocaleTimeString()}</time>{' '}
              {entry.message}
            </li>
          ))}
        </ol>
      </details>
    </section>
  );
}
