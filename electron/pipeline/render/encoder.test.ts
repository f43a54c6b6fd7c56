import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runningFfmpegCount } from '../ffmpeg/registry.ts';
import {
  chooseX264Preset,
  h264EncoderArgs,
  hardwareEncoderCandidates,
  probeH264Encoder,
  vaapiDevice,
  type H264Encoder,
} from './encoder.ts';

const work = mkdtempSync(path.join(tmpdir(), 'lectern-encoder-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const short = { width: 1080, height: 1920, durationSec: 60 };

describe('h264EncoderArgs', () => {
  it('builds x264 at CRF 20, high profile, yuv420p, veryfast for a highlight', () => {
    expect(h264EncoderArgs('libx264', short)).toEqual({
      globalArgs: [],
      videoFilters: [],
      outputArgs: [
        ...['-c:v', 'libx264', '-preset', 'veryfast', '-crf', '20'],
        ...['-profile:v', 'high', '-pix_fmt', 'yuv420p'],
      ],
    });
  });

  it('gives VAAPI its device before the inputs and uploads frames at the end of the chain', () => {
    const args = h264EncoderArgs('h264_vaapi', short);
    expect(args.globalArgs).toEqual(['-vaapi_device', vaapiDevice]);
    expect(args.videoFilters).toEqual(['format=nv12', 'hwupload']);
    expect(args.outputArgs).toEqual(['-c:v', 'h264_vaapi', '-qp', '23', '-profile:v', 'high']);
  });

  it('uses a constant-quality mode on each GPU encoder, and a size-based bitrate on VideoToolbox', () => {
    expect(h264EncoderArgs('h264_nvenc', short).outputArgs).toEqual([
      ...['-c:v', 'h264_nvenc', '-preset', 'fast', '-rc', 'vbr', '-cq', '23', '-b:v', '0'],
      ...['-profile:v', 'high', '-pix_fmt', 'yuv420p'],
    ]);
    expect(h264EncoderArgs('h264_qsv', short).outputArgs).toEqual([
      ...['-c:v', 'h264_qsv', '-preset', 'faster', '-global_quality', '23'],
      ...['-profile:v', 'high', '-pix_fmt', 'nv12'],
    ]);
    expect(h264EncoderArgs('h264_amf', short).outputArgs).toEqual([
      ...['-c:v', 'h264_amf', '-quality', 'speed', '-rc', 'cqp', '-qp_i', '21', '-qp_p', '23'],
      ...['-profile:v', 'high', '-pix_fmt', 'yuv420p'],
    ]);
    expect(h264EncoderArgs('h264_videotoolbox', short).outputArgs).toEqual([
      ...['-c:v', 'h264_videotoolbox', '-b:v', '6221k'],
      ...['-profile:v', 'high', '-pix_fmt', 'yuv420p'],
    ]);
    expect(h264EncoderArgs('h264_videotoolbox', { width: 1280, height: 720, durationSec: 5 }).outputArgs).toContain(
      '2765k',
    );
  });

  it('only VAAPI needs anything outside the output options', () => {
    const encoders: H264Encoder[] = ['libx264', 'h264_videotoolbox', 'h264_nvenc', 'h264_qsv', 'h264_amf'];
    for (const encoder of encoders) {
      const args = h264EncoderArgs(encoder, short);
      expect(args.globalArgs, encoder).toEqual([]);
      expect(args.videoFilters, encoder).toEqual([]);
      expect(args.outputArgs.slice(0, 2), encoder).toEqual(['-c:v', encoder]);
    }
  });
});

describe('chooseX264Preset', () => {
  it('is veryfast for highlights and superfast for long or huge renders', () => {
    expect(chooseX264Preset({ width: 1280, height: 720, durationSec: 5 })).toBe('veryfast');
    expect(chooseX264Preset(short)).toBe('veryfast');
    expect(chooseX264Preset({ width: 1920, height: 1080, durationSec: 300 })).toBe('superfast');
    expect(chooseX264Preset({ width: 3840, height: 2160, durationSec: 60 })).toBe('superfast');
  });
});

describe('hardwareEncoderCandidates', () => {
  it('tries what each platform can have', () => {
    expect(hardwareEncoderCandidates('darwin')).toEqual(['h264_videotoolbox']);
    expect(hardwareEncoderCandidates('win32')).toEqual(['h264_nvenc', 'h264_qsv', 'h264_amf']);
    expect(hardwareEncoderCandidates('linux')).toEqual(['h264_nvenc', 'h264_qsv', 'h264_vaapi']);
    expect(hardwareEncoderCandidates('freebsd')).toEqual([]);
  });
});

describe('probeH264Encoder (no GPU on this machine)', () => {
  it('falls back to libx264 quickly, once per process', async () => {
    const first = probeH264Encoder();
    expect(probeH264Encoder()).toBe(first);
    const probe = await first;
    expect(probe.encoder).toBe('libx264');
    expect(probe.elapsedMs).toBeLessThan(2000);
    expect(probe.attempts.map((a) => a.encoder)).toEqual(hardwareEncoderCandidates(process.platform));
    expect(probe.attempts.every((a) => !a.available && a.reason !== '')).toBe(true);
    expect(runningFfmpegCount()).toBe(0);
  });

  it('skips encoders this FFmpeg lacks, and a missing VAAPI device, without a test encode', async () => {
    const probe = await probeH264Encoder({
      candidates: ['h264_nvenc', 'h264_vaapi'],
      deviceExists: () => false,
    });
    expect(probe.attempts).toEqual([
      { encoder: 'h264_nvenc', available: false, reason: 'not built into this FFmpeg' },
      { encoder: 'h264_vaapi', available: false, reason: `no ${vaapiDevice}` },
    ]);
    expect(probe.encoder).toBe('libx264');
  });

  it('runs the test encode when the encoder is built in, and falls back when it fails', async () => {
    // This static FFmpeg has h264_vaapi built in; claiming the device exists makes the real test encode run and fail.
    const probe = await probeH264Encoder({ candidates: ['h264_vaapi'], deviceExists: () => true });
    expect(probe.encoder).toBe('libx264');
    expect(probe.attempts[0]?.reason).toMatch(/Invalid argument|VA display|device/i);
    expect(probe.elapsedMs).toBeLessThan(3000);
    expect(runningFfmpegCount()).toBe(0);
  });

  it('picks the first hardware encoder whose test encode succeeds', async () => {
    const probe = await probeH264Encoder({ candidates: ['h264_qsv', 'h264_nvenc'], ffmpegPath: stubFfmpeg('exit 0') });
    expect(probe.encoder).toBe('h264_qsv');
    expect(probe.attempts).toEqual([{ encoder: 'h264_qsv', available: true, reason: '' }]);
  });

  it('treats a test encode that hangs (a wedged driver) as a failure', async () => {
    const started = Date.now();
    const probe = await probeH264Encoder({
      candidates: ['h264_nvenc'],
      timeoutMs: 300,
      ffmpegPath: stubFfmpeg('exec sleep 30'),
    });
    expect(probe.encoder).toBe('libx264');
    expect(probe.attempts[0]?.reason).toBe('test encode took over 300 ms');
    expect(Date.now() - started).toBeLessThan(3000);
    expect(runningFfmpegCount()).toBe(0);
  });
});

/** A stand-in FFmpeg that lists every hardware encoder and answers a test encode with `onEncode`. */
function stubFfmpeg(onEncode: string): string {
  const file = path.join(work, `ffmpeg-${onEncode.replace(/\W+/g, '-')}`);
  const list = ['h264_nvenc', 'h264_qsv', 'h264_vaapi', 'h264_amf', 'h264_videotoolbox']
    .map((name) => ` V..... ${name}  stub (codec h264)`)
    .join('\n');
  writeFileSync(file, `#!/bin/sh\ncase "$*" in *-encoders*) printf '${list}\\n'; exit 0;; esac\n${onEncode}\n`);
  chmodSync(file, 0o755);
  return file;
}
