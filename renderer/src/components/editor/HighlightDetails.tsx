import { useState } from 'react';
import type { ClipSummary } from '../../../../shared/domain/clip.ts';
import { useEditorStore } from '../../stores/editorStore.ts';
import { RenderedPreview } from './RenderedPreview.tsx';
import { SubtitleEditor } from './SubtitleEditor.tsx';

function TitleField({ clip }: { clip: ClipSummary }) {
  const [title, setTitle] = useState(clip.title);
  const edit = useEditorStore((s) => s.edit);
  const commit = () => {
    const trimmed = title.trim();
    if (!trimmed || trimmed.length > 120) return setTitle(clip.title);
    if (trimmed !== clip.title) edit(clip.id, { title: trimmed }, { label: 'rename the highlight' });
  };
  return (
    <label className="editor__title">
      Title
      <input
        value={title}
        maxLength={120}
        onChange={(e) => setTitle(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') e.currentTarget.blur();
          if (e.key === 'Escape') setTitle(clip.title);
        }}
      />
    </label>
  );
}

/** The open highlight: its title, its subtitle lines, and the rendered file. */
export function HighlightDetails({ clip }: { clip: ClipSummary }) {
  return (
    <div className="editor__details">
      {/* Keyed by title so an undo of a rename shows the old title. */}
      <TitleField key={`${clip.id}-${clip.title}`} clip={clip} />
      <div className="editor__columns">
        <SubtitleEditor clip={clip} />
        <RenderedPreview clip={clip} />
      </div>
    </div>
  );
}
