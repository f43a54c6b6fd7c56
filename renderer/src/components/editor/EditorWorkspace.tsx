import { useCallback, useEffect, useState } from 'react';
import type { JobSummary } from '../../../../shared/domain/job.ts';
import { useEditorKeyboard } from '../../hooks/useEditorCommands.ts';
import type { JobViewData } from '../../ipc/clipCommands.ts';
import { selectedClip, useEditorStore } from '../../stores/editorStore.ts';
import { HighlightList } from '../HighlightList.tsx';
import { SegmentList } from '../SegmentList.tsx';
import { HighlightDetails } from './HighlightDetails.tsx';
import { PreviewPlayer } from './PreviewPlayer.tsx';
import { TranscriptPanel } from './TranscriptPanel.tsx';
import { TrimControls } from './TrimControls.tsx';
import { Waveform } from './Waveform.tsx';
import { seek } from './transport.ts';
import './editor.css';

/** A highlight added from a whole topic is cut to this length from its start; the lecturer trims from there. */
const longestAddedSec = 90;

/**
 * Where the lecturer reviews a lecture: the preview and trim editor over the recording, the open highlight's title
 * and subtitles, the highlights, the transcript, and the topics to add highlights from.
 */
export function EditorWorkspace({ job, data }: { job: JobSummary; data: JobViewData }) {
  const [media, setMedia] = useState<HTMLVideoElement | null>(null);
  const onMedia = useCallback((element: HTMLVideoElement | null) => setMedia(element), []);
  const open = useEditorStore((s) => s.open);
  const receiveClips = useEditorStore((s) => s.receiveClips);
  const clips = useEditorStore((s) => s.clips);
  const clip = useEditorStore(selectedClip);
  const select = useEditorStore((s) => s.select);
  const addClip = useEditorStore((s) => s.addClip);
  const error = useEditorStore((s) => s.error);
  const dismissError = useEditorStore((s) => s.dismissError);
  const durationSec = job.media?.durationSec ?? Infinity;

  const sentences = data.analysis.sentences;
  useEffect(() => open(job.id, durationSec, sentences), [open, job.id, durationSec, sentences]);
  useEffect(() => receiveClips(data.clips), [receiveClips, data.clips]);
  useEditorKeyboard(data.analysis.pauses, data.analysis.sentences);

  const openClip = (clipId: number) => {
    select(clipId);
    const chosen = useEditorStore.getState().clips.find((c) => c.id === clipId);
    if (chosen) seek(chosen.start);
  };

  return (
    <div className="editor">
      <section className="editor__stage" aria-labelledby="editor-title">
        <h3 id="editor-title">{clip ? `Editing “${clip.title}”` : 'Preview'}</h3>
        <PreviewPlayer jobId={job.id} title={job.sourceName} onMedia={onMedia} />
        {data.analysis.waveform && <Waveform jobId={job.id} media={media} durationSec={durationSec} clip={clip} />}
        <TrimControls />
        {error && (
          <div role="alert" className="editor__error">
            <span>{error}</span>
            <button type="button" className="button--quiet" onClick={dismissError}>
              Dismiss
            </button>
          </div>
        )}
        {clip ? (
          <HighlightDetails key={clip.id} clip={clip} />
        ) : (
          <p className="job-view__empty">Choose “Edit” on a highlight to trim it and correct its subtitles.</p>
        )}
      </section>
      <HighlightList clips={clips} openId={clip?.id ?? null} onOpen={openClip} />
      <TranscriptPanel sentences={data.analysis.sentences} />
      <SegmentList
        segments={data.analysis.segments}
        onAdd={(segment) =>
          void addClip({ start: segment.start, end: Math.min(segment.end, segment.start + longestAddedSec) })
        }
      />
    </div>
  );
}
