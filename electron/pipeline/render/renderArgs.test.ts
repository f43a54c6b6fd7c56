import { describe, expect, it } from 'vitest';
import type { MediaInfo } from '../../../shared/domain/media.ts';
import { untagged } from './colour.ts';
import { planClipFrame } from './crop.ts';
import { h264EncoderArgs } from './encoder.ts';
import { buildRenderArgs, type RenderPlan } from './renderArgs.ts';
import { assFilterArg } from './subtitles/assFilter.ts';

const example: MediaInfo = {
  container: 'mp4',
  durationSec: 42.4,
  sizeBytes: 1,
  bitRate: null,
  audio: { index: 1, codec: 'aac', sampleRate: 48000, channels: 2, language: null },
  video: { index: 0, codec: 'h264', width: 1280, height: 720, frameRate: 30 },
  subtitles: [],
};
const lectureAudio: MediaInfo = {
  ...example,
  container: 'webm',
  audio: { index: 0, codec: 'opus', sampleRate: 48000, channels: 6, language: 'eng' },
  video: null,
};

function plan(overrides: Partial<RenderPlan> = {}): RenderPlan {
  const media = overrides.media ?? example;
  const frame = planClipFrame(media.video, '9:16');
  return {
    source: '/lectures/week 1.mp4',
    media,
    startSec: 10,
    durationSec: 5,
    frame,
    subtitles: { mode: 'none' },
    loudnorm: false,
    encoder: h264EncoderArgs('libx264', { ...frame.output, durationSec: 5 }),
    colour: untagged,
    outPath: '/out/clip.mp4.partial.mp4',
    ...overrides,
  };
}

function after(args: string[], flag: string): string | undefined {
  return args[args.indexOf(flag) + 1];
}

describe('buildRenderArgs', () => {
  it('seeks the input, crops, scales, and writes a faststart MP4', () => {
    const args = buildRenderArgs(plan());
    expect(args.slice(0, 7)).toEqual(['-y', '-ss', '10.000000', '-t', '5.000000', '-i', '/lectures/week 1.mp4']);
    expect(after(args, '-filter_complex')).toBe(
      '[0:0]crop=404:720:438:0,setsar=1[v];[0:1]aresample=48000,aformat=sample_rates=48000:channel_layouts=stereo[a]',
    );
    expect(args).toEqual(expect.arrayContaining(['-c:a', 'aac', '-b:a', '128k', '-movflags', '+faststart']));
    expect(args.slice(-3)).toEqual(['-f', 'mp4', '/out/clip.mp4.partial.mp4']);
  });

  it('keeps a frame that starts exactly at `start`: times are floored to the microsecond', () => {
    // 341/30 s is 11.36666…; rounding up to 11.366667 would drop that frame and start one later.
    const args = buildRenderArgs(plan({ startSec: 341 / 30 }));
    expect(after(args, '-ss')).toBe('11.366666');
  });

  it("burns the ASS after crop and scale, through the subtitle module's escaping", () => {
    const assPath = "/tmp/it's: a [test], really.ass";
    const args = buildRenderArgs(plan({ subtitles: { mode: 'burn', assPath, fontsDir: '/fonts' } }));
    const ass = assFilterArg(assPath, { fontsDir: '/fonts' });
    expect(after(args, '-filter_complex')).toMatch(
      new RegExp(`^\\[0:0\\]crop=404:720:438:0,setsar=1,${escapeRegExp(ass)}\\[v\\];`),
    );
  });

  it('adds an SRT input as a mov_text track with a language tag', () => {
    const args = buildRenderArgs(plan({ subtitles: { mode: 'soft', srtPath: '/tmp/c.srt', language: 'eng' } }));
    expect(args).toEqual(expect.arrayContaining(['-f', 'srt', '-i', '/tmp/c.srt', '-map', '1:0']));
    expect(args).toEqual(expect.arrayContaining(['-c:s', 'mov_text', '-metadata:s:s:0', 'language=eng']));
  });

  it('normalises loudness before resampling back to 48 kHz', () => {
    const graph = after(buildRenderArgs(plan({ loudnorm: true })), '-filter_complex');
    expect(graph).toContain('[0:1]loudnorm=I=-16:TP=-1.5:LRA=11,aresample=48000,aformat=');
  });

  it('renders an audio-only lecture over a still of the output size, folding 5.1 to stereo', () => {
    const args = buildRenderArgs(plan({ media: lectureAudio, frame: planClipFrame(null, 'original') }));
    expect(args.slice(1, 5)).toEqual(['-f', 'lavfi', '-i', 'color=c=0x16181d:s=1280x720:r=25:d=5.000000']);
    expect(after(args, '-filter_complex')).toBe(
      '[0:v:0]setsar=1[v];[1:0]aresample=48000,aformat=sample_rates=48000:channel_layouts=stereo[a]',
    );
  });

  it('takes the soft track language from the audio when not given', () => {
    const args = buildRenderArgs(
      plan({ media: lectureAudio, frame: planClipFrame(null, '1:1'), subtitles: { mode: 'soft', srtPath: 's.srt' } }),
    );
    expect(args).toEqual(expect.arrayContaining(['-map', '2:0', '-metadata:s:s:0', 'language=eng']));
  });

  it('puts VAAPI device first and the upload last', () => {
    const frame = planClipFrame(example.video, 'original');
    const args = buildRenderArgs(
      plan({ frame, encoder: h264EncoderArgs('h264_vaapi', { ...frame.output, durationSec: 5 }) }),
    );
    expect(args.slice(0, 3)).toEqual(['-y', '-vaapi_device', '/dev/dri/renderD128']);
    expect(after(args, '-filter_complex')).toMatch(/^\[0:0\]setsar=1,format=nv12,hwupload\[v\]/);
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
