import type { MediaInfo } from '../../../shared/domain/media.ts';
import { runFfmpeg } from '../ffmpeg/run.ts';
import { jpegColourFilter, readColourTags, untagged } from './colour.ts';
import { planClipFrame, type AspectPreset, type LayoutRegions } from './crop.ts';
import { writeViaPartial } from './partialFile.ts';

export interface RenderThumbnailOptions {
  source: string;
  media: MediaInfo;
  /** The clip's range in the recording, in seconds. */
  start: number;
  end: number;
  /** A .jpg path. */
  outPath: string;
  /** The clip's framing, so the thumbnail shows what the clip shows. */
  aspect: AspectPreset;
  regions?: LayoutRegions;
  /** Slide changes in the recording (seconds); the first one inside the clip makes the best picture. */
  slideChangeTimes?: readonly number[];
  signal?: AbortSignal;
  ffmpegPath?: string;
}

export interface RenderedThumbnail {
  outPath: string;
  /** The moment shown, in seconds into the recording. */
  timeSec: number;
}

export const thumbnailWidth = 640;

/**
 * Writes one JPEG for a clip, 640 pixels wide, from the source with the clip's crop (no subtitles: the card
 * showing it has its own title). Audio-only recordings get the dark still their clips are rendered on.
 */
export async function renderThumbnail(options: RenderThumbnailOptions): Promise<RenderedThumbnail> {
  const { media } = options;
  const timeSec = thumbnailTime(options.start, options.end, options.slideChangeTimes ?? []);
  const frame = planClipFrame(media.video, options.aspect, options.regions);
  const height = Math.max(2, Math.round((thumbnailWidth * frame.output.height) / frame.output.width / 2) * 2);
  const colour = media.video ? await readColourTags(options.source, media.video.index).catch(() => untagged) : untagged;
  await writeViaPartial(options.outPath, async (partial) => {
    let picture = ['-f', 'lavfi', '-i', `color=c=0x16181d:s=${thumbnailWidth}x${height}:d=0.04`];
    if (media.video && frame.crop) {
      const { x, y, width, height: cropHeight } = frame.crop;
      const filters = [
        `crop=${width}:${cropHeight}:${x}:${y}`,
        jpegColourFilter(colour),
        `scale=${thumbnailWidth}:${height}`,
        'setsar=1',
      ].filter((filter) => filter !== null);
      picture = [
        ...['-ss', timeSec.toFixed(6), '-i', options.source],
        ...['-map', `0:${media.video.index}`, '-vf', filters.join(',')],
      ];
    }
    // `-update 1`: one image under a plain file name, not the image2 muxer's numbered sequence.
    const jpeg = ['-frames:v', '1', '-q:v', '3', '-f', 'image2', '-update', '1', partial];
    await runFfmpeg(['-y', ...picture, ...jpeg], { signal: options.signal, ffmpegPath: options.ffmpegPath });
  });
  return { outPath: options.outPath, timeSec };
}

/**
 * The first slide change inside the clip (not in its first or last half second, where a fade may still run), else
 * a third of the way in: past the opening words, before the point is made.
 */
export function thumbnailTime(start: number, end: number, slideChangeTimes: readonly number[]): number {
  const margin = Math.min(0.5, (end - start) / 4);
  const change = [...slideChangeTimes].sort((a, b) => a - b).find((t) => t >= start + margin && t <= end - margin);
  return change ?? start + (end - start) / 3;
}
