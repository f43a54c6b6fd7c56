import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import { forgetChild, journalChild } from './childJournal.ts';
import { registerChild } from './registry.ts';
import { StderrTail } from './errors.ts';

export interface SpawnToolOptions {
  signal?: AbortSignal;
  /** Opens fd 3 as an extra pipe, for `-progress pipe:3` when stdout carries media. */
  extraPipe?: boolean;
  /** How long FFmpeg gets to finish cleanly after SIGTERM before SIGKILL. */
  killGraceMs?: number;
}

export interface ToolExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** True when the child was stopped through an AbortSignal (or abortAllFfmpeg), whatever its exit code. */
  cancelled: boolean;
  /** Set when the binary could not be started at all (ENOENT, EACCES, ...). */
  spawnError: NodeJS.ErrnoException | null;
}

export interface SpawnedTool {
  /** Null when the signal was already aborted and nothing was started. */
  readonly child: ChildProcess | null;
  readonly stderr: StderrTail;
  /** Always resolves, after the child is gone and unregistered; callers decide what counts as failure. */
  readonly exit: Promise<ToolExit>;
}

/**
 * Starts FFmpeg/ffprobe with an argument array (no shell, so file names with spaces, quotes or umlauts pass through
 * untouched), registers it for abortAllFfmpeg, and turns an abort into SIGTERM, then SIGKILL after a grace period.
 */
export function spawnTool(binaryPath: string, args: readonly string[], options: SpawnToolOptions = {}): SpawnedTool {
  const stderr = new StderrTail();
  const controller = new AbortController();
  if (options.signal?.aborted) {
    return { child: null, stderr, exit: Promise.resolve(notStarted()) };
  }
  const stdio: StdioOptions = options.extraPipe ? ['ignore', 'pipe', 'pipe', 'pipe'] : ['ignore', 'pipe', 'pipe'];
  const child = spawn(binaryPath, [...args], { stdio, windowsHide: true });
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => stderr.append(chunk));

  const pid = child.pid;
  if (pid !== undefined) journalChild(pid, binaryPath);
  const unregister = registerChild(controller);
  const forwardAbort = (): void => controller.abort(options.signal?.reason);
  options.signal?.addEventListener('abort', forwardAbort, { once: true });

  let killTimer: NodeJS.Timeout | undefined;
  controller.signal.addEventListener(
    'abort',
    () => {
      child.kill('SIGTERM');
      killTimer = setTimeout(() => child.kill('SIGKILL'), options.killGraceMs ?? 3000);
    },
    { once: true },
  );

  const exit = new Promise<ToolExit>((resolve) => {
    let settled = false;
    const settle = (result: Omit<ToolExit, 'cancelled'>): void => {
      if (settled) return;
      settled = true;
      clearTimeout(killTimer);
      options.signal?.removeEventListener('abort', forwardAbort);
      if (pid !== undefined) forgetChild(pid);
      unregister();
      resolve({ ...result, cancelled: controller.signal.aborted });
    };
    child.once('error', (error: NodeJS.ErrnoException) => {
      // 'error' also fires for a failed kill(); only a child that never got a pid failed to start.
      if (child.pid === undefined) settle({ code: null, signal: null, spawnError: error });
    });
    child.once('close', (code, signal) => settle({ code, signal, spawnError: null }));
  });
  return { child, stderr, exit };
}

function notStarted(): ToolExit {
  return { code: null, signal: null, cancelled: true, spawnError: null };
}
