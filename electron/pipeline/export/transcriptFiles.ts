import type { Sentence } from '../../../shared/domain/transcript.ts';
import { buildClipCues } from '../render/subtitles/buildCues.ts';
import { toSrt, toVtt } from '../render/subtitles/formats.ts';

/**
 * The whole lecture's transcript as captions a lecturer can upload next to the full recording (YouTube, Moodle,
 * Panopto): the clip subtitles' cue rules over one clip as long as the recording, so times are the recording's own.
 * SRT for the widest player support, WebVTT for the web.
 */
export function transcriptSrt(sentences: readonly Sentence[], durationSec: number): string {
  return toSrt(buildClipCues(sentences, { start: 0, end: durationSec }));
}

export function transcriptVtt(sentences: readonly Sentence[], durationSec: number): string {
  return toVtt(buildClipCues(sentences, { start: 0, end: durationSec }));
}
