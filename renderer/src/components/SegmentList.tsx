import type { JobAnalysis } from '../../../shared/ipc/index.ts';
import { formatClock, formatPercent } from '../format.ts';

type Segment = JobAnalysis['segments'][number];

function SegmentItem({ segment }: { segment: Segment }) {
  const titleId = `segment-${segment.id}-title`;
  return (
    <li className="segment" aria-labelledby={titleId}>
      <div className="segment__header">
        <h4 id={titleId}>{segment.title}</h4>
        <span className="segment__time">
          {formatClock(segment.start)}–{formatClock(segment.end)}
        </span>
      </div>
      <p className="segment__topic">Topic: {segment.topic}</p>
      <div className="segment__importance">
        <meter min={0} max={1} value={segment.importance} aria-label={`Importance of ${segment.title}`} />
        <span>{formatPercent(segment.importance)} important</span>
      </div>
      {segment.reasons.length > 0 && (
        <ul className="segment__reasons" aria-label={`Why ${segment.title} matters`}>
          {segment.reasons.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
      )}
    </li>
  );
}

export function SegmentList({ segments }: { segments: Segment[] }) {
  return (
    <section className="job-view__part" aria-labelledby="segments-title">
      <h3 id="segments-title">Segments ({segments.length})</h3>
      {segments.length === 0 ? (
        <p className="job-view__empty">No segments yet: they appear once the topics have been found.</p>
      ) : (
        <ol className="segment-list">
          {segments.map((segment) => (
            <SegmentItem key={segment.id} segment={segment} />
          ))}
        </ol>
      )}
    </section>
  );
}
