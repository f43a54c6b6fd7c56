import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captionedPhysicsLecture } from '../support/captions.ts';
import { scratchDir } from '../support/lectern.ts';
import { allowCredentials, startS3Server, type TestS3Server } from '../support/s3Server.ts';
import { useLecternHarness } from './lifecycle.ts';
import { jobViewScreen, publishScreen, queueScreen } from './screens.ts';

const lectureName = 'physicsworks_audio.webm';
const pipelineTimeout = 180_000;
const credentials = { accessKeyId: 'LECTERNE2EKEY9W3V', secretAccessKey: 'e2e+Secret/Value-5m4n3b' };
allowCredentials(credentials);

describe('publishing a lecture from the job view', () => {
  const lecterns = useLecternHarness('publish-failure');
  let server: TestS3Server;
  const recordings = scratchDir('lectern-e2e-publish-');

  beforeAll(async () => {
    server = await startS3Server({ buckets: ['lectures'] });
  });

  afterAll(async () => {
    await server?.stop();
    recordings.cleanup();
  });

  it(
    'sets up the bucket in the UI, shows progress while publishing, and copies working links',
    async () => {
      const recording = captionedPhysicsLecture(recordings.dir, lectureName);

      const lectern = await lecterns.open();
      const { page } = lectern;
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], {
        origin: new URL(page.url()).origin,
      });
      const queue = queueScreen(page);
      await lectern.addRecordings([recording]);
      await queue
        .status(lectureName)
        .filter({ hasText: /^Done$/ })
        .waitFor({ timeout: pipelineTimeout });
      await queue.open(lectureName).click();
      await jobViewScreen(page).highlights.first().waitFor();

      const publish = publishScreen(page);
      await publish.notConfigured.waitFor();
      expect(await publish.publishButton.isDisabled()).toBe(true);

      // The lecturer fills in the bucket from the panel's settings, keyboard-reachable, every field labelled.
      await publish.field('Bucket').fill('lectures');
      await publish.field('Endpoint').fill(server.endpoint);
      await publish.field('Path-style addressing (MinIO, Ceph and most self-hosted stores)').check();
      await publish.field('Access key ID').fill(credentials.accessKeyId);
      await publish.field('Secret access key').fill(credentials.secretAccessKey);
      await publish.testConnection.click();
      await publish.settingsStatus.filter({ hasText: /^Connected: .*"lectures"/ }).waitFor();
      // Write-only: the fields are emptied, and only "saved" shows.
      expect(await publish.field('Secret access key').inputValue()).toBe('');
      await page.getByText('Saved — type a new value to replace it').first().waitFor();
      expect(await page.content()).not.toContain(credentials.secretAccessKey);

      // Uploads are held at the server, so the progress can be seen mid-way.
      const release = server.holdUploads();
      await publish.publishButton.click();
      await publish.totalProgress.waitFor();
      await publish.fileStates
        .filter({ hasText: /^Uploading$/ })
        .first()
        .waitFor();
      const midway = await publish.totalProgress.evaluate((bar) => {
        const { value, max } = bar as unknown as { value: number; max: number };
        return { value, max };
      });
      expect(midway.value).toBeLessThan(midway.max);
      await publish.cancelButton.waitFor();
      await lectern.screenshot('publish-1-progress');
      release();

      await publish.done.waitFor({ timeout: 60_000 });
      const copyButtons = publish.copyButtons;
      expect(await copyButtons.count()).toBeGreaterThanOrEqual(2);
      await copyButtons.first().click();
      await page.getByRole('status').filter({ hasText: 'Link copied' }).waitFor();
      const link = await page.evaluate(() =>
        (
          globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }
        ).navigator.clipboard.readText(),
      );
      expect(link.startsWith(`${server.endpoint}/lectures/`)).toBe(true);
      const download = await fetch(link);
      expect(download.status).toBe(200);
      expect(download.headers.get('content-type')).toBe('video/mp4');
      expect((await download.arrayBuffer()).byteLength).toBeGreaterThan(10_000);
      await lectern.screenshot('publish-2-links');
    },
    pipelineTimeout + 90_000,
  );
});
