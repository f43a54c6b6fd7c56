import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { runFfmpeg } from '../../electron/pipeline/ffmpeg/run.ts';
import { captionedPhysicsLecture } from '../support/captions.ts';
import { probeFile } from '../support/ffprobe.ts';
import { scratchDir } from '../support/lectern.ts';
import { fakeModelName, startModelRelease, type ModelRelease } from '../support/modelRelease.ts';
import { measureContrast } from './contrast.ts';
import type { LecternPage } from './harness.ts';
import { useLecternHarness } from './lifecycle.ts';
import { jobViewScreen, queueScreen, settingsScreen } from './screens.ts';

const lectureName = 'physicsworks_audio.webm';
const pipelineTimeout = 180_000;

/** Text the lecturer reads, in every theme: body text, muted text, buttons, links, errors, hints. */
const textSelectors = [
  'h1',
  'h2',
  'button:not(.button--quiet)',
  '.button--quiet',
  '.job__status',
  '.highlight__state',
  '.segment__topic',
  '.settings-field__hint',
  '.settings-choice__hint',
  '.settings__nav a',
  '.settings-section__placeholder',
  '.model__state',
];

async function expectReadable(lectern: LecternPage, what: string): Promise<void> {
  const readings = await measureContrast(lectern.page, textSelectors);
  expect(readings.length, `${what}: text found`).toBeGreaterThan(3);
  for (const reading of readings) {
    expect(reading.ratio, `${what}: "${reading.text}" (${reading.selector})`).toBeGreaterThanOrEqual(4.5);
  }
}

/** Rows of the frame at `atSec` with bright (subtitle) pixels; the audio-only lecture is drawn on a dark still. */
async function brightRows(clip: string, atSec: number, work: string): Promise<{ rows: number[]; height: number }> {
  const video = probeFile(clip).streams.find((s) => s.codec_type === 'video')!;
  const raw = path.join(work, `frame-${atSec}.gray`);
  await runFfmpeg([
    '-ss',
    String(atSec),
    '-i',
    clip,
    '-frames:v',
    '1',
    '-f',
    'rawvideo',
    '-pix_fmt',
    'gray',
    '-y',
    raw,
  ]);
  const frame = readFileSync(raw);
  const rows = new Set<number>();
  for (let i = 0; i < frame.length; i++) if (frame[i]! > 200) rows.add(Math.floor(i / video.width!));
  return { rows: [...rows], height: video.height! };
}

/** The focused control's accessible name and whether it shows a focus ring; run in the page (a string: no DOM types here). */
const focusStop = `(() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const label = el.labels && el.labels[0] ? el.labels[0].textContent : null;
  const name = el.getAttribute('aria-label') || label || el.textContent || el.getAttribute('title') || '';
  const style = getComputedStyle(el);
  return { name: name.trim(), ring: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 };
})()`;

/**
 * From the top of the page, presses Tab until focus comes back to a control already visited, checking that every stop has an accessible name
 * and a visible focus ring; returns the names in the order visited.
 */
async function walkWithTab(page: Page, limit = 80): Promise<string[]> {
  // From the top of the page: focus on the body makes the next Tab go to the first control.
  await page.evaluate(
    "document.body.setAttribute('tabindex', '-1'); document.body.focus(); document.body.removeAttribute('tabindex')",
  );
  const stops: string[] = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const stop = (await page.evaluate(focusStop)) as { name: string; ring: boolean } | null;
    if (!stop || stops.includes(stop.name)) break;
    expect(stop.name, `focus stop ${i + 1}`).not.toBe('');
    expect(stop.ring, `focus ring on "${stop.name}"`).toBe(true);
    stops.push(stop.name);
  }
  return stops;
}

describe('settings', () => {
  const lecterns = useLecternHarness('settings-failure');
  let release: ModelRelease | undefined;
  const work = scratchDir('lectern-e2e-settings-');

  afterEach(async () => {
    await release?.server.close();
    release = undefined;
  });

  afterAll(async () => {
    work.cleanup();
  });

  it(
    'changes clip defaults in the UI, and the next lecture uses them; light and dark both read well',
    async () => {
      const recording = captionedPhysicsLecture(work.dir, lectureName);
      const chosenFolder = path.join(work.dir, 'My highlights');

      const lectern = await lecterns.open({ outputFolderFromSettings: true });
      const { page } = lectern;
      const settings = settingsScreen(page);
      await settings.open.click();
      await settings.heading.waitFor();

      // General: the native folder picker (faked) answers with a folder; the screen shows it, and can go back.
      await expect.poll(() => settings.outputFolder.innerText()).toMatch(/output \(default\)$/);
      lectern.dialogAnswers.push(chosenFolder);
      await page.getByRole('button', { name: 'Choose folder…' }).click();
      await expect.poll(() => settings.outputFolder.innerText()).toBe(chosenFolder);
      expect(lectern.dialogRequests.at(-1)).toMatchObject({ kind: 'folder' });

      await settings.clipCount.fill('3');
      await settings.clipCount.press('Enter');
      await settings
        .section('Clips')
        .getByRole('radio', { name: /Square 1:1/ })
        .check();
      await settings.section('Clips').getByRole('radio', { name: /^Top/ }).check();
      await settings.section('Clips').getByRole('radio', { name: 'Large' }).check();
      await expect
        .poll(() => lectern!.services.settings.get().clips.subtitleStyle)
        .toEqual({
          size: 'large',
          position: 'top',
        });
      const saved = lectern.services.settings.get().clips;
      expect(saved).toMatchObject({ clipCount: 3, outputFolder: chosenFolder, render: { aspect: '1:1' } });
      await lectern.screenshot('settings-light');
      await expectReadable(lectern, 'settings, light');

      await settings.back.click();
      await lectern.addRecordings([recording]);
      const queue = queueScreen(page);
      await queue
        .status(lectureName)
        .filter({ hasText: /^Done$/ })
        .waitFor({ timeout: pipelineTimeout });
      await lectern.screenshot('queue-light');
      // The queue by keyboard: the header, the picker and each job's actions, all named and visibly focused.
      const queueStops = await walkWithTab(page);
      expect(queueStops).toEqual(['Settings', 'Choose recordings…', `Open ${lectureName}`]);
      await expectReadable(lectern, 'queue, light');

      const [job] = lectern.services.jobs.list();
      expect(job!.outputDir.startsWith(chosenFolder + path.sep)).toBe(true);
      await queue.open(lectureName).click();
      const view = jobViewScreen(page);
      await view.highlights.first().waitFor();
      await expect.poll(() => view.highlights.count()).toBe(3);
      await lectern.screenshot('job-view-light');
      await expectReadable(lectern, 'job view, light');

      // Square clips with large subtitles at the top: bright pixels only in the upper half of the frame.
      const clips = (await lectern.services.clips.list(job!.id)).filter((c) => c.outputs);
      expect(clips).toHaveLength(3);
      const clip = clips[0]!.outputs!.video;
      expect(existsSync(clip) && clip.startsWith(chosenFolder)).toBe(true);
      const video = probeFile(clip).streams.find((s) => s.codec_type === 'video')!;
      expect(video.width).toBe(video.height);
      const frames = await Promise.all([1, 3, 5, 7].map((at) => brightRows(clip, at, work.dir)));
      const rows = frames.flatMap((f) => f.rows);
      expect(rows.length).toBeGreaterThan(20);
      expect(Math.max(...rows)).toBeLessThan(video.height! / 2);

      // Dark, chosen in Settings: the page and the screens follow at once.
      await page.getByRole('button', { name: 'Close', exact: true }).click();
      await settings.open.click();
      await settings.section('Appearance').getByRole('radio', { name: 'Dark' }).check();
      await expect.poll(() => page.locator('html').getAttribute('data-theme')).toBe('dark');
      expect(await page.evaluate('getComputedStyle(document.documentElement).backgroundColor')).toBe('rgb(22, 22, 24)');
      await lectern.screenshot('settings-dark');
      await expectReadable(lectern, 'settings, dark');
      // A click on the "lecture finished" notification arrives as app:showJob: Settings gives way to that lecture.
      await lectern.emit('app:showJob', { id: job!.id });
      await view.highlights.first().waitFor();
      expect(await settings.heading.count()).toBe(0);
      await lectern.screenshot('job-view-dark');
      await expectReadable(lectern, 'job view, dark');
      await page.getByRole('button', { name: 'Close', exact: true }).click();
      await view.view.waitFor({ state: 'detached' });
      await lectern.screenshot('queue-dark');
      await expectReadable(lectern, 'queue, dark');
      expect(lectern.services.settings.get().theme).toBe('dark');
    },
    pipelineTimeout + 120_000,
  );

  it('is usable with the keyboard alone: every stop labelled and visibly focused', async () => {
    const lectern = await lecterns.open();
    const { page } = lectern;
    const settings = settingsScreen(page);
    await page.getByText('No lectures yet').waitFor();
    await page.keyboard.press('Control+,');
    await settings.heading.waitFor();
    expect(await page.evaluate('document.activeElement.id')).toBe('settings-title');

    // Walk the whole screen with Tab: each control has a name and a focus ring, and the order follows the page.
    const stops = await walkWithTab(page);
    expect(stops[0]).toMatch(/Back to the queue/);
    expect(stops[1]).toBe('General');
    // Opening Settings focused its heading; Back is just before it.
    await settings.heading.focus();
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate('document.activeElement.textContent')).toMatch(/Back to the queue/);
    for (const expected of ['General', 'Choose folder…', 'Clips per lecture', 'Shortest clip', 'Longest clip']) {
      expect(stops).toContain(expected);
    }
    expect(stops.some((s) => s.startsWith('As recorded'))).toBe(true);
    expect(stops.some((s) => s.startsWith('Download sherpa-onnx'))).toBe(true);
    expect(stops).toContain('Same as the system');
    expect(stops).toContain('Tell me when a lecture is finished');

    // Change settings with the keys alone: type a count, arrow through the theme, Space on a checkbox.
    await page.getByLabel('Clips per lecture').focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('7');
    await page.keyboard.press('Tab');
    await expect.poll(() => lectern!.services.settings.get().clips.clipCount).toBe(7);

    await page.getByRole('radio', { name: 'Same as the system' }).focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => lectern!.services.settings.get().theme).toBe('light');
    expect(await page.locator('html').getAttribute('data-theme')).toBe('light');

    await page.getByRole('checkbox', { name: 'Tell me when a lecture is finished' }).focus();
    await page.keyboard.press('Space');
    await expect.poll(() => lectern!.services.settings.get().notifyWhenDone).toBe(false);

    // A longest clip shorter than the shortest is refused beside the field, in plain words, and not saved.
    await page.getByLabel('Longest clip').focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('22');
    await page.keyboard.press('Enter');
    const error = page.getByText('The longest clip must be at least 5 seconds longer than the shortest (20 s).');
    await error.waitFor();
    expect(await page.getByLabel('Longest clip').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Longest clip').getAttribute('aria-describedby')).toBe('clip-max-error');
    expect(lectern.services.settings.get().clips.clipLength.maxSec).toBe(90);
    await lectern.screenshot('settings-validation');

    await page.keyboard.press('Escape');
    await page.getByText('No lectures yet').waitFor();
    expect(await page.evaluate('document.activeElement.textContent')).toBe('Settings');

    // The app menu's Settings… arrives as an event and opens the same screen.
    await lectern.emit('app:openSettings', null);
    await settings.heading.waitFor();
  });

  it('downloads a speech model with live progress, cancels, continues, and removes it', async () => {
    release = await startModelRelease(work.dir, 400_000);
    const lectern = await lecterns.open({ models: { catalogue: release.catalogue, verifyLoad: null } });
    const { page } = lectern;
    const settings = settingsScreen(page);
    await settings.open.click();
    const model = settings.model(fakeModelName);
    await model.getByText(/Not installed/).waitFor();

    // Slow enough to watch: 16 kB every 30 ms.
    release.server.trickle(16_000, 30);
    await model.getByRole('button', { name: `Download ${fakeModelName}` }).click();
    const bar = model.getByRole('progressbar', { name: `Download of ${fakeModelName}` });
    await page.waitForFunction(
      (element) => {
        const value = (element as unknown as { value: number }).value;
        return value > 0.05 && value < 0.9;
      },
      await bar.elementHandle(),
      { polling: 20 },
    );
    await expect.poll(() => model.innerText()).toMatch(/\d+(\.\d)? (kB|MB) of \d+(\.\d)? MB/);
    await lectern.screenshot('settings-model-downloading');

    await model.getByRole('button', { name: `Cancel download of ${fakeModelName}` }).click();
    await model.getByText(/Download stopped at/).waitFor();
    await model.getByRole('button', { name: `Download ${fakeModelName}` }).click();
    await model.getByText(/^Installed, /).waitFor({ timeout: 60_000 });
    // The second request continued where the first stopped.
    expect(release.server.requests.at(-1)?.range).toMatch(/^bytes=\d+-$/);
    await lectern.screenshot('settings-model-installed');

    await model.getByRole('button', { name: `Remove ${fakeModelName}` }).click();
    await model.getByText(/Not installed/).waitFor();
    expect(lectern.services.models.list().find((m) => m.name === fakeModelName)?.state).toBe('absent');
  });
});
