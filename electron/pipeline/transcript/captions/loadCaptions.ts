import path from 'node:path';
import type { MediaInfo, SubtitleStreamInfo } from '../../../../shared/domain/media.ts';
import type { Sentence } from '../../../../shared/domain/transcript.ts';
import { LecternError } from '../../../../shared/errors.ts';
import { extractEmbeddedSubtitles, findSidecarCaptions } from './findCaptions.ts';
import { languageRank } from './language.ts';
import { readCaptionsFile } from './readCaptionsFile.ts';
import { toSentences } from './toSentences.ts';

export interface CaptionsTranscript {
  source: 'captions';
  /** The captions file's path, or "embedded:<stream index>" for a subtitle track inside the recording. */
  origin: string;
  language: string | null;
  sentences: Sentence[];
}

export interface LoadCaptionsOptions {
  mediaPath: string;
  /** Captions the lecturer chose (`--captions FILE`); they win over anything found. */
  captionsPath?: string | null;
  media: MediaInfo;
  signal?: AbortSignal;
}

/** Subtitle codecs FFmpeg can turn into WebVTT; bitmap tracks (dvd_subtitle, hdmv_pgs_subtitle) would need OCR. */
const textSubtitleCodecs = new Set(['mov_text', 'subrip', 'srt', 'webvtt', 'ass', 'ssa', 'text']);

/**
 * The lecture's transcript from captions that already exist, or null when there are none: the file the lecturer
 * chose, else captions beside the recording, else a text subtitle track inside it.
 */
export async function loadCaptionsTranscript(options: LoadCaptionsOptions): Promise<CaptionsTranscript | null> {
  const { mediaPath, captionsPath, media, signal } = options;
  if (captionsPath) return fitToRecording(await loadTranscriptFile(captionsPath), media.durationSec);
  const sidecar = await findSidecarCaptions(mediaPath);
  if (sidecar) return fitToRecording(await loadTranscriptFile(sidecar.path), media.durationSec);
  for (const track of embeddedTextTracks(media.subtitles)) {
    const cues = await extractEmbeddedSubtitles(mediaPath, track.index, { signal });
    if (cues.length === 0) continue;
    const transcript: CaptionsTranscript = {
      source: 'captions',
      origin: `embedded:${track.index}`,
      language: track.language,
      sentences: toSentences(cues),
    };
    return fitToRecording(transcript, media.durationSec);
  }
  return null;
}

/** A captions or transcript file on its own (`lectern analyze lecture.srt`), with no recording to check it against. */
export async function loadTranscriptFile(filePath: string): Promise<CaptionsTranscript> {
  const { cues, language } = await readCaptionsFile(filePath);
  return { source: 'captions', origin: filePath, language, sentences: toSentences(cues) };
}

function embeddedTextTracks(tracks: readonly SubtitleStreamInfo[]): SubtitleStreamInfo[] {
  return tracks
    .filter((t) => textSubtitleCodecs.has(t.codec))
    .sort((a, b) => languageRank(a.language) - languageRank(b.language) || a.index - b.index);
}

/**
 * Captions for a longer cut of the lecture (a Zoom recording trimmed afterwards) run past its end; what lies beyond
 * cannot become a clip. Captions that all start after the end belong to a different recording.
 */
export function fitToRecording(transcript: CaptionsTranscript, durationSec: number): CaptionsTranscript {
  if (!(durationSec > 0)) return transcript;
  const inside = transcript.sentences.filter((s) => s.start < durationSec);
  const first = transcript.sentences[0];
  if (inside.length === 0 && first) {
    throw new LecternError(
      'invalid-input',
      `The captions in "${path.basename(transcript.origin)}" start at ${clock(first.start)}, after the recording ends ` +
        `(${clock(durationSec)}). Are they for a different recording?`,
    );
  }
  const sentences = inside.map((s) => {
    if (s.end <= durationSec) return s;
    const words = s.words
      ?.filter((w) => w.start < durationSec)
      .map((w) => ({ ...w, end: Math.min(w.end, durationSec) }));
    return { ...s, end: durationSec, text: words ? words.map((w) => w.text).join(' ') : s.text, words: words ?? null };
  });
  return { ...transcript, sentences };
}

function clock(seconds: number): string {
  const total = Math.floor(seconds);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}
