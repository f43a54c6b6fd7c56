import path from 'node:path';
import { exportFrameRate, type ExportFrameRate } from './frameRate.ts';
import { layOutClips, oneLine, sourceFrameCount, type EditListInput } from './timelineClips.ts';

/** Broadcast convention: programme timecode starts at one hour, leaving room for bars and tone before it. */
const recordStartHours = 1;
/** CMX3600 reads fixed-width fields; its TITLE line holds at most 70 characters. */
const maxTitleLength = 70;

/**
 * The highlights as a CMX3600 EDL: one cut per highlight, back to back from 01:00:00:00. The recording is a file,
 * not a tape, so every event uses the auxiliary reel `AX` and names the file in `* FROM CLIP NAME:`, which is how
 * Premiere, Resolve and Avid relink it. Source timecode counts from 00:00:00:00 at the file's first frame.
 */
export function highlightsEdl(input: EditListInput): string {
  const rate = exportFrameRate(input.media);
  const recordStart = recordStartHours * 3600 * rate.timebase;
  const clips = layOutClips(input.highlights, rate, recordStart, sourceFrameCount(input.media, rate));
  const track = edlTrack(input.media.video !== null, input.media.audio !== null);
  const clipName = oneLine(path.basename(input.sourcePath));
  const lines = [`TITLE: ${oneLine(input.title).slice(0, maxTitleLength)}`, 'FCM: NON-DROP FRAME', ''];
  clips.forEach((clip, index) => {
    const times = [clip.sourceIn, clip.sourceOut, clip.recordIn, clip.recordOut].map((f) => timecode(f, rate));
    lines.push(
      `${String(index + 1).padStart(3, '0')}  ${'AX'.padEnd(8)} ${track.padEnd(5)} C        ${times.join(' ')}`,
    );
    lines.push(`* FROM CLIP NAME: ${clipName}`);
    if (clip.title.trim() !== '') lines.push(`* COMMENT: ${oneLine(clip.title)}`);
    lines.push('');
  });
  return lines.join('\n');
}

/** `AA/V` takes the picture and both audio channels in one event, as Premiere writes it. */
export function edlTrack(hasVideo: boolean, hasAudio: boolean): string {
  if (hasVideo && hasAudio) return 'AA/V';
  return hasVideo ? 'V' : 'AA';
}

/** Non-drop-frame `HH:MM:SS:FF`: every frame counted, `timebase` frames to the timecode second. */
export function timecode(frames: number, rate: ExportFrameRate): string {
  const perHour = 3600 * rate.timebase;
  const hours = Math.floor(frames / perHour);
  const minutes = Math.floor((frames % perHour) / (60 * rate.timebase));
  const seconds = Math.floor((frames % (60 * rate.timebase)) / rate.timebase);
  const rest = frames % rate.timebase;
  return [hours, minutes, seconds, rest].map((n) => String(n).padStart(2, '0')).join(':');
}
