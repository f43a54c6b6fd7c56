import { statSync } from 'node:fs';
import path from 'node:path';
import { runFfmpeg } from '../../pipeline/ffmpeg/run.ts';

export interface EncodedExcerpt {
  path: string;
  mimeType: string;
  bytes: number;
}

/**
 * One excerpt of the decoded lecture audio (16 kHz mono float PCM, see audioStage) as Ogg/Opus at 24 kbit/s: about
 * 180 kB a minute, so a five-minute excerpt travels inline in one request. Speech at this rate stays fully
 * intelligible (Opus's "voip" mode is tuned for it), and Ogg's pre-skip keeps times aligned with the source, which
 * MP3's encoder delay would not.
 */
export async function encodeExcerpt(options: {
  pcmPath: string;
  sampleRate: number;
  start: number;
  end: number;
  outDir: string;
  index: number;
  signal: AbortSignal;
}): Promise<EncodedExcerpt> {
  const out = path.join(options.outDir, `excerpt-${String(options.index).padStart(3, '0')}.ogg`);
  await runFfmpeg(
    [
      '-f',
      'f32le',
      '-ar',
      String(options.sampleRate),
      '-ac',
      '1',
      '-ss',
      options.start.toFixed(3),
      '-t',
      (options.end - options.start).toFixed(3),
      '-i',
      options.pcmPath,
      '-c:a',
      'libopus',
      '-b:a',
      '24k',
      '-application',
      'voip',
      '-y',
      out,
    ],
    { signal: options.signal, durationSec: options.end - options.start },
  );
  return { path: out, mimeType: 'audio/ogg', bytes: statSync(out).size };
}
