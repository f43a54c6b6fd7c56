import { describe, expect, it } from 'vitest';
import { parseDecoderList, parseDemuxerList, readFfmpegCapabilities } from './capabilities.ts';

describe('readFfmpegCapabilities (bundled 2018 FFmpeg)', () => {
  it('decodes what lectures use, including AV1 through libaom', async () => {
    const { decoders, demuxers } = await readFfmpegCapabilities();
    for (const codec of [
      'h264',
      'hevc',
      'vp9',
      'av1',
      'aac',
      'mp3',
      'opus',
      'vorbis',
      'flac',
      'pcm_s16le',
      'mov_text',
    ]) {
      expect(decoders, codec).toContain(codec);
    }
    for (const format of ['mov,mp4,m4a,3gp,3g2,mj2', 'matroska,webm', 'mp3', 'wav', 'ogg', 'flac']) {
      expect(demuxers, format).toContain(format);
    }
  });

  it('lacks codecs the newer ffprobe knows, which is why validation asks ffmpeg', async () => {
    const { decoders } = await readFfmpegCapabilities();
    expect(decoders).not.toContain('dfpwm');
    expect(decoders).not.toContain('=');
  });
});

describe('list parsers', () => {
  it('read decoder names and the codec a library decoder serves', () => {
    const text =
      ' V..... = Video\n ------\n V....D libaom-av1           libaom AV1 (codec av1)\n A....D aac                  AAC (Advanced Audio Coding)\n';
    expect([...parseDecoderList(text)]).toEqual(['libaom-av1', 'av1', 'aac']);
  });

  it('read demuxer names, skipping the legend', () => {
    const text =
      'File formats:\n D. = Demuxing supported\n .E = Muxing supported\n --\n D  matroska,webm   Matroska / WebM\n D  wav             WAV / WAVE (Waveform Audio)\n';
    expect([...parseDemuxerList(text)]).toEqual(['matroska,webm', 'wav']);
  });
});
