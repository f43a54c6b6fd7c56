import type { ClipSummary } from '../../../../shared/domain/clip.ts';
import { mediaUrl } from '../../../../shared/ipc/index.ts';
import { mediaSrc } from '../../ipc/media.ts';

/**
 * The clip as rendered, from its file in the export folder. The URL carries the render's version, so after a
 * re-render the player loads the new file rather than keeping the old one it has.
 */
export function RenderedPreview({ clip }: { clip: ClipSummary }) {
  const rendered = clip.outputs !== null && clip.renderVersion !== null && clip.state !== 'rendering';
  return (
    <section className="editor__part" aria-labelledby="rendered-title">
      <h4 id="rendered-title">Rendered clip</h4>
      {rendered ? (
        <>
          <video
            key={clip.renderVersion}
            className="rendered__video"
            src={mediaSrc(mediaUrl(clip.jobId, 'clip', clip.id), clip.renderVersion)}
            controls
            preload="metadata"
            aria-label={`Rendered clip: ${clip.title}`}
          />
          {clip.needsRender && (
            <p className="rendered__stale">Changed since this render: re-render to see the changes here.</p>
          )}
        </>
      ) : (
        <p className="job-view__empty">
          {clip.state === 'rendering' ? 'Rendering…' : 'Not rendered yet: “Re-render changed clips” makes it.'}
        </p>
      )}
    </section>
  );
}
