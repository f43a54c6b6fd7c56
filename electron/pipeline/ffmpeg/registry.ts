/**
 * Every FFmpeg/ffprobe child Lectern starts is listed here, so quitting the app or pressing Ctrl+C in the CLI can stop
 * them all: an orphaned FFmpeg keeps burning CPU and holds the output file open (LosslessCut `runningFfmpegs`).
 */
interface RunningChild {
  readonly controller: AbortController;
  readonly exited: Promise<void>;
}

const running = new Set<RunningChild>();

/**
 * Lists a child whose `controller` kills it when aborted. Call the returned function when the child has exited,
 * before settling anything a caller awaits, so the registry is already empty when they look.
 */
export function registerChild(controller: AbortController): () => void {
  let markExited = (): void => undefined;
  const entry: RunningChild = { controller, exited: new Promise<void>((resolve) => (markExited = resolve)) };
  running.add(entry);
  return () => {
    running.delete(entry);
    markExited();
  };
}

/** Aborts every running child and resolves once all of them have exited. */
export async function abortAllFfmpeg(reason = 'Lectern is stopping'): Promise<void> {
  const entries = [...running];
  for (const entry of entries) entry.controller.abort(new Error(reason));
  await Promise.all(entries.map((entry) => entry.exited));
}

export function runningFfmpegCount(): number {
  return running.size;
}
