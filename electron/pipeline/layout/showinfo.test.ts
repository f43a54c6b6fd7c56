import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createShowinfoReader, parseShowinfoLine, type ShowinfoFrame } from './showinfo.ts';

/** Real stderr of the keyframe pass (keyframeArgs) over auto-editor's example.mp4: one keyframe every 2 s. */
const captured = readFileSync(path.join(import.meta.dirname, 'fixtures', 'showinfo-example-mp4.txt'), 'utf8');

describe('parseShowinfoLine', () => {
  it('reads frame number, time and size from a real frame line', () => {
    const line =
      '[Parsed_showinfo_3 @ 0x323f2900] n:   1 pts:  60000 pts_time:2       pos:   199507 fmt:gray sar:1/1 ' +
      's:64x36 i:P iskey:1 type:I ';
    expect(parseShowinfoLine(line)).toEqual({ n: 1, ptsTime: 2, width: 64, height: 36 });
  });

  it('ignores the config and colour lines showinfo also prints, and the rest of the log', () => {
    const others = captured.split('\n').filter((line) => !/\bn:\s*\d+ pts:/.test(line));
    expect(others.length).toBeGreaterThan(20);
    for (const line of others) expect(parseShowinfoLine(line)).toBeNull();
  });

  it('keeps negative times (B-frame delay before an edit list) and reports missing ones as null', () => {
    // The real line above with FFmpeg's renderings of a negative and of a missing timestamp (av_ts2timestr).
    const negative =
      '[Parsed_showinfo_3 @ 0x1] n:   0 pts:  -2002 pts_time:-0.0667333 pos: 48 fmt:gray sar:1/1 s:64x36 i:P';
    const missing = '[Parsed_showinfo_3 @ 0x1] n:   4 pts:NOPTS pts_time:NOPTS pos: 48 fmt:gray sar:1/1 s:64x36 i:P';
    expect(parseShowinfoLine(negative)?.ptsTime).toBeCloseTo(-0.0667333, 6);
    expect(parseShowinfoLine(missing)).toEqual({ n: 4, ptsTime: null, width: 64, height: 36 });
  });
});

describe('createShowinfoReader', () => {
  it('finds every keyframe of the captured run, 0 to 42 s, however the pipe cuts the text', () => {
    for (const chunkSize of [1, 7, 100, 4096]) {
      const frames: ShowinfoFrame[] = [];
      const reader = createShowinfoReader((frame) => frames.push(frame));
      for (let i = 0; i < captured.length; i += chunkSize) reader.push(captured.slice(i, i + chunkSize));
      reader.end();
      expect(frames.map((f) => f.n)).toEqual(Array.from({ length: 22 }, (_, i) => i));
      expect(frames.map((f) => f.ptsTime)).toEqual(Array.from({ length: 22 }, (_, i) => 2 * i));
    }
  });

  it('parses a last line that arrived without its newline', () => {
    const frames: ShowinfoFrame[] = [];
    const reader = createShowinfoReader((frame) => frames.push(frame));
    reader.push('[Parsed_showinfo_3 @ 0x1] n:   0 pts:      0 pts_time:0       pos: 48 fmt:gray sar:1/1 s:64x36 i:P');
    expect(frames).toHaveLength(0);
    reader.end();
    expect(frames).toHaveLength(1);
  });
});
