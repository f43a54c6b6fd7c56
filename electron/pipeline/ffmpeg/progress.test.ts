import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  createLineSplitter,
  createProgressReader,
  parseProgressBlock,
  parseProgressOutput,
  type FfmpegProgress,
} from './progress.ts';

/**
 * Captured from the bundled FFmpeg (N-47683, 2018) re-encoding the real auto-editor example:
 *   ffmpeg -hide_banner -nostdin -nostats -progress pipe:1 -i example.mp4 -c:v libx264 -preset slow -c:a aac -f mp4 -y out.mp4
 */
const sample = readFileSync(new URL('./fixtures/progress-sample.txt', import.meta.url), 'utf8');

describe('parseProgressOutput on captured FFmpeg output', () => {
  const blocks = parseProgressOutput(sample);

  it('finds every block, with output time rising to the end of the 42.4 s recording', () => {
    expect(blocks).toHaveLength(11);
    const times = blocks.map((b) => b.outTimeSec ?? -1);
    for (let i = 1; i < times.length; i++) expect(times[i]).toBeGreaterThan(times[i - 1] ?? Infinity);
    expect(blocks[0]).toEqual({ outTimeSec: 2.624, speed: 5.2, done: false, totalSizeBytes: 48 });
  });

  it('marks only the last block done, with the final size and speed', () => {
    expect(blocks.map((b) => b.done)).toEqual([...Array<boolean>(10).fill(false), true]);
    const last = blocks.at(-1);
    expect(last?.outTimeSec).toBeCloseTo(42.410667, 6);
    expect(last?.speed).toBe(7.46);
    expect(last?.totalSizeBytes).toBe(594186);
  });

  it('gives the same blocks however the pipe chunks the text', () => {
    for (const chunkSize of [1, 7, 64, 1000]) {
      const seen: FfmpegProgress[] = [];
      const reader = createProgressReader((p) => seen.push(p));
      for (let i = 0; i < sample.length; i += chunkSize) reader.push(sample.slice(i, i + chunkSize));
      expect(seen).toEqual(blocks);
    }
  });
});

describe('parseProgressBlock edge cases', () => {
  it('treats the AV_NOPTS_VALUE and N/A that FFmpeg prints before the first packet as unknown', () => {
    // Quoted from real output in https://github.com/slhck/ffmpeg-progress-yield/issues/13 (newer FFmpeg).
    const block = [
      'out_time_us=N/A',
      'out_time_ms=-9223372036854775807',
      'out_time=-577014:32:22.775807',
      'total_size=N/A',
      'speed=N/A',
      'progress=continue',
    ];
    expect(parseProgressBlock(block)).toEqual({ outTimeSec: null, speed: null, done: false, totalSizeBytes: null });
  });

  it('reads out_time_ms as microseconds (FFmpeg ticket 7345) when it is the only time field', () => {
    expect(parseProgressBlock(['out_time_ms=6988052500', 'progress=end']).outTimeSec).toBeCloseTo(6988.0525, 4);
  });

  it('falls back to the HH:MM:SS clock', () => {
    expect(parseProgressBlock(['out_time=01:56:28.052500', 'speed= 932x', 'progress=continue'])).toMatchObject({
      outTimeSec: 6988.0525,
      speed: 932,
    });
  });
});

describe('createLineSplitter', () => {
  it('holds back a partial line until its end arrives, and handles CRLF', () => {
    const splitter = createLineSplitter();
    expect(splitter.push('frame=1\r\nout_ti')).toEqual(['frame=1']);
    expect(splitter.push('me_us=5\nspe')).toEqual(['out_time_us=5']);
    expect(splitter.flush()).toEqual(['spe']);
    expect(splitter.flush()).toEqual([]);
  });
});
