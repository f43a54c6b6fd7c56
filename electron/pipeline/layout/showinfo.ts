import { createLineSplitter } from '../ffmpeg/progress.ts';

/** What FFmpeg's `showinfo` filter says about one frame leaving the filter graph. */
export interface ShowinfoFrame {
  /** Output frame number, from 0. */
  n: number;
  /** Presentation time in seconds; null when the frame had no timestamp (FFmpeg prints NOPTS). */
  ptsTime: number | null;
  width: number;
  height: number;
}

// "[Parsed_showinfo_3 @ 0x5b1e0c0] n:   1 pts:  60000 pts_time:2       pos:   199507 fmt:gray sar:1/1 s:64x36 ..."
const frameLine = /\bn:\s*(\d+)\s+pts:\s*(\S+)\s+pts_time:(\S+)\s.*?\bs:(\d+)x(\d+)/;

/**
 * Parses one stderr line; null for everything else FFmpeg logs (stream mapping, showinfo's "config" and colour lines).
 * The format is FFmpeg 4.x's (vf_showinfo.c); it has been stable since 2012 apart from fields appended at the end.
 */
export function parseShowinfoLine(line: string): ShowinfoFrame | null {
  if (!line.includes('showinfo')) return null;
  const match = frameLine.exec(line);
  if (!match) return null;
  const ptsTime = Number(match[3]);
  return {
    n: Number(match[1]),
    ptsTime: match[2] === 'NOPTS' || !Number.isFinite(ptsTime) ? null : ptsTime,
    width: Number(match[4]),
    height: Number(match[5]),
  };
}

export interface ShowinfoReader {
  push(chunk: string): void;
  /** Parses a last line that arrived without its newline. */
  end(): void;
}

/** Feeds chunked stderr and calls `onFrame` once per showinfo frame line, in order. */
export function createShowinfoReader(onFrame: (frame: ShowinfoFrame) => void): ShowinfoReader {
  const splitter = createLineSplitter();
  const read = (lines: string[]): void => {
    for (const line of lines) {
      const frame = parseShowinfoLine(line);
      if (frame) onFrame(frame);
    }
  };
  return {
    push: (chunk) => read(splitter.push(chunk)),
    end: () => read(splitter.flush()),
  };
}
