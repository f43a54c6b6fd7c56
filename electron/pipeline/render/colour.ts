import { z } from 'zod';
import { runFfprobe } from '../ffmpeg/run.ts';

/**
 * The source's colour description. Cropping and scaling keep the YUV values as they are, but this FFmpeg (N-47683)
 * does not carry the source's colour tags through a filter graph to the encoder, so an untagged clip of a BT.709
 * lecture gets decoded as BT.601 by FFmpeg-based players and thumbnailers (greens visibly shift: #40D098 became
 * #4CE299 on example.mp4). Tagging the output like the source keeps the colours.
 */
export interface ColourTags {
  primaries: string | null;
  transfer: string | null;
  matrix: string | null;
  range: 'tv' | 'pc' | null;
}

export const untagged: ColourTags = { primaries: null, transfer: null, matrix: null, range: null };

const colourStreamSchema = z.object({
  pix_fmt: z.string().optional(),
  color_range: z.string().optional(),
  color_space: z.string().optional(),
  color_transfer: z.string().optional(),
  color_primaries: z.string().optional(),
});
const colourProbeSchema = z.object({ streams: z.array(colourStreamSchema).default([]) });

/**
 * Names both the 2023 ffprobe prints and the 2018 FFmpeg accepts as option values; anything newer (or
 * "unknown"/"reserved") is left untagged rather than making FFmpeg refuse the option.
 */
const primaries = new Set(['bt709', 'bt470m', 'bt470bg', 'smpte170m', 'smpte240m', 'film', 'bt2020', 'smpte428']);
const transfers = new Set([
  ...['bt709', 'gamma22', 'gamma28', 'smpte170m', 'smpte240m', 'linear', 'iec61966-2-1', 'iec61966-2-4'],
  ...['bt1361e', 'bt2020-10', 'bt2020-12', 'smpte2084', 'smpte428', 'arib-std-b67'],
]);
const matrices = new Set(['bt709', 'fcc', 'bt470bg', 'smpte170m', 'smpte240m', 'ycgco', 'bt2020nc', 'bt2020c']);

/** Pure: ffprobe's stream fields → tags FFmpeg N-47683 can write. */
export function parseColourTags(stream: z.infer<typeof colourStreamSchema>): ColourTags {
  const known = (value: string | undefined, names: ReadonlySet<string>): string | null =>
    value !== undefined && names.has(value) ? value : null;
  // A full-range "yuvj" source is converted to limited range on its way to yuv420p, so the clip is 'tv'.
  const range = stream.pix_fmt?.startsWith('yuvj')
    ? 'tv'
    : stream.color_range === 'tv' || stream.color_range === 'pc'
      ? stream.color_range
      : null;
  return {
    primaries: known(stream.color_primaries, primaries),
    transfer: known(stream.color_transfer, transfers),
    matrix: known(stream.color_space, matrices),
    range,
  };
}

/** Output options that write the tags into the H.264 stream (VUI) and the MP4 `colr` box. */
export function colourArgs(tags: ColourTags): string[] {
  return [
    ...(tags.primaries ? ['-color_primaries', tags.primaries] : []),
    ...(tags.transfer ? ['-color_trc', tags.transfer] : []),
    ...(tags.matrix ? ['-colorspace', tags.matrix] : []),
    ...(tags.range ? ['-color_range', tags.range] : []),
  ];
}

/** colormatrix's names for the source matrices that differ from JPEG's BT.601. */
const colormatrixSource: Record<string, string> = {
  bt709: 'bt709',
  fcc: 'fcc',
  smpte240m: 'smpte240m',
  bt2020nc: 'bt2020',
  bt2020c: 'bt2020',
};

/**
 * JPEG (JFIF) is BT.601, full range, and this FFmpeg's scaler turns a BT.709 frame into JPEG YUV without changing
 * the matrix: example.mp4's green #41D19A came out #4EE49A. colormatrix converts the YUV first (verified: #41D098).
 * Untagged sources are left as they are, as FFmpeg itself treats them as BT.601.
 */
export function jpegColourFilter(tags: ColourTags): string | null {
  const source = tags.matrix === null ? undefined : colormatrixSource[tags.matrix];
  return source ? `colormatrix=${source}:bt601` : null;
}

const cache = new Map<string, Promise<ColourTags>>();

/** Memoised per source and stream: the clips of a lecture share one ffprobe run. */
export function readColourTags(
  source: string,
  streamIndex: number,
  options: { signal?: AbortSignal; ffprobePath?: string } = {},
): Promise<ColourTags> {
  const key = `${source}\n${streamIndex}`;
  let tags = cache.get(key);
  if (!tags) {
    const entries = 'stream=pix_fmt,color_range,color_space,color_transfer,color_primaries';
    tags = runFfprobe(
      ['-v', 'error', '-select_streams', String(streamIndex), '-show_entries', entries, '-of', 'json', source],
      options,
    ).then((json) => {
      const stream = colourProbeSchema.parse(JSON.parse(json)).streams[0];
      return stream ? parseColourTags(stream) : untagged;
    });
    cache.set(key, tags);
    // A cancelled or failed probe is not remembered; the render itself reports what is wrong with the source.
    tags.catch(() => cache.delete(key));
  }
  return tags;
}
