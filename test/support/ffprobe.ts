import { execFileSync } from 'node:child_process';
import ffprobe from '@ffprobe-installer/ffprobe';
import { z } from 'zod';

const probeSchema = z.object({
  streams: z.array(
    z.object({
      codec_type: z.string(),
      codec_name: z.string(),
      width: z.number().optional(),
      height: z.number().optional(),
    }),
  ),
  format: z.object({ duration: z.string() }),
});

/** What a player would see in a rendered file: its streams and length, read by the bundled ffprobe. */
export function probeFile(file: string) {
  const out = execFileSync(
    ffprobe.path,
    ['-v', 'error', '-print_format', 'json', '-show_streams', '-show_format', file],
    {
      encoding: 'utf8',
    },
  );
  const parsed = probeSchema.parse(JSON.parse(out));
  return { streams: parsed.streams, durationSec: Number(parsed.format.duration) };
}

/** Decodes the whole file and reports any error: a file that probes fine can still be cut short inside. */
export function decodeErrors(file: string): string {
  return execFileSync(ffprobe.path, ['-v', 'error', '-count_frames', '-show_entries', 'stream=nb_read_frames', file], {
    encoding: 'utf8',
    stdio: ['ignore', 'ignore', 'pipe'],
  });
}
