import type { MediaInfo } from '../../../shared/domain/media.ts';
import { colourArgs, type ColourTags } from './colour.ts';
import type { ClipFrame } from './crop.ts';
import type { EncoderArgs } from './encoder.ts';
import { assFilterArg } from './subtitles/assFilter.ts';

/**
 * Subtitles for one clip, timed from the clip's start (0 = its first frame). `burn` draws an ASS file laid out for
 * the clip's output size (see clipOutputSize); `soft` adds an SRT as a switchable MP4 text track.
 */
export type ClipSubtitles =
  | { mode: 'none' }
  | {
      mode: 'burn';
      assPath: string;
      /** Fonts the ASS names, when they are not installed system-wide. */
      fontsDir?: string;
    }
  | {
      mode: 'soft';
      srtPath: string;
      /** ISO 639-2 code for the track, e.g. "eng"; else the audio's, else "und". */
      language?: string;
    };

export interface RenderPlan {
  source: string;
  media: MediaInfo;
  startSec: number;
  durationSec: number;
  frame: ClipFrame;
  subtitles: ClipSubtitles;
  loudnorm: boolean;
  encoder: EncoderArgs;
  /** The source's colour tags, written into the clip (see colour.ts). */
  colour: ColourTags;
  outPath: string;
}

/** EBU R128 as the streaming platforms use it: -16 LUFS integrated, -1.5 dBTP true peak. */
export const loudnormFilter = 'loudnorm=I=-16:TP=-1.5:LRA=11';

/** Background of the still an audio-only lecture is rendered on. */
const stillColour = '0x16181d';
const stillFps = 25;

/**
 * FFmpeg arguments for one clip. Pure, so the exact command line is testable and the benchmark can run it bare.
 *
 * Cutting: `-ss`/`-t` before `-i` seek the input; with re-encoding FFmpeg decodes from the keyframe before `start`
 * and drops every frame (and audio sample) before it (`-accurate_seek`, on by default), so the clip starts at the
 * first frame whose timestamp is at or after `start`, with timestamps reset to 0: the clock the subtitles use.
 */
export function buildRenderArgs(plan: RenderPlan): string[] {
  const { media, frame } = plan;
  const start = seconds(plan.startSec, 'floor');
  const duration = seconds(plan.durationSec, 'round');
  const inputs: string[] = [...plan.encoder.globalArgs];
  let sourceInput = 0;
  let videoLabel: string;
  if (media.video) {
    videoLabel = `0:${media.video.index}`;
  } else {
    const { width, height } = frame.output;
    inputs.push('-f', 'lavfi', '-i', `color=c=${stillColour}:s=${width}x${height}:r=${stillFps}:d=${duration}`);
    videoLabel = '0:v:0';
    sourceInput = 1;
  }
  inputs.push('-ss', start, '-t', duration, '-i', plan.source);
  if (plan.subtitles.mode === 'soft') inputs.push('-f', 'srt', '-i', plan.subtitles.srtPath);

  const graph = [`[${videoLabel}]${videoFilters(plan).join(',')}[v]`];
  const maps = ['-map', '[v]'];
  if (media.audio) {
    graph.push(
      `[${sourceInput}:${media.audio.index}]${audioFilters(plan.loudnorm, media.audio.channels).join(',')}[a]`,
    );
    maps.push('-map', '[a]');
  }
  const subtitleArgs: string[] = [];
  if (plan.subtitles.mode === 'soft') {
    const language = plan.subtitles.language ?? media.audio?.language ?? 'und';
    maps.push('-map', `${sourceInput + 1}:0`);
    subtitleArgs.push('-c:s', 'mov_text', '-metadata:s:s:0', `language=${language}`);
  }
  return [
    '-y',
    ...inputs,
    ...['-filter_complex', graph.join(';'), ...maps],
    ...plan.encoder.outputArgs,
    ...colourArgs(plan.colour),
    ...(media.audio ? ['-c:a', 'aac', '-b:a', '128k'] : []),
    ...subtitleArgs,
    // Output -t as well: cues in the SRT past the clip's end would otherwise lengthen the file.
    ...['-t', duration],
    // Chapters and tags describe the whole lecture; copied into a clip their times would be wrong.
    ...['-map_metadata', '-1', '-map_chapters', '-1'],
    ...['-movflags', '+faststart', '-f', 'mp4', plan.outPath],
  ];
}

function videoFilters(plan: RenderPlan): string[] {
  const { crop, output } = plan.frame;
  const filters: string[] = [];
  if (crop && plan.media.video) {
    const { width, height } = plan.media.video;
    if (crop.width !== width || crop.height !== height) {
      filters.push(`crop=${crop.width}:${crop.height}:${crop.x}:${crop.y}`);
    }
    if (crop.width !== output.width || crop.height !== output.height) {
      filters.push(`scale=${output.width}:${output.height}`);
    }
  }
  // Non-square source pixels would otherwise stretch the clip on playback.
  filters.push('setsar=1');
  // After crop and scale, so libass draws at the output size the ASS was laid out for (its PlayRes).
  if (plan.subtitles.mode === 'burn') {
    filters.push(assFilterArg(plan.subtitles.assPath, { fontsDir: plan.subtitles.fontsDir }));
  }
  return [...filters, ...plan.encoder.videoFilters];
}

/**
 * 48 kHz, mono or stereo (a 5.1 lecture is folded down). The explicit aformat is needed after loudnorm: this
 * FFmpeg (N-47683) otherwise fails with "Cannot select channel layout for the link between filters
 * Parsed_aresample_1 and format_out", and loudnorm runs at 192 kHz internally, so it needs resampling back
 * (https://ffmpeg.org/ffmpeg-filters.html#loudnorm). Single-pass (dynamic) loudnorm is enough for a clip: two-pass
 * linear mode would cost a second decode of every clip.
 */
function audioFilters(loudnorm: boolean, channels: number): string[] {
  const layout = channels === 1 ? 'mono' : 'stereo';
  return [
    ...(loudnorm ? [loudnormFilter] : []),
    'aresample=48000',
    `aformat=sample_rates=48000:channel_layouts=${layout}`,
  ];
}

/** FFmpeg reads plain decimal seconds; microseconds are finer than any frame. */
function seconds(value: number, rounding: 'floor' | 'round'): string {
  // Flooring the start keeps a frame whose timestamp equals `start` after the decimal rounding.
  const micros = rounding === 'floor' ? Math.floor(value * 1e6) : Math.round(value * 1e6);
  return (micros / 1e6).toFixed(6);
}
