import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { AudioStreamInfo, MediaInfo, SubtitleStreamInfo, VideoStreamInfo } from '../../../shared/domain/media.ts';
import { mediaInfoSchema } from '../../../shared/domain/media.ts';
import { isFfmpegError } from './errors.ts';
import {
  ffprobeOutputSchema,
  parseNonNegative,
  parseRate,
  tag,
  type FfprobeOutput,
  type FfprobeStream,
} from './ffprobe-output.ts';
import { explainProbeFailure, notMedia } from './probe-failure.ts';
import { runFfprobe } from './run.ts';

export interface ProbeOptions {
  signal?: AbortSignal;
  ffprobePath?: string;
}

/** What probeMedia knows plus FFmpeg's own names, which validation checks against what our FFmpeg can read. */
export interface DetailedProbe {
  info: MediaInfo;
  /** ffprobe's `format_name`, e.g. "mov,mp4,m4a,3gp,3g2,mj2". */
  formatName: string;
  /** Audio streams ffprobe saw, including ones it could not describe (no sample rate: no decoder for them). */
  audioStreamCount: number;
}

/** Reads a recording's container and streams. Throws LecternError when the file is not media or is damaged. */
export async function probeMedia(filePath: string, options: ProbeOptions = {}): Promise<MediaInfo> {
  return (await probeMediaDetailed(filePath, options)).info;
}

export async function probeMediaDetailed(filePath: string, options: ProbeOptions = {}): Promise<DetailedProbe> {
  const args = ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', filePath];
  let stdout: string;
  try {
    stdout = await runFfprobe(args, options);
  } catch (error) {
    throw isFfmpegError(error) ? await explainProbeFailure(filePath, error) : error;
  }
  const output = ffprobeOutputSchema.parse(JSON.parse(stdout));
  const sizeBytes = (await stat(filePath)).size;
  return describeProbe(output, sizeBytes, path.basename(filePath));
}

/** Pure: turns parsed ffprobe output into MediaInfo. */
export function describeProbe(output: FfprobeOutput, sizeBytes: number, fileName: string): DetailedProbe {
  const format = output.format;
  if (!format) throw notMedia(fileName);
  const audioStreams = output.streams.filter((s) => s.codec_type === 'audio');
  const video = pickVideo(output.streams);
  const info: MediaInfo = {
    container: containerName(output),
    durationSec: parseNonNegative(format.duration) ?? longestStream(output.streams),
    sizeBytes,
    bitRate: parseNonNegative(format.bit_rate),
    audio: pickAudio(audioStreams),
    video,
    subtitles: output.streams.filter((s) => s.codec_type === 'subtitle').map(toSubtitle),
  };
  return { info: mediaInfoSchema.parse(info), formatName: format.format_name, audioStreamCount: audioStreams.length };
}

/** The default audio track if one is marked, else the first; only tracks whose sample rate and channels are known. */
function pickAudio(streams: readonly FfprobeStream[]): AudioStreamInfo | null {
  const described = streams.flatMap((s) => {
    const sampleRate = parseNonNegative(s.sample_rate);
    const channels = s.channels ?? 0;
    if (!sampleRate || channels <= 0) return [];
    const audio: AudioStreamInfo = {
      index: s.index,
      codec: s.codec_name ?? 'none',
      sampleRate: Math.round(sampleRate),
      channels,
      language: language(s),
    };
    return [{ audio, isDefault: s.disposition?.default === 1 }];
  });
  return (described.find((d) => d.isDefault) ?? described[0])?.audio ?? null;
}

/** Cover art in MP3/M4A files arrives as a video stream flagged attached_pic; it is not the lecture's picture. */
function pickVideo(streams: readonly FfprobeStream[]): VideoStreamInfo | null {
  const candidates = streams.filter(
    (s) => s.codec_type === 'video' && s.disposition?.attached_pic !== 1 && (s.width ?? 0) > 0 && (s.height ?? 0) > 0,
  );
  const chosen = candidates.find((s) => s.disposition?.default === 1) ?? candidates[0];
  if (!chosen) return null;
  return {
    index: chosen.index,
    codec: chosen.codec_name ?? 'none',
    width: chosen.width ?? 0,
    height: chosen.height ?? 0,
    frameRate: parseRate(chosen.avg_frame_rate) ?? parseRate(chosen.r_frame_rate),
  };
}

function toSubtitle(stream: FfprobeStream): SubtitleStreamInfo {
  return {
    index: stream.index,
    codec: stream.codec_name ?? 'none',
    language: language(stream),
    title: tag(stream.tags, 'title'),
  };
}

/** "und" is ISO 639's "undetermined", which MP4 muxers write when nobody set a language. */
function language(stream: FfprobeStream): string | null {
  const value = tag(stream.tags, 'language');
  return value === null || value === 'und' ? null : value;
}

function longestStream(streams: readonly FfprobeStream[]): number {
  return Math.max(0, ...streams.map((s) => parseNonNegative(s.duration) ?? 0));
}

const webmCodecs = new Set(['vp8', 'vp9', 'av1', 'opus', 'vorbis', 'webvtt']);

/** A name a lecturer recognises ("mp4", "webm") instead of FFmpeg's demuxer list ("mov,mp4,m4a,3gp,3g2,mj2"). */
function containerName(output: FfprobeOutput): string {
  const formatName = output.format?.format_name ?? 'unknown';
  if (formatName.startsWith('mov,')) {
    const brand = tag(output.format?.tags, 'major_brand');
    if (brand === 'qt') return 'mov';
    return brand?.startsWith('M4A') ? 'm4a' : 'mp4';
  }
  if (formatName === 'matroska,webm') {
    const isWebm = output.streams.every((s) => s.codec_name !== undefined && webmCodecs.has(s.codec_name));
    return isWebm ? 'webm' : 'mkv';
  }
  return formatName.split(',')[0] ?? formatName;
}
