import { useState } from 'react';
import type { PublicationSummary, PublishedObject } from '../../../../shared/domain/publish.ts';
import { copyLink } from '../../ipc/publishCommands.ts';

function linkLabel(object: PublishedObject): string {
  if (object.kind === 'manifest') return 'Manifest (all clips, as JSON)';
  return object.title ?? object.key;
}

/** A link per published clip (and the manifest), each copied with one click. */
export function PublishedLinks({ publication }: { publication: PublicationSummary }) {
  const [copied, setCopied] = useState<{ key: string; ok: boolean } | null>(null);
  const shared = publication.objects.filter((o) => o.kind === 'video' || o.kind === 'manifest');
  if (shared.length === 0) return null;
  const expires = new Date(Math.min(...shared.map((o) => o.urlExpiresAt)));
  return (
    <div className="publish__links">
      <p className="publish__expiry">
        Links work until {expires.toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' })}. Reopen the lecture
        for fresh ones.
      </p>
      <ul aria-label="Share links">
        {shared.map((object) => (
          <li key={object.key} className="publish__link">
            <span className="publish__link-title" title={object.key}>
              {linkLabel(object)}
            </span>
            <button
              type="button"
              className="button--quiet"
              aria-label={`Copy link to ${linkLabel(object)}`}
              onClick={() => void copyLink(object.url).then((ok) => setCopied({ key: object.key, ok }))}
            >
              Copy link
            </button>
            {copied?.key === object.key &&
              (copied.ok ? (
                <span role="status">Link copied</span>
              ) : (
                <input readOnly aria-label={`Link to ${linkLabel(object)}`} value={object.url} />
              ))}
          </li>
        ))}
      </ul>
    </div>
  );
}
