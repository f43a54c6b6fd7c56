import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { captionedPhysicsLecture } from '../support/captions.ts';
import { scratchDir } from '../support/lectern.ts';
import { useLecternHarness } from './lifecycle.ts';
import { jobViewScreen, queueScreen } from './screens.ts';

const lectureName = 'physicsworks_audio.webm';
const pipelineTimeout = 180_000;
const frontendApi = 'witty-owl-12.clerk.accounts.dev';
const publishableKey = `pk_test_${Buffer.from(`${frontendApi}$`).toString('base64')}`;

/** Everything the page tried to fetch from beyond 127.0.0.1, refused as a machine with no network refuses it. */
function noNetwork(external: string[], consoleErrors: string[]) {
  return async (page: Page, context: BrowserContext) => {
    await context.route(
      (url) => url.hostname !== '127.0.0.1',
      (route) => {
        external.push(route.request().url());
        return route.abort('internetdisconnected');
      },
    );
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(`uncaught: ${error.message}`));
  };
}

/**
 * Errors that are the network's, not ours: Chromium reports each refused request, and Clerk's loader logs that its
 * script could not be fetched. Anything else (our code, a CSP violation, a React warning) fails the test.
 */
function fromOurCode(errors: string[]): string[] {
  return errors.filter(
    (e) => !/^Failed to load resource: net::ERR_INTERNET_DISCONNECTED$/.test(e) && !/Failed to load Clerk/.test(e),
  );
}

describe('sign-in with an institution’s Clerk key', () => {
  const lecterns = useLecternHarness('sign-in-failure');
  const recordings = scratchDir('lectern-e2e-signin-');

  afterAll(async () => {
    recordings.cleanup();
  });

  it(
    'offline: shows the offline state within seconds, processes a lecture, and explains the sign-in rule',
    async () => {
      const external: string[] = [];
      const consoleErrors: string[] = [];
      const opened = Date.now();
      const lectern = await lecterns.open({
        settings: { signIn: { clerkPublishableKey: publishableKey, requireSignInToPublish: true } },
        beforeLoad: noNetwork(external, consoleErrors),
      });
      const { page } = lectern;
      const account = page.getByRole('status', { name: 'Sign-in' });
      await account.getByText('Offline: sign-in unavailable').waitFor({ timeout: 10_000 });
      const offlineAfterMs = Date.now() - opened;
      expect(offlineAfterMs).toBeLessThan(10_000);
      // Clerk was allowed by the policy and tried its own origin only; the network refused it.
      expect(external.some((u) => u.startsWith(`https://${frontendApi}/npm/@clerk/clerk-js@`))).toBe(true);
      expect(external.every((u) => new URL(u).hostname === frontendApi)).toBe(true);
      await lectern.screenshot('sign-in-1-offline');

      const recording = captionedPhysicsLecture(recordings.dir, lectureName);
      await lectern.addRecordings([recording]);
      const queue = queueScreen(page);
      await queue
        .status(lectureName)
        .filter({ hasText: /^Done$/ })
        .waitFor({ timeout: pipelineTimeout });
      await queue.open(lectureName).click();
      const view = jobViewScreen(page);
      await view.highlights.first().waitFor();
      expect(await view.highlights.count()).toBeGreaterThan(0);

      const rule = page.getByRole('note', { name: 'Sign-in required to publish' });
      await expect.poll(() => rule.innerText()).toMatch(/requires signing in before publishing.*\(offline\)/s);
      await page
        .getByRole('region', { name: 'Processing notes' })
        .getByText(/Transcript from captions/)
        .waitFor({ state: 'attached' });
      await lectern.screenshot('sign-in-2-publish-needs-sign-in');

      expect(await account.innerText()).toContain('Offline');
      expect(fromOurCode(consoleErrors)).toEqual([]);
    },
    pipelineTimeout + 60_000,
  );

  it('without a key: never requests Clerk, shows no sign-in, and keeps the Gemini key write-only', async () => {
    const external: string[] = [];
    const consoleErrors: string[] = [];
    const lectern = await lecterns.open({ beforeLoad: noNetwork(external, consoleErrors) });
    const { page } = lectern;
    await page.getByText('No lectures yet').waitFor();
    await page.waitForLoadState('networkidle');
    expect(external).toEqual([]);
    expect(await page.locator('script[data-clerk-js-script]').count()).toBe(0);
    // Not even Clerk's React code: it is a chunk of its own, loaded only with a key.
    const scripts = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
    expect(scripts.filter((name) => /ClerkIsland/.test(name))).toEqual([]);
    expect(await page.getByRole('status', { name: 'Sign-in' }).count()).toBe(0);

    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    const gemini = page.getByRole('region', { name: 'Gemini' });
    await gemini.getByText(/the audio of the parts of the recording where someone speaks/).waitFor();
    await gemini.getByText(/the transcript text/).waitFor();
    const key = 'AIzaSy-e2e-key-typed-by-the-lecturer-000';
    await gemini.getByLabel('Gemini API key').fill(key);
    await gemini.getByRole('button', { name: 'Save key' }).click();
    await gemini.getByText('A key is saved').waitFor();
    expect(lectern.services.secrets.get('gemini.apiKey')).toBe(key);
    expect(await page.content()).not.toContain(key);
    expect(lectern.services.settings.get().gemini.consentedAt).toBeNull();
    await gemini.getByRole('button', { name: 'I agree' }).click();
    await gemini.getByText(/You agreed on/).waitFor();
    expect(lectern.services.settings.get().gemini.consentedAt).not.toBeNull();
    await lectern.screenshot('sign-in-3-online-settings');
    expect(fromOurCode(consoleErrors)).toEqual([]);
    expect(external).toEqual([]);
  });
});
