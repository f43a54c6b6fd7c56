import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { expect } from 'vitest';
import type { ClipSummary } from '../../shared/domain/clip.ts';
import { waitFor } from '../support/waitFor.ts';
import type { LecternPage } from './harness.ts';
import { editorScreen, jobViewScreen, queueScreen } from './screens.ts';

interface FileState {
  sha256: string;
  size: number;
  mtimeMs: number;
}

function fileState(file: string): FileState {
  const { size, mtimeMs } = statSync(file);
  return { sha256: createHash('sha256').update(readFileSync(file)).digest('hex'), size, mtimeMs };
}

const round = (t: number) => Math.round(t * 1000) / 1000;

/**
 * The lecturer's editing session on a processed lecture (issue #5): open a highlight, trim it with the keyboard, undo
 * and redo, correct a subtitle line, re-render, see the new file play, open the export folder. Every step is checked
 * against what the app saved (the database) and wrote (the files), not only against the screen.
 */
export async function editHighlightWithKeyboard(lectern: LecternPage, lectureName: string): Promise<void> {
  const { page, services } = lectern;
  const job = services.jobs.list()[0]!;
  const clipsNow = (): ClipSummary[] => services.clips.list(job.id);
  const before = clipsNow();
  const target = before[0]!;
  const others = before.slice(1).map((clip) => ({ id: clip.id, file: fileState(clip.outputs!.video) }));
  const originalFile = fileState(target.outputs!.video);

  const editor = editorScreen(page);
  await editor.edit(target.title).click();
  await editor.heading(target.title).waitFor();
  await editor.waveformReady();
  await expect.poll(() => editor.button(/^Play$/).isEnabled()).toBe(true);
  expect(await editor.inPoint.textContent()).toBe(editor.timecode(target.start));
  await lectern.screenshot('5-editor');
  await page.locator('.editor__stage').screenshot({ path: lectern.screenshotPath('5-editor-waveform') });

  // Space plays the source from the highlight's in point; K stops it.
  await editor.focusPage();
  await page.keyboard.press('Space');
  await expect.poll(() => editor.playhead(), { timeout: 20_000 }).toBeGreaterThan(target.start + 0.3);
  await page.keyboard.press('k');
  await expect.poll(() => editor.button(/^Play$/).isVisible()).toBe(true);

  // Alt+→ ten times moves the in point a second later; Alt+Shift+← twice on the out handle, two seconds earlier.
  for (let i = 0; i < 10; i++) await page.keyboard.press('Alt+ArrowRight');
  await page.getByRole('radio', { name: 'Out handle' }).check();
  await editor.focusPage();
  for (let i = 0; i < 2; i++) await page.keyboard.press('Alt+Shift+ArrowLeft');
  const trimmed = { start: round(target.start + 1), end: round(target.end - 2) };
  expect(await editor.inPoint.textContent()).toBe(editor.timecode(trimmed.start));
  expect(await editor.outPoint.textContent()).toBe(editor.timecode(trimmed.end));
  const saved = () => clipsNow().find((clip) => clip.id === target.id)!;
  await expect.poll(() => ({ start: saved().start, end: saved().end })).toEqual(trimmed);
  await lectern.screenshot('6-trimmed');

  // Undo takes back the out handle's two nudges as one step, then the in handle's ten; redo puts both back.
  await page.keyboard.press('Control+z');
  await expect.poll(() => editor.outPoint.textContent()).toBe(editor.timecode(target.end));
  expect(await editor.inPoint.textContent()).toBe(editor.timecode(trimmed.start));
  await page.keyboard.press('Control+z');
  await expect.poll(() => editor.inPoint.textContent()).toBe(editor.timecode(target.start));
  await expect
    .poll(() => ({ start: saved().start, end: saved().end }))
    .toEqual({ start: target.start, end: target.end });
  await page.keyboard.press('Control+Shift+z');
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(() => editor.outPoint.textContent()).toBe(editor.timecode(trimmed.end));
  await expect.poll(() => ({ start: saved().start, end: saved().end })).toEqual(trimmed);

  // A subtitle line is a text field: typing "i" or "o" there is text, not a trim.
  const line = editor.subtitleLine(1);
  const original = await line.inputValue();
  const corrected = `Corrected: ${original}`;
  await line.fill('');
  await line.pressSequentially('io ');
  await line.fill(corrected);
  await line.press('Enter');
  expect(await editor.inPoint.textContent()).toBe(editor.timecode(trimmed.start));
  await expect.poll(() => saved().subtitleText?.[0]?.text).toBe(corrected);
  expect(saved()).toMatchObject({ ...trimmed, needsRender: true });
  await lectern.screenshot('7-subtitles-edited');

  // The transcript: typing "pendulum" (an "l" among it) searches and does not start the player; a line seeks there.
  const spoken = services.clips.analysis(job.id).sentences.find((s) => s.text.toLowerCase().includes('pendulum'))!;
  await page.getByRole('searchbox', { name: 'Search the transcript' }).pressSequentially('pendulum');
  const lines = page.getByRole('list', { name: 'Transcript lines' }).getByRole('button');
  await expect.poll(() => lines.first().textContent()).toContain('pendulum');
  expect(await editor.button(/^Play$/).isVisible()).toBe(true);
  await lines.first().click();
  await expect.poll(async () => Math.abs((await editor.playhead()) - spoken.start)).toBeLessThan(0.05);

  // Re-render: only the edited highlight's file changes, and it is the new range.
  const view = jobViewScreen(page);
  await expect.poll(() => view.reRender.textContent()).toBe('Re-render changed clips (1)');
  await view.reRender.click();
  await queueScreen(page)
    .status(lectureName)
    .filter({ hasText: /^Done$/ })
    .waitFor({ timeout: 120_000 });
  const after = await waitFor(() => {
    const clip = saved();
    return clip.state === 'rendered' && !clip.needsRender ? clip : undefined;
  }, 'the trimmed highlight to be rendered again');
  const renderedFile = fileState(after.outputs!.video);
  expect(renderedFile.sha256).not.toBe(originalFile.sha256);
  expect(renderedFile.mtimeMs).toBeGreaterThan(originalFile.mtimeMs);
  for (const other of others) {
    const clip = clipsNow().find((c) => c.id === other.id)!;
    expect(fileState(clip.outputs!.video)).toEqual(other.file);
  }

  // The rendered preview loads the new file (its URL carries the new render version) and plays it.
  const rendered = editor.renderedVideo(target.title);
  await expect.poll(() => rendered.getAttribute('src')).toContain(`?v=${after.renderVersion}`);
  const playback = await rendered.evaluate(async (element) => {
    const video = element as unknown as {
      muted: boolean;
      play(): Promise<void>;
      pause(): void;
      readyState: number;
      duration: number;
      currentTime: number;
    };
    const nextFrame = (globalThis as unknown as { requestAnimationFrame(f: () => void): void }).requestAnimationFrame;
    video.muted = true;
    await video.play();
    const started = video.currentTime;
    await new Promise<void>((resolve) => {
      const check = () => (video.currentTime > started + 0.5 ? resolve() : nextFrame(check));
      check();
    });
    video.pause();
    return { readyState: video.readyState, duration: video.duration, currentTime: video.currentTime };
  });
  expect(playback.readyState).toBeGreaterThanOrEqual(3);
  expect(playback.currentTime).toBeGreaterThan(0.5);
  expect(Math.abs(playback.duration - (trimmed.end - trimmed.start))).toBeLessThanOrEqual(0.1);
  await lectern.screenshot('8-re-rendered');

  await page.getByRole('button', { name: 'Open export folder' }).click();
  await expect.poll(() => lectern.openedFolders).toEqual([job.outputDir]);

  await page.emulateMedia({ colorScheme: 'dark' });
  await lectern.screenshot('9-editor-dark');
  await page.emulateMedia({ colorScheme: 'light' });
}
