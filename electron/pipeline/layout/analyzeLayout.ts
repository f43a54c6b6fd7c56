import type { MediaInfo } from '../../../shared/domain/media.ts';
import { detectLayout, emptyLayout, type Layout } from './detectLayout.ts';
import { sampleFrames } from './sampleFrames.ts';

export interface AnalyzeLayoutOptions {
  mediaPath: string;
  media: MediaInfo;
  signal?: AbortSignal;
  /** 0..1 */
  onProgress?: (fraction: number) => void;
  ffmpegPath?: string;
}

/**
 * Slide changes (evidence for topic boundaries) and where the screen and the camera are (for 9:16 and 1:1 crops).
 * An audio-only recording has no layout: it gets an empty one without starting FFmpeg.
 *
 * The detector runs on the calling thread: it reads each sampled pixel a couple of times, about 60 ms of CPU for a
 * 60-minute lecture (1,800 frames), too little to be worth posting the frames to a worker.
 */
export async function analyzeLayout(options: AnalyzeLayoutOptions): Promise<Layout> {
  const { media } = options;
  if (!media.video) {
    options.onProgress?.(1);
    return emptyLayout();
  }
  const sampled = await sampleFrames({
    mediaPath: options.mediaPath,
    streamIndex: media.video.index,
    sourceWidth: media.video.width,
    sourceHeight: media.video.height,
    durationSec: media.durationSec,
    signal: options.signal,
    onProgress: options.onProgress,
    ffmpegPath: options.ffmpegPath,
  });
  return detectLayout(sampled.frames, {
    sourceWidth: media.video.width,
    sourceHeight: media.video.height,
    durationSec: media.durationSec,
  });
}
