import { describe, expect, it } from 'vitest';
import { FfmpegError, StderrTail, summariseStderr } from './errors.ts';

// Tails of real stderr from the bundled FFmpeg (N-47683).
const mkvWithMovText = `Input #1, srt, from 'de.srt':
  Duration: N/A, bitrate: N/A
    Stream #1:0: Subtitle: subrip
[matroska @ 0x24a15d00] Subtitle codec 94213 is not supported.
Could not write header for output file #0 (incorrect codec parameters ?): Function not implemented
Stream mapping:
  Stream #0:0 -> #0:0 (copy)
  Stream #1:0 -> #0:3 (subrip (srt) -> subrip (srt))
    Last message repeated 1 times
`;
const devFull = `Stream mapping:
  Stream #0:0 -> #0:0 (pcm_s16le (native) -> pcm_s16le (native))
Could not write header for output file #0 (incorrect codec parameters ?): No space left on device
Error initializing output stream 0:0 -- 
Conversion failed!
`;

describe('summariseStderr', () => {
  it('finds the cause above the lines FFmpeg prints after it', () => {
    expect(summariseStderr(mkvWithMovText)).toBe(
      'Could not write header for output file #0 (incorrect codec parameters ?): Function not implemented',
    );
    expect(summariseStderr(devFull)).toBe(
      'Could not write header for output file #0 (incorrect codec parameters ?): No space left on device',
    );
  });

  it('drops the "[demuxer @ 0x...]" prefix and falls back to the last line', () => {
    expect(summariseStderr('[mov,mp4,m4a,3gp,3g2,mj2 @ 0x1aa60200] moov atom not found\n')).toBe('moov atom not found');
    expect(summariseStderr('just this\n\n')).toBe('just this');
    expect(summariseStderr('')).toBe('');
  });
});

describe('FfmpegError', () => {
  it('carries exit code, signal, stderr and a readable message', () => {
    const error = new FfmpegError('ffmpeg', ['-i', 'x'], null, 'SIGSEGV', devFull);
    expect(error.message).toBe(
      'ffmpeg failed (signal SIGSEGV): Could not write header for output file #0 (incorrect codec parameters ?): No space left on device',
    );
    expect(error.summary).toContain('No space left');
  });
});

describe('StderrTail', () => {
  it('keeps only the last `limit` characters', () => {
    const tail = new StderrTail(10);
    for (let i = 0; i < 100; i++) tail.append(`line ${i}\n`);
    expect(tail.toString()).toBe('8\nline 99\n');
    expect(tail.toString()).toHaveLength(10);
  });
});
