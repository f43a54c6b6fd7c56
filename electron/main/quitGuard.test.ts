import { afterEach, describe, expect, it, vi } from 'vitest';
import { shutdownBeforeQuit } from './quitGuard.ts';

function quitEvent() {
  return { preventDefault: vi.fn() };
}

describe('shutdownBeforeQuit', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('holds the quit until shutdown finishes, then quits once and lets that quit through', async () => {
    let finish = () => {};
    const shutdown = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    const quit = vi.fn();
    const onQuit = shutdownBeforeQuit({ shutdown, quit, timeoutMs: 10_000, onError: vi.fn() });

    const first = quitEvent();
    onQuit(first);
    const second = quitEvent();
    onQuit(second);
    expect(first.preventDefault).toHaveBeenCalled();
    expect(second.preventDefault).toHaveBeenCalled();
    expect(shutdown).toHaveBeenCalledTimes(1);
    expect(quit).not.toHaveBeenCalled();

    finish();
    await vi.waitFor(() => expect(quit).toHaveBeenCalledTimes(1));
    const final = quitEvent();
    onQuit(final);
    expect(final.preventDefault).not.toHaveBeenCalled();
  });

  it('still quits when shutdown fails, reporting why', async () => {
    const quit = vi.fn();
    const onError = vi.fn();
    const onQuit = shutdownBeforeQuit({
      shutdown: () => Promise.reject(new Error('db locked')),
      quit,
      timeoutMs: 10_000,
      onError,
    });
    onQuit(quitEvent());
    await vi.waitFor(() => expect(quit).toHaveBeenCalledTimes(1));
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: 'db locked' }));
  });

  it('quits after the deadline when shutdown hangs', async () => {
    vi.useFakeTimers();
    const quit = vi.fn();
    const onError = vi.fn();
    const onQuit = shutdownBeforeQuit({
      shutdown: () => new Promise<void>(() => {}),
      quit,
      timeoutMs: 10_000,
      onError,
    });
    onQuit(quitEvent());
    await vi.advanceTimersByTimeAsync(9_999);
    expect(quit).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(quit).toHaveBeenCalledTimes(1);
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: expect.stringContaining('did not stop') }));
  });
});
