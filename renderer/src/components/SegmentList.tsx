import type { JobAnalysis } from '../../../shared/ipc/index.ts';
import { formatClock, formatPercent } from '../format.ts';

type Segment = JobAnalysis['segments'][number];

type AddHighlight = (segment: Segment) => void;

function SegmentItem({ segment, onAdd }: { segment: Segment; onAdd?: AddHighlight }) {
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
      {onAdd && (
        <button
          type="button"
          className="button--quiet segment__add"
          aria-label={`Add ${segment.title} as a highlight`}
          onClick={() => onAdd(segment)}
        >
          Add as highlight
        </button>
      )}
    </li>
  );
}

export function SegmentList({ segments, onAdd }: { segments: Segment[]; onAdd?: AddHighlight }) {
  return (
    <section className="job-view__part" aria-labelledby="segments-title">
      <h3 id="segments-title">Segments ({segments.length})</h3>
      {segments.length === 0 ? (
        <p className="job-view__empty">No segments yet: they appear once the topics have been found.</p>
      ) : (
        <ol className="segment-list">
          {segments.map((segment) => (
            <SegmentItem key={segment.id} segment={segment} onAdd={onAdd} />
          ))}
        </ol>
      )}
    </section>
  );
}
