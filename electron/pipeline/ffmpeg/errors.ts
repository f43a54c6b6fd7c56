/** A failed FFmpeg or ffprobe run, with what the log needs; the UI gets a LecternError built from it instead. */
export class FfmpegError extends Error {
  override readonly name = 'FfmpegError';
  constructor(
    readonly tool: 'ffmpeg' | 'ffprobe',
    readonly args: readonly string[],
    readonly exitCode: number | null,
    readonly signal: NodeJS.Signals | null,
    readonly stderrTail: string,
  ) {
    const how = exitCode !== null ? `exit code ${exitCode}` : `signal ${signal ?? 'unknown'}`;
    super(`${tool} failed (${how}): ${summariseStderr(stderrTail) || 'no error message'}`);
  }

  /** The last line of stderr that explains the failure, e.g. "example.mp4: No such file or directory". */
  get summary(): string {
    return summariseStderr(this.stderrTail);
  }
}

export function isFfmpegError(value: unknown): value is FfmpegError {
  return value instanceof FfmpegError;
}

// FFmpeg ends most failures with generic lines after the real cause (and prints "Stream mapping" after a failed
// output header); skip those, and stats/progress noise.
const uninformative = [
  /^Conversion failed!?$/,
  /^Exiting normally/,
  /^Last message repeated \d+ times?$/,
  /^Error initializing output stream .*--$/,
  /^Stream mapping:$/,
  /^Stream #\d+:\d+ -> /,
  /^Press \[q\]/,
  /^(frame|size)=/,
  /^video:\d/,
  /^\s*$/,
];
const errorLike =
  /error|invalid|not found|not supported|not implemented|could not|cannot|unable|failed|no such|denied|no space|unknown|unrecognized/i;

/**
 * Picks the line of stderr that explains the failure, without the "[mov,mp4 @ 0x55d...]" context prefix: the last
 * line that reads like an error, else the last informative line.
 */
export function summariseStderr(stderr: string): string {
  const lines = stderr
    .split(/\r?\n|\r/)
    .map((line) => line.trim().replace(/^\[[^\]]+ @ 0x[0-9a-f]+\]\s*/, ''))
    .filter((line) => !uninformative.some((pattern) => pattern.test(line)));
  return lines.findLast((line) => errorLike.test(line)) ?? lines.at(-1) ?? '';
}

/** Keeps the end of a long stderr: FFmpeg logs per-stream details first and the cause of failure last. */
export class StderrTail {
  private text = '';
  constructor(private readonly limit = 64 * 1024) {}

  append(chunk: string): void {
    this.text += chunk;
    // Trim in batches so a chatty FFmpeg does not make every append copy 64 KB.
    if (this.text.length > this.limit * 2) this.text = this.text.slice(-this.limit);
  }

  toString(): string {
    return this.text.length > this.limit ? this.text.slice(-this.limit) : this.text;
  }
}
