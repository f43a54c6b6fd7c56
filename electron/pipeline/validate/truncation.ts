import { z } from 'zod';
import { runFfprobe } from '../ffmpeg/run.ts';

const packetsSchema = z.object({
  packets: z.array(z.object({ pts_time: z.string().optional(), duration_time: z.string().optional() })).default([]),
});

/** How far before the claimed end to start reading; the demuxer seeks to the keyframe before this anyway. */
const windowSec = 10;

/**
 * Where the recording's data really ends, read cheaply: seek to just before the duration the header claims and list
 * the packets from there (packets only, nothing is decoded). An MP4 whose index was written first, or a WebM/FLAC/MP3
 * with a duration header, keeps claiming its full length when the data behind it was cut off; then the seek lands past
 * the data and finds nothing, or the last packet ends early. Returns null when no packet was found there at all.
 */
export async function readDataEndSec(
  filePath: string,
  durationSec: number,
  options: { signal?: AbortSignal; ffprobePath?: string } = {},
): Promise<number | null> {
  const start = Math.max(0, durationSec - windowSec);
  const interval = `${start.toFixed(3)}%+${windowSec + 5}`;
  const args = ['-v', 'error', '-read_intervals', interval, '-show_entries', 'packet=pts_time,duration_time'];
  const stdout = await runFfprobe([...args, '-print_format', 'json', filePath], options);
  let end: number | null = null;
  for (const packet of packetsSchema.parse(JSON.parse(stdout)).packets) {
    const pts = Number(packet.pts_time);
    if (!Number.isFinite(pts)) continue;
    const packetEnd = pts + (Number(packet.duration_time) || 0);
    end = end === null ? packetEnd : Math.max(end, packetEnd);
  }
  return end;
}

/**
 * Complete files end within a few milliseconds of their claimed duration (checked on every recording in the shared
 * media set); allow a margin for containers whose tracks end a little apart.
 */
export function isCutShort(durationSec: number, dataEndSec: number | null): boolean {
  if (dataEndSec === null) return true;
  return dataEndSec < durationSec - Math.max(2, durationSec * 0.005);
}
