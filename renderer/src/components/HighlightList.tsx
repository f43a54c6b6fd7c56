import type { ClipSummary } from '../../../shared/domain/clip.ts';
import { formatClock } from '../format.ts';

const stateLabels: Record<ClipSummary['state'], string> = {
  draft: 'Not rendered yet',
  rendering: 'Rendering',
  rendered: 'Rendered',
  failed: 'Render failed',
};

function clipStatus(clip: ClipSummary): string {
  if (clip.needsRender && clip.state === 'rendered') return 'Changed, needs render';
  return stateLabels[clip.state];
}

/**
 * The job's highlights. With `onOpen`, each opens in the editor and the open one is marked; `openId` is that one.
 */
export function HighlightList({
  clips,
  openId = null,
  onOpen,
}: {
  clips: ClipSummary[];
  openId?: number | null;
  onOpen?: (clipId: number) => void;
}) {
  return (
    <section className="job-view__part" aria-labelledby="highlights-title">
      <h3 id="highlights-title">Highlights ({clips.length})</h3>
      {clips.length === 0 ? (
        <p className="job-view__empty">No highlights yet: they appear once the clips have been chosen.</p>
      ) : (
        <ol className="highlight-list">
          {clips.map((clip) => (
            <li
              key={clip.id}
              className={clip.id === openId ? 'highlight highlight--open' : 'highlight'}
              aria-labelledby={`clip-${clip.id}-title`}
              aria-current={clip.id === openId ? 'true' : undefined}
            >
              <span className="highlight__time">
                {formatClock(clip.start)}–{formatClock(clip.end)}
              </span>
              <span id={`clip-${clip.id}-title`} className="highlight__title">
                {clip.title}
              </span>
              <span className={clip.needsRender ? 'highlight__state highlight__state--stale' : 'highlight__state'}>
                {clipStatus(clip)}
              </span>
              {onOpen && (
                <button
                  type="button"
                  className="button--quiet highlight__open"
                  aria-label={`Edit ${clip.title}`}
                  aria-pressed={clip.id === openId}
                  onClick={() => onOpen(clip.id)}
                >
                  Edit
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
