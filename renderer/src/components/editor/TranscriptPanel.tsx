import { useDeferredValue, useMemo, useState } from 'react';
import type { Sentence } from '../../../../shared/domain/transcript.ts';
import { usePlayerStore } from '../../stores/playerStore.ts';
import { formatTimecode } from './time.ts';
import { seek } from './transport.ts';

/** More lines than this are not drawn at once: searching narrows them, which is how a lecturer finds a moment. */
const shownLines = 400;

/** What was said, searchable; a line moves the preview there. The line being played is marked. */
export function TranscriptPanel({ sentences }: { sentences: readonly Sentence[] }) {
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query.trim().toLowerCase());
  const playhead = usePlayerStore((s) => s.playhead);
  const matches = useMemo(
    () => (deferred ? sentences.filter((s) => s.text.toLowerCase().includes(deferred)) : sentences),
    [sentences, deferred],
  );

  return (
    <section className="job-view__part transcript" aria-labelledby="transcript-title">
      <h3 id="transcript-title">Transcript</h3>
      <input
        type="search"
        className="transcript__search"
        placeholder="Search what was said"
        aria-label="Search the transcript"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      <p className="transcript__count" role="status">
        {deferred ? `${matches.length} of ${sentences.length} lines match` : `${sentences.length} lines`}
      </p>
      <ol className="transcript__lines" aria-label="Transcript lines">
        {matches.slice(0, shownLines).map((sentence) => {
          const current = playhead >= sentence.start && playhead < sentence.end;
          return (
            <li key={`${sentence.start}-${sentence.end}`}>
              <button
                type="button"
                className={current ? 'transcript__line transcript__line--current' : 'transcript__line'}
                aria-current={current ? 'true' : undefined}
                onClick={() => seek(sentence.start)}
              >
                <span className="transcript__time">{formatTimecode(sentence.start)}</span>
                <span>{sentence.text}</span>
              </button>
            </li>
          );
        })}
      </ol>
      {matches.length > shownLines && (
        <p className="transcript__count">Showing the first {shownLines} lines: search to find the rest.</p>
      )}
    </section>
  );
}
