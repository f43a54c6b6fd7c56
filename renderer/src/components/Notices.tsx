import { useJobsStore } from '../stores/jobsStore.ts';

/** Refused files and failed requests, each kept until the lecturer dismisses it. */
export function Notices() {
  const notices = useJobsStore((state) => state.notices);
  const dismiss = useJobsStore((state) => state.dismissNotice);
  return (
    <div className="notices" role="status" aria-live="polite">
      {notices.map((notice) => (
        <div key={notice.id} className="notice">
          <div>
            <strong>{notice.title}</strong>
            <p>{notice.detail}</p>
          </div>
          <button type="button" aria-label={`Dismiss: ${notice.title}`} onClick={() => dismiss(notice.id)}>
            Dismiss
          </button>
        </div>
      ))}
    </div>
  );
}
