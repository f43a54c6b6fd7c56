import { useEffect, useRef, useState } from 'react';
import { mediaUrl } from '../../../../shared/ipc/index.ts';
import { mediaSrc } from '../../ipc/media.ts';
import { usePlayerStore } from '../../stores/playerStore.ts';
import { formatTimecode } from './time.ts';
import { attachMedia } from './transport.ts';

/**
 * The source recording under the editor: every command, the waveform and the transcript move this one player.
 * `onMedia` hands the element to the waveform, which draws over the same playback.
 */
export function PreviewPlayer({
  jobId,
  title,
  onMedia,
}: {
  jobId: number;
  title: string;
  onMedia: (media: HTMLVideoElement | null) => void;
}) {
  const video = useRef<HTMLVideoElement>(null);
  const [failed, setFailed] = useState(false);
  // An audio-only lecture has no picture to show: the waveform below is the view of it.
  const [audioOnly, setAudioOnly] = useState(false);
  const playhead = usePlayerStore((s) => s.playhead);
  const update = usePlayerStore((s) => s.update);

  useEffect(() => {
    const element = video.current;
    if (!element) return;
    const detach = attachMedia(element);
    const ready = () => {
      setAudioOnly(element.videoWidth === 0);
      update({ ready: true });
    };
    element.addEventListener('loadedmetadata', ready);
    if (element.readyState >= 1) ready();
    onMedia(element);
    return () => {
      element.removeEventListener('loadedmetadata', ready);
      onMedia(null);
      detach();
    };
  }, [jobId, onMedia, update]);

  return (
    <div className="preview">
      <video
        ref={video}
        className={audioOnly ? 'preview__video preview__video--audio' : 'preview__video'}
        src={mediaSrc(mediaUrl(jobId, 'source'))}
        preload="auto"
        playsInline
        aria-label={`Preview of ${title}`}
        onError={() => setFailed(true)}
      />
      <p className="preview__time" aria-live="off">
        <span className="visually-hidden">Playhead at </span>
        <output aria-label="Playhead">{formatTimecode(playhead)}</output>
      </p>
      {failed && (
        <p role="alert" className="job__error">
          The recording cannot be played here. Is the file still where it was when you added it?
        </p>
      )}
    </div>
  );
}
