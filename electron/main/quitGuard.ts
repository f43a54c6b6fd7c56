export interface QuitEvent {
  preventDefault(): void;
}

export interface QuitGuardOptions {
  shutdown(): Promise<void>;
  /** Quits for real; called once, after shutdown settles. */
  quit(): void;
  /** A hung FFmpeg or worker must not keep a lecturer's laptop from closing the app. */
  timeoutMs: number;
  onError(error: unknown): void;
}

/**
 * A `before-quit` listener that holds the first quit until the services have stopped (so a running job is
 * recorded as interrupted and resumes next time), then lets the app go. Later quits while stopping are held too.
 */
export function shutdownBeforeQuit(options: QuitGuardOptions): (event: QuitEvent) => void {
  let state: 'running' | 'stopping' | 'stopped' = 'running';
  return (event) => {
    if (state === 'stopped') return;
    event.preventDefault();
    if (state === 'stopping') return;
    state = 'stopping';
    let timer: ReturnType<typeof setTimeout> | undefined;
    const deadline = new Promise<void>((_resolve, reject) => {
      timer = setTimeout(
        () => reject(new Error(`Lectern did not stop within ${options.timeoutMs} ms; quitting anyway.`)),
        options.timeoutMs,
      );
    });
    Promise.race([options.shutdown(), deadline])
      .catch(options.onError)
      .finally(() => {
        clearTimeout(timer);
        state = 'stopped';
        options.quit();
      });
  };
}
