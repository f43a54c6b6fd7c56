import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { ClipSummary } from '../../shared/domain/clip.ts';
import { manifestSchema } from '../../electron/pipeline/export/manifest.ts';
import { waitFor } from '../support/waitFor.ts';
import type { LecternPage } from './harness.ts';
import { editorScreen, jobViewScreen, queueScreen } from './screens.ts';

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/**
 * Deleting a highlight removes its files and, after the quick render that follows, the manifest lists only what is
 * left, with the later clips renumbered by renaming (their bytes unchanged, not encoded again). Undo brings it back
 * as a draft; a segment's "Add as highlight" adds one.
 */
export async function deleteUndoAndAddHighlights(lectern: LecternPage, lectureName: string): Promise<void> {
  const { page, services } = lectern;
  const job = services.jobs.list()[0]!;
  const clipsNow = (): ClipSummary[] => services.clips.list(job.id);
  const before = clipsNow();
  const [doomed, ...kept] = before;
  const keptBytes = new Map(kept.map((clip) => [clip.id, sha256(clip.outputs!.video)]));
  const editor = editorScreen(page);

  await editor.edit(doomed!.title).click();
  await editor.button(/^Delete highlight$/).click();
  await expect.poll(() => jobViewScreen(page).highlights.count()).toBe(before.length - 1);
  for (const file of Object.values(doomed!.outputs!)) if (file) expect(existsSync(file)).toBe(false);

  // The exports are written again at once: wait for the job to finish that render.
  await waitFor(() => (services.jobs.get(job.id).status === 'done' ? true : undefined), 'the exports', 120_000);
  await queueScreen(page)
    .status(lectureName)
    .filter({ hasText: /^Done$/ })
    .waitFor();
  const manifest = manifestSchema.parse(JSON.parse(readFileSync(path.join(job.outputDir, 'manifest.json'), 'utf8')));
  expect(manifest.clips.map((clip) => clip.title)).toEqual(kept.map((clip) => clip.title));
  for (const [index, clip] of clipsNow().entries()) {
    expect(path.basename(clip.outputs!.video)).toMatch(new RegExp(`^0${index + 1}-`));
    expect(sha256(clip.outputs!.video)).toBe(keptBytes.get(clip.id));
  }
  await lectern.screenshot('10-highlight-deleted');

  await editor.focusPage();
  await page.keyboard.press('Control+z');
  await expect.poll(() => jobViewScreen(page).highlights.count()).toBe(before.length);
  const restored = clipsNow().find((clip) => clip.title === doomed!.title)!;
  expect(restored).toMatchObject({ start: doomed!.start, end: doomed!.end, state: 'draft', needsRender: true });

  const segment = page.getByRole('button', { name: / as a highlight$/ }).last();
  await segment.click();
  await expect.poll(() => jobViewScreen(page).highlights.count()).toBe(before.length + 1);
  await editor.heading(clipsNow().find((clip) => clip.state === 'draft' && clip.id !== restored.id)!.title).waitFor();
}
