import { resolveFfmpegPaths } from './binaries.ts';
import { FfmpegError } from './errors.ts';
import { spawnTool } from './spawn.ts';

/**
 * What our FFmpeg can read. This matters because the bundled ffprobe (2023) is years newer than the bundled ffmpeg
 * (2018): ffprobe happily names codecs (DFPWM, ...) and formats that ffmpeg cannot decode or demux.
 */
export interface FfmpegCapabilities {
  /** Codec names with a decoder, as ffprobe spells them in `codec_name`. */
  decoders: ReadonlySet<string>;
  /** Demuxer names, as ffprobe spells them in `format_name` (e.g. "mov,mp4,m4a,3gp,3g2,mj2"). */
  demuxers: ReadonlySet<string>;
}

const cache = new Map<string, Promise<FfmpegCapabilities>>();

/** Memoised per binary; not cancellable, because concurrent validations share the one ~100 ms run. */
export function readFfmpegCapabilities(ffmpegPath = resolveFfmpegPaths().ffmpeg): Promise<FfmpegCapabilities> {
  let capabilities = cache.get(ffmpegPath);
  if (!capabilities) {
    capabilities = Promise.all([listOutput(ffmpegPath, '-decoders'), listOutput(ffmpegPath, '-demuxers')]).then(
      ([decoders, demuxers]) => ({ decoders: parseDecoderList(decoders), demuxers: parseDemuxerList(demuxers) }),
    );
    cache.set(ffmpegPath, capabilities);
    capabilities.catch(() => cache.delete(ffmpegPath));
  }
  return capabilities;
}

/**
 * Parses `ffmpeg -decoders`: "<flags> <decoder> <description>", where a decoder named after a library ends its
 * description with the codec it decodes: " V....D libaom-av1  libaom AV1 (codec av1)".
 */
export function parseDecoderList(text: string): Set<string> {
  const codecs = new Set<string>();
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*[VAS][.A-Z]{5}\s+(\S+)\s+(.*)$/.exec(line);
    if (!match?.[1] || match[1] === '=') continue;
    codecs.add(match[1]);
    const codec = /\(codec (\S+)\)\s*$/.exec(match[2] ?? '')?.[1];
    if (codec) codecs.add(codec);
  }
  return codecs;
}

/** Parses `ffmpeg -demuxers`: " D  matroska,webm   Matroska / WebM" (the legend lines use "D." and ".E"). */
export function parseDemuxerList(text: string): Set<string> {
  const formats = new Set<string>();
  for (const line of text.split(/\r?\n/)) {
    const name = /^\s*D[ E]?\s+(\S+)\s/.exec(line)?.[1];
    if (name && name !== '=') formats.add(name);
  }
  return formats;
}

async function listOutput(ffmpegPath: string, listFlag: '-decoders' | '-demuxers'): Promise<string> {
  const args = ['-hide_banner', listFlag];
  const spawned = spawnTool(ffmpegPath, args);
  const chunks: string[] = [];
  spawned.child?.stdout?.setEncoding('utf8');
  spawned.child?.stdout?.on('data', (chunk: string) => chunks.push(chunk));
  const exit = await spawned.exit;
  if (exit.code !== 0) throw new FfmpegError('ffmpeg', args, exit.code, exit.signal, spawned.stderr.toString());
  return chunks.join('');
}
