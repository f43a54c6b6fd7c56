import { copyFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { media } from '../env.ts';
import { physicsLectureSrt } from '../support/captions.ts';
import { scratchDir } from '../support/lectern.ts';
import { screenshotDir } from '../e2e/harness.ts';
import { jobViewScreen, queueScreen, settingsScreen } from '../e2e/screens.ts';
import { buildApp, electronReadiness, repoRoot } from './electronApp.ts';

/*
 * The desktop app itself, launched by Playwright: Electron main, the sandboxed preload, the real IPC and menu. The same
 * flow runs in Chromium against the real services in test/e2e/, which does not need Electron's binary; this test
 * needs it, and where it is missing it says so and what to run, rather than passing quietly.
 */
const readiness = electronReadiness();
const lectureName = 'physicsworks_audio.webm';
const pipelineTimeout = 180_000;

if (!readiness.ready) {
  console.warn(`\n⚠ The Electron app test cannot run here: ${readiness.reason}\n`);
}

describe('how the Electron app test decides whether it can run', () => {
  it('names what is missing and how to get it, or finds everything it needs', () => {
    if (readiness.ready) expect(readiness.binary).toMatch(/electron/i);
    else expect(readiness.reason).toMatch(/missing|not installed|no display/);
    // A machine without a display is told to use xvfb, whatever else it has.
    const headless = electronReadiness({});
    if (process.platform === 'linux' && !headless.ready && /display/.test(headless.reason)) {
      expect(headless.reason).toContain('xvfb-run');
    }
  });
});

describe.skipIf(!readiness.ready)(
  `the Electron app${readiness.ready ? '' : ' (skipped: see the warning above)'}`,
  () => {
    const scratch = scratchDir('lectern-electron-');
    let app: ElectronApplication;
    let window: Page;

    beforeAll(async () => {
      if (!readiness.ready) return;
      buildApp();
      app = await _electron.launch({
        executablePath: readiness.binary,
        // Chromium refuses to run as root without this (CI containers); the window's own sandbox stays on.
        args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), repoRoot],
        env: { ...process.env, LECTERN_DATA_DIR: path.join(scratch.dir, 'data') } as Record<string, string>,
      });
      window = await app.firstWindow();
    }, 300_000);

    afterAll(async () => {
      await app?.close();
      scratch.cleanup();
    });

    it(
      'takes a lecture with captions through the pipeline, with live progress, to its highlights',
      async () => {
        const recording = path.join(scratch.dir, lectureName);
        copyFileSync(media('physicsworks-lecture', lectureName), recording);
        writeFileSync(path.join(scratch.dir, 'physicsworks_audio.srt'), physicsLectureSrt());
        await window.getByText('No lectures yet').waitFor();

        // The preload's own window.api, as the drop zone and File ▸ Open Lecture… use it.
        const added = await window.evaluate(
          (paths) =>
            (globalThis as unknown as { api: { invoke(c: string, i: unknown): Promise<unknown> } }).api.invoke(
              'jobs:add',
              paths,
            ),
          [recording],
        );
        expect(added).toMatchObject({ ok: true });

        const queue = queueScreen(window);
        await window.waitForFunction(
          (bar) => {
            const { value } = bar as unknown as { value: number };
            return value > 0 && value < 1;
          },
          await queue.progress(lectureName).elementHandle({ timeout: 30_000 }),
          { timeout: 60_000, polling: 50 },
        );
        await queue
          .status(lectureName)
          .filter({ hasText: /^Done$/ })
          .waitFor({ timeout: pipelineTimeout });
        await queue.open(lectureName).click();
        const view = jobViewScreen(window);
        await view.highlights.first().waitFor();
        expect(await view.highlights.count()).toBeGreaterThan(0);
        for (const text of await view.highlights.allInnerTexts()) expect(text).toMatch(/Rendered/);
        await window.screenshot({ path: path.join(screenshotDir, 'electron-job-view.png') });

        // View ▸ … File ▸ Settings… from the real application menu opens the settings screen.
        await app.evaluate(({ Menu }) => {
          const items = Menu.getApplicationMenu()?.items.flatMap((item) => item.submenu?.items ?? []) ?? [];
          items.find((item) => item.label === 'Settings…')?.click();
        });
        await settingsScreen(window).heading.waitFor();
        await window.screenshot({ path: path.join(screenshotDir, 'electron-settings.png') });
      },
      pipelineTimeout + 60_000,
    );
  },
);
