import { existsSync } from 'node:fs';
import { isLecternError } from '../../../shared/errors.ts';
import { resolveFfmpegPaths } from '../ffmpeg/binaries.ts';
import { parseDecoderList } from '../ffmpeg/capabilities.ts';
import { isFfmpegError } from '../ffmpeg/errors.ts';
import { runFfmpeg } from '../ffmpeg/run.ts';
import { spawnTool } from '../ffmpeg/spawn.ts';

export type H264Encoder = 'libx264' | 'h264_videotoolbox' | 'h264_nvenc' | 'h264_qsv' | 'h264_vaapi' | 'h264_amf';
export type HardwareEncoder = Exclude<H264Encoder, 'libx264'>;

/** The first DRM render node; VAAPI needs the device named up front, before any input. */
export const vaapiDevice = '/dev/dri/renderD128';

/** Hardware encoders worth trying on each platform, most common first. */
export function hardwareEncoderCandidates(platform: NodeJS.Platform): HardwareEncoder[] {
  if (platform === 'darwin') return ['h264_videotoolbox'];
  if (platform === 'win32') return ['h264_nvenc', 'h264_qsv', 'h264_amf'];
  if (platform === 'linux') return ['h264_nvenc', 'h264_qsv', 'h264_vaapi'];
  return [];
}

/** What the encoder settings depend on: the picture size and how much of it there is to encode. */
export interface EncodeJob {
  width: number;
  height: number;
  durationSec: number;
}

export interface EncoderArgs {
  /** Options that must come before the first input. */
  globalArgs: string[];
  /** Filters to append at the end of the video chain (uploading frames to the GPU). */
  videoFilters: string[];
  /** Options for the video stream of the output. */
  outputArgs: string[];
}

export type X264Preset = 'veryfast' | 'superfast';

/**
 * `veryfast` for the usual highlight (a 60 s vertical 1080×1920 short is ~125 megapixel-seconds); longer or bigger
 * renders drop to `superfast`, which x264 documents as ~1.5× faster for slightly larger files at the same CRF.
 */
export function chooseX264Preset(job: EncodeJob): X264Preset {
  const megapixelSeconds = (job.width * job.height * job.durationSec) / 1e6;
  return megapixelSeconds <= 150 ? 'veryfast' : 'superfast';
}

/**
 * The encoder's options, aiming at about the quality of x264 CRF 20 everywhere. Hardware encoders have no CRF: each
 * gets its own constant-quality mode, or a bitrate where there is none (VideoToolbox).
 */
export function h264EncoderArgs(encoder: H264Encoder, job: EncodeJob): EncoderArgs {
  const simple = (outputArgs: string[]): EncoderArgs => ({ globalArgs: [], videoFilters: [], outputArgs });
  switch (encoder) {
    case 'libx264':
      return simple([
        ...['-c:v', 'libx264', '-preset', chooseX264Preset(job), '-crf', '20'],
        ...['-profile:v', 'high', '-pix_fmt', 'yuv420p'],
      ]);
    case 'h264_videotoolbox':
      return simple([
        ...['-c:v', 'h264_videotoolbox', '-b:v', `${videoToolboxKbps(job)}k`],
        ...['-profile:v', 'high', '-pix_fmt', 'yuv420p'],
      ]);
    case 'h264_nvenc':
      return simple([
        ...['-c:v', 'h264_nvenc', '-preset', 'fast', '-rc', 'vbr', '-cq', '23', '-b:v', '0'],
        ...['-profile:v', 'high', '-pix_fmt', 'yuv420p'],
      ]);
    case 'h264_qsv':
      return simple([
        ...['-c:v', 'h264_qsv', '-preset', 'faster', '-global_quality', '23'],
        // QSV takes NV12 frames; yuv420p would make FFmpeg fail to open the encoder.
        ...['-profile:v', 'high', '-pix_fmt', 'nv12'],
      ]);
    case 'h264_amf':
      return simple([
        ...['-c:v', 'h264_amf', '-quality', 'speed', '-rc', 'cqp', '-qp_i', '21', '-qp_p', '23'],
        ...['-profile:v', 'high', '-pix_fmt', 'yuv420p'],
      ]);
    case 'h264_vaapi':
      return {
        globalArgs: ['-vaapi_device', vaapiDevice],
        // Cropping, scaling and libass run on the CPU; VAAPI encodes only frames in GPU memory
        // (https://trac.ffmpeg.org/wiki/Hardware/VAAPI#Encoding).
        videoFilters: ['format=nv12', 'hwupload'],
        outputArgs: ['-c:v', 'h264_vaapi', '-qp', '23', '-profile:v', 'high'],
      };
  }
}

/** ~0.1 bit per pixel at 30 fps: 6.2 Mb/s for 1080×1920, 2.8 Mb/s for 1280×720. */
function videoToolboxKbps(job: EncodeJob): number {
  return Math.round((job.width * job.height * 30 * 0.1) / 1000);
}

export interface EncoderAttempt {
  encoder: HardwareEncoder;
  available: boolean;
  /** Why it was not used, for the log: not built into this FFmpeg, no device, or the test encode's error. */
  reason: string;
}

export interface EncoderProbe {
  encoder: H264Encoder;
  attempts: EncoderAttempt[];
  elapsedMs: number;
}

export interface ProbeEncoderOptions {
  ffmpegPath?: string;
  candidates?: readonly HardwareEncoder[];
  /** A wedged GPU driver must not stall every render: a test encode taking longer than this counts as failed. */
  timeoutMs?: number;
  /** Whether the VAAPI render node exists; injectable so tests can force the test encode itself to fail. */
  deviceExists?: (devicePath: string) => boolean;
}

const probes = new Map<string, Promise<EncoderProbe>>();

/**
 * Finds the first hardware H.264 encoder that can actually encode here, else libx264. Memoised per FFmpeg binary
 * and candidate list, so the probe runs once per process. An encoder being compiled in proves nothing (this bundled
 * static FFmpeg lists h264_vaapi on machines without a GPU), so each candidate runs a 3-frame test encode with the
 * very arguments a render would use: an option this build or driver rejects fails here, not in a render.
 */
export function probeH264Encoder(options: ProbeEncoderOptions = {}): Promise<EncoderProbe> {
  const ffmpegPath = options.ffmpegPath ?? resolveFfmpegPaths().ffmpeg;
  const candidates = options.candidates ?? hardwareEncoderCandidates(process.platform);
  const key = `${ffmpegPath}\n${candidates.join(',')}`;
  let probe = probes.get(key);
  if (!probe) {
    probe = runProbe(ffmpegPath, candidates, options);
    probes.set(key, probe);
  }
  return probe;
}

async function runProbe(
  ffmpegPath: string,
  candidates: readonly HardwareEncoder[],
  options: ProbeEncoderOptions,
): Promise<EncoderProbe> {
  const started = Date.now();
  const attempts: EncoderAttempt[] = [];
  const built = candidates.length > 0 ? await listEncoders(ffmpegPath) : new Set<string>();
  const deviceExists = options.deviceExists ?? existsSync;
  for (const encoder of candidates) {
    const reason = !built.has(encoder)
      ? 'not built into this FFmpeg'
      : encoder === 'h264_vaapi' && !deviceExists(vaapiDevice)
        ? `no ${vaapiDevice}`
        : await testEncode(ffmpegPath, encoder, options.timeoutMs ?? 5000);
    attempts.push({ encoder, available: reason === '', reason });
    if (reason === '') return { encoder, attempts, elapsedMs: Date.now() - started };
  }
  return { encoder: 'libx264', attempts, elapsedMs: Date.now() - started };
}

/** Returns '' when the encoder works, else why not. */
async function testEncode(ffmpegPath: string, encoder: HardwareEncoder, timeoutMs: number): Promise<string> {
  const args = h264EncoderArgs(encoder, { width: 256, height: 144, durationSec: 0.1 });
  const filters = args.videoFilters.length > 0 ? ['-vf', args.videoFilters.join(',')] : [];
  try {
    await runFfmpeg(
      [
        ...['-v', 'error', ...args.globalArgs],
        ...['-f', 'lavfi', '-i', 'color=size=256x144:duration=0.1'],
        ...[...filters, ...args.outputArgs, '-f', 'null', '-'],
      ],
      { ffmpegPath, signal: AbortSignal.timeout(timeoutMs) },
    );
    return '';
  } catch (error) {
    if (isLecternError(error) && error.code === 'cancelled') return `test encode took over ${timeoutMs} ms`;
    if (isFfmpegError(error)) return error.summary || error.message;
    return error instanceof Error ? error.message : String(error);
  }
}

/** `ffmpeg -encoders` lists encoders in the same layout as `-decoders`. An FFmpeg that cannot list: none. */
async function listEncoders(ffmpegPath: string): Promise<Set<string>> {
  const spawned = spawnTool(ffmpegPath, ['-hide_banner', '-encoders']);
  const chunks: string[] = [];
  spawned.child?.stdout?.setEncoding('utf8');
  spawned.child?.stdout?.on('data', (chunk: string) => chunks.push(chunk));
  const exit = await spawned.exit;
  return exit.code === 0 ? parseDecoderList(chunks.join('')) : new Set();
}
