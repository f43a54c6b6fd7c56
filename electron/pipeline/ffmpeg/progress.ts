/**
 * FFmpeg's `-progress` output: blocks of `key=value` lines, each closed by `progress=continue` or `progress=end`.
 * Machine-readable and stable across versions, unlike the `frame= ... time=` stats line on stderr.
 */
export interface FfmpegProgress {
  /** Output time written so far; null while FFmpeg has not produced a timestamp yet. */
  outTimeSec: number | null;
  /** Processing speed as a multiple of real time (e.g. 7.5 for "7.5x"); null when FFmpeg reports N/A. */
  speed: number | null;
  /** True for the final block (`progress=end`). */
  done: boolean;
  totalSizeBytes: number | null;
}

/** Parses one block (the lines up to and including its `progress=` line). */
export function parseProgressBlock(lines: readonly string[]): FfmpegProgress {
  const values = new Map<string, string>();
  for (const line of lines) {
    const eq = line.indexOf('=');
    if (eq > 0) values.set(line.slice(0, eq).trim(), line.slice(eq + 1).trim());
  }
  return {
    outTimeSec: readOutTime(values),
    speed: readSpeed(values.get('speed')),
    done: values.get('progress') === 'end',
    totalSizeBytes: readNonNegativeInt(values.get('total_size')),
  };
}

/** Splits a whole captured `-progress` output into blocks; a trailing unfinished block is ignored. */
export function parseProgressOutput(text: string): FfmpegProgress[] {
  const blocks: FfmpegProgress[] = [];
  const reader = createProgressReader((progress) => blocks.push(progress));
  reader.push(text);
  return blocks;
}

export interface LineSplitter {
  /** Returns the complete lines in `chunk` (plus what was held back before); keeps a partial last line. */
  push(chunk: string): string[];
  /** Returns the held-back partial line, if any. */
  flush(): string[];
}

/** Pipes deliver arbitrary chunks, so a `key=value` line can arrive in two pieces. */
export function createLineSplitter(): LineSplitter {
  let pending = '';
  return {
    push(chunk) {
      const parts = (pending + chunk).split(/\r?\n/);
      pending = parts.pop() ?? '';
      return parts;
    },
    flush() {
      const rest = pending;
      pending = '';
      return rest === '' ? [] : [rest];
    },
  };
}

export interface ProgressReader {
  push(chunk: string): void;
}

/** Feeds chunked `-progress` output and calls `onProgress` once per completed block. */
export function createProgressReader(onProgress: (progress: FfmpegProgress) => void): ProgressReader {
  const splitter = createLineSplitter();
  let block: string[] = [];
  return {
    push(chunk) {
      for (const line of splitter.push(chunk)) {
        block.push(line);
        if (line.startsWith('progress=')) {
          onProgress(parseProgressBlock(block));
          block = [];
        }
      }
    },
  };
}

function readOutTime(values: ReadonlyMap<string, string>): number | null {
  // `out_time_ms` is in microseconds too (https://trac.ffmpeg.org/ticket/7345); builds before late 2018 have only it.
  const micros = readInt(values.get('out_time_us')) ?? readInt(values.get('out_time_ms'));
  if (micros !== null) return micros >= 0 ? micros / 1e6 : null;
  return readClock(values.get('out_time'));
}

/** Before the first packet FFmpeg prints AV_NOPTS_VALUE (-9223372036854775807) or N/A: both mean "unknown". */
function readInt(value: string | undefined): number | null {
  if (value === undefined || !/^-?\d+$/.test(value)) return null;
  return Number(value);
}

function readNonNegativeInt(value: string | undefined): number | null {
  const n = readInt(value);
  return n !== null && n >= 0 ? n : null;
}

function readClock(value: string | undefined): number | null {
  const match = value === undefined ? null : /^(\d+):(\d{2}):(\d{2}(?:\.\d+)?)$/.exec(value);
  if (!match) return null;
  return Number(match[1]) * 3600 + Number(match[2]) * 60 + Number(match[3]);
}

function readSpeed(value: string | undefined): number | null {
  const match = value === undefined ? null : /^(\d+(?:\.\d+)?(?:e[+-]?\d+)?)x$/.exec(value);
  return match ? Number(match[1]) : null;
}
