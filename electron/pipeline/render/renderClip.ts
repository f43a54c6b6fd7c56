import type { MediaInfo } from '../../../shared/domain/media.ts';
import { LecternError } from '../../../shared/errors.ts';
import { isFfmpegError } from '../ffmpeg/errors.ts';
import { runFfmpeg } from '../ffmpeg/run.ts';
import { readColourTags, untagged } from './colour.ts';
import { planClipFrame, type AspectPreset, type LayoutRegions } from './crop.ts';
import { h264EncoderArgs, probeH264Encoder, type H264Encoder } from './encoder.ts';
import { writeViaPartial } from './partialFile.ts';
import { buildRenderArgs, type ClipSubtitles, type RenderPlan } from './renderArgs.ts';

export type { ClipSubtitles } from './renderArgs.ts';

export interface RenderClipOptions {
  source: string;
  media: MediaInfo;
  /** Seconds into the recording. */
  start: number;
  end: number;
  outPath: string;
  aspect: AspectPreset;
  /** From layout detection; they only move the crop, so leaving them out centres it. */
  regions?: LayoutRegions;
  subtitles: ClipSubtitles;
  loudnorm: boolean;
  signal?: AbortSignal;
  /** 0..1 over the clip's duration. */
  onProgress?: (fraction: number) => void;
  /** Use this encoder instead of the probed one (benchmarks, a user's "software encoding" setting). */
  encoder?: H264Encoder;
  ffmpegPath?: string;
}

export interface RenderedClip {
  outPath: string;
  durationSec: number;
  encoder: H264Encoder;
}

/**
 * Renders one highlight to a finished MP4 (H.264 + AAC, moov first so it plays while downloading). Nothing appears
 * at `outPath` until the whole file is written. Rejects with LecternError 'cancelled', 'disk-full' or
 * 'invalid-input', or FfmpegError.
 */
export async function renderClip(options: RenderClipOptions): Promise<RenderedClip> {
  const { media, outPath, ffmpegPath } = options;
  const durationSec = clipDuration(options);
  const frame = planClipFrame(media.video, options.aspect, options.regions);
  const [chosen, colour] = await Promise.all([
    options.encoder ?? probeH264Encoder({ ffmpegPath }).then((probe) => probe.encoder),
    // Rendering untagged beats not rendering: a source ffprobe cannot read fails in FFmpeg with a better message.
    media.video ? readColourTags(options.source, media.video.index).catch(() => untagged) : untagged,
  ]);
  const encode = async (encoder: H264Encoder, partial: string): Promise<RenderedClip> => {
    const plan: RenderPlan = {
      source: options.source,
      media,
      startSec: options.start,
      durationSec,
      frame,
      subtitles: options.subtitles,
      loudnorm: options.loudnorm,
      encoder: h264EncoderArgs(encoder, { ...frame.output, durationSec }),
      colour,
      outPath: partial,
    };
    await runFfmpeg(buildRenderArgs(plan), {
      signal: options.signal,
      durationSec,
      ffmpegPath,
      onProgress: (progress) => {
        if (progress.fraction !== null) options.onProgress?.(progress.fraction);
      },
    });
    return { outPath, durationSec, encoder };
  };
  return writeViaPartial(outPath, async (partial) => {
    try {
      return await encode(chosen, partial);
    } catch (error) {
      // A GPU encoder that passed the 3-frame probe can still refuse a real job (a size over its limit, a busy
      // session cap on consumer NVENC): x264 always works, only slower.
      if (chosen === 'libx264' || !isFfmpegError(error)) throw error;
      return encode('libx264', partial);
    }
  });
}

/** The clip's length after checking the range against the recording; an end past the recording is cut short. */
export function clipDuration(options: Pick<RenderClipOptions, 'start' | 'end' | 'media'>): number {
  const { start, media } = options;
  const end = Math.min(options.end, media.durationSec);
  if (!Number.isFinite(start) || !Number.isFinite(end) || start < 0 || end <= start) {
    throw new LecternError(
      'invalid-input',
      `A highlight must start before it ends, inside the ${media.durationSec.toFixed(1)} s recording; this one runs ` +
        `from ${start} s to ${options.end} s.`,
    );
  }
  return end - start;
}
