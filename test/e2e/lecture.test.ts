import { afterAll, describe, expect, it } from 'vitest';
import { captionedPhysicsLecture } from '../support/captions.ts';
import { scratchDir } from '../support/lectern.ts';
import { useLecternHarness } from './lifecycle.ts';
import { editHighlightWithKeyboard } from './editorFlow.ts';
import { deleteUndoAndAddHighlights } from './highlightListFlow.ts';
import { jobViewScreen, queueScreen } from './screens.ts';

const lectureName = 'physicsworks_audio.webm';
/** The whole pipeline, clips rendered, on a 2-core machine: usually under a minute. */
const pipelineTimeout = 180_000;
/** Editing, then one clip rendered again. */
const editingTimeout = 180_000;

describe('a lecture dropped into the app', () => {
  const lecterns = useLecternHarness('failure');
  const recordings = scratchDir('lectern-e2e-media-');

  afterAll(async () => {
    recordings.cleanup();
  });

  it(
    'shows live progress and the highlights found; a highlight is trimmed by keyboard, re-rendered and played',
    async () => {
      // A lecturer keeps captions beside the recording; the transcript stage finds them there.
      const recording = captionedPhysicsLecture(recordings.dir, lectureName);

      const lectern = await lecterns.open();
      const { page } = lectern;
      const queue = queueScreen(page);
      await page.getByText('No lectures yet').waitFor();
      await lectern.screenshot('1-empty-queue');

      await lectern.addRecordings([recording]);
      await queue.row(lectureName).waitFor();

      // Live progress: the bar moves off zero while the job is still running.
      const progress = queue.progress(lectureName);
      await page.waitForFunction(
        (bar) => {
          const { value } = bar as unknown as { value: number };
          return value > 0 && value < 1;
        },
        await progress.elementHandle({ timeout: 30_000 }),
        { timeout: 60_000, polling: 50 },
      );
      await lectern.screenshot('2-queue-running');

      await queue
        .status(lectureName)
        .filter({ hasText: /^Done$/ })
        .waitFor({ timeout: pipelineTimeout });
      await lectern.screenshot('3-queue-done');

      await queue.open(lectureName).click();
      const view = jobViewScreen(page);
      await view.view.waitFor();
      await view.highlights.first().waitFor();
      await expect.poll(() => view.segments.count()).toBeGreaterThanOrEqual(5);

      const segmentReasons = await view.segments.evaluateAll((items) =>
        items.map((item) => item.querySelectorAll('.segment__reasons li').length),
      );
      expect(segmentReasons.every((count) => count > 0)).toBe(true);

      const highlights = await view.highlights.allInnerTexts();
      expect(highlights.length).toBeGreaterThan(0);
      for (const text of highlights) expect(text).toMatch(/\d+:\d\d–\d+:\d\d[\s\S]+Rendered/);
      // Freshly rendered, nothing has changed: there is nothing to re-render.
      expect(await view.reRender.isDisabled()).toBe(true);
      // Opening moves focus to the view's heading, so keyboard users land on what they opened.
      expect(await page.locator('#job-view-title:focus').count()).toBe(1);
      await lectern.screenshot('4-job-view');

      await editHighlightWithKeyboard(lectern, lectureName);
      await deleteUndoAndAddHighlights(lectern, lectureName);
    },
    pipelineTimeout + editingTimeout,
  );
});
