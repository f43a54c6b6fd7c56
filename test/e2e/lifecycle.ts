import { afterAll, afterEach, beforeAll } from 'vitest';
import { startHarness, type LecternPage, type OpenOptions } from './harness.ts';

/**
 * The browser harness for one test file: built once before its tests, a fresh Lectern (services, data folder, browser
 * context) per test, closed after it — with a screenshot named `<failureShot>` when the test failed — and everything
 * stopped after the file.
 */
export function useLecternHarness(failureShot: string): { open(options?: OpenOptions): Promise<LecternPage> } {
  let harness: Awaited<ReturnType<typeof startHarness>> | undefined;
  let current: LecternPage | undefined;

  beforeAll(async () => {
    harness = await startHarness();
  });
  afterEach(async (context) => {
    if (context.task.result?.state === 'fail') await current?.screenshot(failureShot).catch(() => {});
    await current?.close();
    current = undefined;
  });
  afterAll(async () => {
    await harness?.stop();
  });

  return {
    async open(options) {
      if (!harness) throw new Error('The harness has not started: call open() inside a test.');
      current = await harness.openLectern(options);
      return current;
    },
  };
}
