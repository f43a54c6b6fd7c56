import type { MediaInfo } from '../../../shared/domain/media.ts';

/**
 * The frame grid the editing exports (EDL, FCPXML) cut on. A frame lasts `frameNum / frameDen` seconds;
 * `timebase` is the whole number of frames per timecode second that editors label it with.
 */
export interface ExportFrameRate {
  timebase: number;
  frameNum: number;
  frameDen: number;
  /** Set when the grid is not exactly the source's rate, or has no source rate at all: tell the media team. */
  note: string | null;
}

/** Audio has no frames; 25 fps is the PAL/EBU default that every NLE accepts for an audio-only timeline. */
const audioOnlyRate: ExportFrameRate = {
  timebase: 25,
  frameNum: 1,
  frameDen: 25,
  note: 'The recording has no video, so the edit lists use a 25 fps timeline.',
};

/** Probed rates are averages (30000/1001 prints as 29.97002997…), so compare with a tolerance. */
const tolerance = 0.01;

export function exportFrameRate(media: MediaInfo): ExportFrameRate {
  const fps = media.video?.frameRate ?? null;
  if (fps === null || !Number.isFinite(fps) || fps <= 0) return audioOnlyRate;
  const whole = Math.max(1, Math.round(fps));
  if (Math.abs(fps - whole) < tolerance) return { timebase: whole, frameNum: 1, frameDen: whole, note: null };
  // NTSC rates (23.976, 29.97, 59.94) are N×1000/1001: frames are counted exactly, and labelled with
  // non-drop-frame timecode at N, which runs 3.6 s per hour behind the clock.
  const ntsc = Math.round((fps * 1001) / 1000);
  if (Math.abs(fps - (ntsc * 1000) / 1001) < tolerance) {
    return {
      timebase: ntsc,
      frameNum: 1001,
      frameDen: ntsc * 1000,
      note:
        `The video runs at ${formatFps((ntsc * 1000) / 1001)} fps; the EDL labels its frames with ${ntsc} fps ` +
        `non-drop-frame timecode, which falls 3.6 s per hour behind the clock.`,
    };
  }
  return {
    timebase: whole,
    frameNum: 1,
    frameDen: whole,
    note: `The video's frame rate (${formatFps(fps)} fps) is not a standard one; the edit lists use ${whole} fps.`,
  };
}

/**
 * The nearest frame to a time in seconds; exact halves round up. Works in whole microseconds and integer
 * division so that, e.g., 0.3 s at 25 fps is frame 8 (7.5 rounded up), not 7 from 7.499999….
 */
export function secondsToFrames(seconds: number, rate: ExportFrameRate): number {
  const micros = Math.round(seconds * 1e6);
  const numerator = micros * rate.frameDen;
  const denominator = rate.frameNum * 1e6;
  const whole = Math.floor(numerator / denominator);
  const remainder = numerator - whole * denominator;
  return 2 * remainder >= denominator ? whole + 1 : whole;
}

function formatFps(fps: number): string {
  return String(Math.round(fps * 1000) / 1000);
}
