import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import type { MediaInfo } from '../../../shared/domain/media.ts';
import type { InputLimits } from '../../../shared/domain/settings.ts';
import { LecternError } from '../../../shared/errors.ts';
import { resolveFfmpegPaths } from '../ffmpeg/binaries.ts';
import { readFfmpegCapabilities, type FfmpegCapabilities } from '../ffmpeg/capabilities.ts';
import { isFfmpegError } from '../ffmpeg/errors.ts';
import { probeMediaDetailed, type DetailedProbe } from '../ffmpeg/probe.ts';
import { unreadableMessage } from '../ffmpeg/probe-failure.ts';
import { isCutShort, readDataEndSec } from './truncation.ts';
import { formatBytes, formatDuration } from './units.ts';

// jobService checks the source and the output together; one import site for all three.
export { checkFreeSpace, checkOutputFolder } from './output.ts';

export interface ValidateOptions {
  signal?: AbortSignal;
  ffmpegPath?: string;
  ffprobePath?: string;
}

/**
 * Decides whether Lectern can work with a recording, by probing it with FFmpeg (never by its extension), and returns
 * what the probe found. Every refusal is a LecternError naming the file and saying what to do.
 */
export async function validateLectureFile(
  filePath: string,
  limits: InputLimits,
  options: ValidateOptions = {},
): Promise<MediaInfo> {
  const name = path.basename(filePath);
  const sizeBytes = await readableFileSize(filePath, name);
  if (sizeBytes === 0) {
    throw new LecternError(
      'file-empty',
      `“${name}” is empty (0 bytes): the recording was not saved or copied completely. Copy it again from the ` +
        `device or folder where it was recorded, then add it.`,
    );
  }
  if (sizeBytes > limits.maxFileBytes) {
    throw new LecternError(
      'too-large',
      `“${name}” is ${formatBytes(sizeBytes)}, more than the ${formatBytes(limits.maxFileBytes)} Lectern accepts. ` +
        `Export a smaller copy (for example at 720p), then add that.`,
    );
  }
  const probe = await probeMediaDetailed(filePath, options);
  const capabilities = await readFfmpegCapabilities(options.ffmpegPath ?? resolveFfmpegPaths().ffmpeg);
  checkStreams(probe, capabilities, name);
  const { info } = probe;
  if (info.durationSec > limits.maxDurationSec) {
    throw new LecternError(
      'too-long',
      `“${name}” lasts ${formatDuration(info.durationSec)}, longer than the ${formatDuration(limits.maxDurationSec)} ` +
        `Lectern accepts. Cut it into shorter parts, then add them one by one.`,
    );
  }
  await checkComplete(filePath, info, name, options);
  return info;
}

/** Missing, a folder, or not readable by us: decided before FFmpeg sees the path, so the message can be exact. */
async function readableFileSize(filePath: string, name: string): Promise<number> {
  try {
    const stats = await stat(filePath);
    if (stats.isDirectory()) {
      throw new LecternError(
        'file-unreadable',
        `“${name}” is a folder, not a recording. Pick the recording file inside it.`,
      );
    }
    if (!stats.isFile())
      throw new LecternError('file-unreadable', `“${name}” is not a regular file. Pick the recording file itself.`);
    await (await open(filePath, 'r')).close();
    return stats.size;
  } catch (error) {
    if (error instanceof LecternError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new LecternError(
        'file-missing',
        `Lectern can't find “${name}” at ${filePath}. It may have been moved, renamed or deleted, or be on a disk ` +
          `that is not connected. Pick the recording again.`,
        { cause: error },
      );
    }
    throw new LecternError('file-unreadable', unreadableMessage(name), { cause: error });
  }
}

const imageFormats = /^(image2|image2pipe|\w+_pipe|gif|apng)$/;

/** Which streams Lectern needs (sound, and a picture it can decode if there is one) and whether our FFmpeg reads them. */
function checkStreams(probe: DetailedProbe, capabilities: FfmpegCapabilities, name: string): void {
  const { info, formatName } = probe;
  const convert = 'Convert it to MP4 (H.264 video with AAC sound) or to MP3/WAV, then add the converted file.';
  if (info.audio === null && probe.audioStreamCount === 0) {
    if (imageFormats.test(formatName)) {
      const kind = info.video?.codec.toUpperCase() ?? 'image';
      throw new LecternError(
        'unsupported-container',
        `“${name}” is a picture (${kind}), not a recording. Pick the lecture's video or audio file.`,
      );
    }
    if (info.video === null) {
      throw new LecternError(
        'unsupported-container',
        `“${name}” contains no sound or picture that Lectern can use (it is ${info.container}). Pick the lecture's video or audio file.`,
      );
    }
    throw new LecternError(
      'no-audio',
      `“${name}” has no sound track, so there is nothing for Lectern to listen to. Export the recording again with its audio, then add it.`,
    );
  }
  if (!capabilities.demuxers.has(formatName)) {
    throw new LecternError(
      'unsupported-container',
      `“${name}” is stored in a format (${formatName}) Lectern's FFmpeg cannot open. ${convert}`,
    );
  }
  const audioCodec = info.audio?.codec ?? 'none';
  if (audioCodec === 'none' || !capabilities.decoders.has(audioCodec)) {
    const which = audioCodec === 'none' ? 'an unknown sound format' : `a sound format (${audioCodec})`;
    throw new LecternError('unsupported-codec', `“${name}” uses ${which} that Lectern cannot decode. ${convert}`);
  }
  const videoCodec = info.video?.codec;
  if (videoCodec !== undefined && (videoCodec === 'none' || !capabilities.decoders.has(videoCodec))) {
    throw new LecternError(
      'unsupported-codec',
      `“${name}” uses a video format (${videoCodec}) that Lectern cannot decode. ${convert}`,
    );
  }
}

async function checkComplete(filePath: string, info: MediaInfo, name: string, options: ValidateOptions): Promise<void> {
  if (info.durationSec <= 0) return;
  let dataEnd: number | null;
  try {
    dataEnd = await readDataEndSec(filePath, info.durationSec, options);
  } catch (error) {
    // ffprobe failing to read the last seconds is itself a sign of damage; cancellation is not.
    if (!isFfmpegError(error)) throw error;
    dataEnd = null;
  }
  if (!isCutShort(info.durationSec, dataEnd)) return;
  const where = dataEnd === null ? 'its data stops early' : `its data stops at about ${formatDuration(dataEnd)}`;
  throw new LecternError(
    'truncated',
    `“${name}” is incomplete: it says it lasts ${formatDuration(info.durationSec)}, but ${where}. This happens when a ` +
      `recording or a copy was interrupted. Copy or export the recording again, then add it.`,
  );
}
