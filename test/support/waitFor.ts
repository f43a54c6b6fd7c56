import { setTimeout as sleep } from 'node:timers/promises';

/** Polls `read` (e.g. a job's database: WAL allows a reader beside the writer) until it returns a value. */
export async function waitFor<T>(read: () => T | undefined, what: string, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const value = read();
      if (value !== undefined) return value;
    } catch {
      // The database may not exist yet.
    }
    await sleep(50);
  }
  throw new Error(`timed out waiting for ${what}`);
}
