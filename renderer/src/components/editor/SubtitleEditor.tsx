import { useState } from 'react';
import type { ClipSummary } from '../../../../shared/domain/clip.ts';
import { withCueText } from '../../../../shared/editing/cues.ts';
import { useEditorStore } from '../../stores/editorStore.ts';
import { formatTimecode } from './time.ts';
import { seek } from './transport.ts';

/** One subtitle line: typed freely, saved when the lecturer leaves the field or presses Enter (Escape puts it back). */
/** A cue's lines as one line of text: the render wraps it again, so a field need not hold line breaks. */
function asOneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ');
}

function CueLine({ clip, index }: { clip: ClipSummary; index: number }) {
  const cue = clip.cues[index]!;
  const shown = asOneLine(cue.text);
  const [text, setText] = useState(shown);
  const edit = useEditorStore((s) => s.edit);
  const label = `Subtitle line ${index + 1}, ${formatTimecode(cue.start)} to ${formatTimecode(cue.end)}`;

  function commit(): void {
    const trimmed = text.trim();
    if (!trimmed) return setText(shown);
    if (trimmed === shown) return;
    edit(
      clip.id,
      { subtitleText: withCueText(clip.cues, index, trimmed) },
      { label: `edit subtitle line ${index + 1}` },
    );
  }

  return (
    <li className="cue">
      <button
        type="button"
        className="cue__time button--quiet"
        title="Play from this line"
        aria-label={`Seek to subtitle line ${index + 1}`}
        onClick={() => seek(clip.start + cue.start)}
      >
        {formatTimecode(cue.start)}
      </button>
      <input
        className="cue__text"
        aria-label={label}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') e.currentTarget.blur();
          if (e.key === 'Escape') setText(shown);
        }}
      />
    </li>
  );
}

/**
 * The highlight's subtitles exactly as the next render draws them (corrected, or built from the transcript), one
 * editable line each. Saving stores them as the clip's corrected subtitles, which the render hash covers.
 */
export function SubtitleEditor({ clip }: { clip: ClipSummary }) {
  return (
    <section className="editor__part" aria-labelledby="subtitles-title">
      <h4 id="subtitles-title">
        Subtitles ({clip.cues.length}){clip.subtitleText ? ' · corrected' : ''}
      </h4>
      {clip.cues.length === 0 ? (
        <p className="job-view__empty">No speech was transcribed in this highlight.</p>
      ) : (
        <ol className="cue-list">
          {clip.cues.map((cue, index) => (
            // Keyed by text too, so an undo that changes a line shows the restored text.
            <CueLine key={`${clip.id}-${index}-${cue.text}`} clip={clip} index={index} />
          ))}
        </ol>
      )}
    </section>
  );
}
