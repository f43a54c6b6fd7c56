import { mkdirSync } from 'node:fs';
import path from 'node:path';
import react from '@vitejs/plugin-react';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { build } from 'vite';
import type { Contract } from '../../shared/ipc/contract.ts';
import { jobsEvents } from '../../shared/ipc/jobs.contract.ts';
import { publishEvents } from '../../shared/ipc/publish.contract.ts';
import { settingsEvents } from '../../shared/ipc/settings.contract.ts';
import { registerClipHandlers, type DesktopShell } from '../../electron/main/clipHandlers.ts';
import { createMediaResolver, type MediaResolver } from '../../electron/main/mediaProtocolCore.ts';
import { answerRequest, type IpcHandler, type RegisterHandler } from '../../electron/main/ipcCore.ts';
import { registerJobHandlers } from '../../electron/main/jobHandlers.ts';
import { registerAuthHandlers } from '../../electron/main/authHandlers.ts';
import { registerLogHandlers } from '../../electron/main/logHandlers.ts';
import { registerPublishHandlers } from '../../electron/main/publishHandlers.ts';
import { registerSettingsHandlers } from '../../electron/main/settingsHandlers.ts';
import type { AppSettingsPatch } from '../../shared/domain/appSettings.ts';
import { resolveAuthConfig } from '../../electron/services/clerkConfig.ts';
import { modelsEvents } from '../../shared/ipc/models.contract.ts';
import { registerAppHandlers } from '../../electron/main/appHandlers.ts';
import type { ChoosePath, PathRequest } from '../../electron/main/choosePath.ts';
import { registerModelHandlers } from '../../electron/main/modelHandlers.ts';
import { createServices, type Services, type ServicesOptions } from '../../electron/services/container.ts';
import { createMemorySecretStore } from '../../electron/settings/secretStore.ts';
import { repoDir } from '../env.ts';
import { scratchDir } from '../support/lectern.ts';
import { serveRenderer, type StaticServer } from './staticServer.ts';

export const screenshotDir = path.join(repoDir, 'test-results', 'screenshots');

/** Builds the renderer as electron-vite does (same root, plugin, relative base) into `outDir`. */
export async function buildRenderer(outDir: string): Promise<void> {
  await build({
    configFile: false,
    root: path.join(repoDir, 'renderer'),
    base: './',
    plugins: [react()],
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.LECTERN_CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

type Handlers = Map<string, { contract: Contract; handler: IpcHandler<Contract> }>;

/** The main process's handlers, registered exactly as electron/main/index.ts does, into a map. */
function registerHandlers(services: Services, desktop: DesktopShell, choosePath: ChoosePath): Handlers {
  const handlers: Handlers = new Map();
  const register: RegisterHandler = (contract, handler) => {
    // Each handler is stored with its own contract and only ever called with input parsed by that contract.
    handlers.set(contract.channel, { contract, handler: handler as unknown as IpcHandler<Contract> });
  };
  registerJobHandlers(register, services.jobs);
  registerClipHandlers(register, services.clips, desktop);
  registerSettingsHandlers(register, services);
  registerLogHandlers(register, services.db);
  registerAuthHandlers(register, { settings: services.settings, users: services.users, env: {} });
  registerPublishHandlers(register, services.publisher);
  registerModelHandlers(register, services.models, { choosePath });
  const versions = { app: 'test', electron: 'none', chrome: 'chromium', node: process.versions.node };
  registerAppHandlers(register, { versions, ...services.info }, { choosePath });
  return handlers;
}

/**
 * Stands in for electron/preload/index.ts before the app's script runs: `invoke` goes to the harness binding,
 * `on` listens for events the harness dispatches, `pathForFile` answers from the paths the test offered (as
 * Electron's webUtils.getPathForFile answers for a dropped file). Runs in the page, so it only touches globalThis.
 */
function installPreload(mediaBase: string): void {
  type Listener = (payload: unknown) => void;
  const page = globalThis as unknown as Record<string, unknown> & {
    __lecternInvoke(channel: string, input: unknown): Promise<unknown>;
  };
  const listeners = new Map<string, Set<Listener>>();
  const filePaths: Record<string, string> = {};
  page.__lecternFilePaths = filePaths;
  page.__lecternEmit = (channel: string, payload: unknown) => listeners.get(channel)?.forEach((l) => l(payload));
  page.api = Object.freeze({
    invoke: (channel: string, input?: unknown) => page.__lecternInvoke(channel, input),
    on(channel: string, listener: Listener) {
      const set = listeners.get(channel) ?? new Set<Listener>();
      listeners.set(channel, set);
      set.add(listener);
      return () => void set.delete(listener);
    },
    pathForFile: (file: { name: string }) => filePaths[file.name] ?? '',
    mediaBase,
  });
}

export interface OpenOptions {
  /** Settings in force before the window loads (e.g. an institution's sign-in). */
  settings?: AppSettingsPatch;
  /** Runs before the page loads: routes to block, listeners for console messages. */
  beforeLoad?: (page: Page, context: BrowserContext) => Promise<void>;
  /** Speech models from a local server instead of the internet. */
  models?: ServicesOptions['models'];
  colorScheme?: 'light' | 'dark';
  /** Put clips where Settings ▸ General says, as the app does, instead of the test's own output folder. */
  outputFolderFromSettings?: boolean;
}

export interface LecternPage {
  page: Page;
  services: Services;
  dataDir: string;
  /** Folders the app asked the desktop to show (Electron's shell.openPath), in order. */
  openedFolders: string[];
  /** Offers recordings through the DropZone's file input, as choosing them in the picker does. */
  addRecordings(paths: string[]): Promise<void>;
  /** What the next native open dialogs answer, in order; once used up they answer null (closed). */
  dialogAnswers: (string | null)[];
  /** The dialogs the app opened. */
  dialogRequests: PathRequest[];
  /** Sends an event as the main process would (the menu's "Settings…", a notification's click). */
  emit(channel: string, payload: unknown): Promise<void>;
  screenshot(name: string): Promise<void>;
  /** Where a screenshot called `name` goes, for screenshots of one element. */
  screenshotPath(name: string): string;
  close(): Promise<void>;
}

/**
 * The browser end of the harness: built once per test file, it serves the renderer and launches Chromium. Each
 * `openLectern()` gets fresh services over a fresh data folder and a fresh browser context.
 */
export async function startHarness(): Promise<{
  openLectern(options?: OpenOptions): Promise<LecternPage>;
  stop(): Promise<void>;
}> {
  const build = scratchDir('lectern-e2e-build-');
  await buildRenderer(build.dir);
  // The page's media come from the services of the lecture open at the time, as lectern-media: does in the app.
  let mediaResolver: MediaResolver | null = null;
  const server: StaticServer = await serveRenderer(build.dir, () => mediaResolver);
  const browser = await launchChromium();
  const open = new Set<LecternPage>();

  async function openLectern(options: OpenOptions = {}): Promise<LecternPage> {
    const scratch = scratchDir('lectern-e2e-');
    const dataDir = path.join(scratch.dir, 'data');
    const services = await createServices({
      dataDir,
      outputRoot: options.outputFolderFromSettings ? undefined : path.join(scratch.dir, 'output'),
      // Credentials typed in the UI stay in this test; the machine's own AWS or Gemini variables never leak in.
      secrets: createMemorySecretStore(),
      models: options.models,
    });
    const dialogAnswers: (string | null)[] = [];
    const dialogRequests: PathRequest[] = [];
    const openedFolders: string[] = [];
    const desktop: DesktopShell = {
      openFolder: async (folder) => {
        openedFolders.push(folder);
        return '';
      },
    };
    const handlers = registerHandlers(services, desktop, async (request) => {
      dialogRequests.push(request);
      return dialogAnswers.shift() ?? null;
    });
    if (options.settings) services.settings.update(options.settings);
    server.allowClerk(resolveAuthConfig(services.settings, {}).frontendApi);
    mediaResolver = createMediaResolver(services.db);
    const context: BrowserContext = await browser.newContext({
      colorScheme: options.colorScheme ?? 'light',
      viewport: { width: 1280, height: 900 },
    });
    const page = await context.newPage();
    await page.exposeBinding('__lecternInvoke', async (source, channel: string, raw: unknown) => {
      const entry = handlers.get(channel);
      if (!entry) return { ok: false, error: { code: 'invalid-input', message: `No handler for "${channel}".` } };
      const sender = { webContentsId: 1, frameUrl: source.frame.url(), isMainFrame: source.frame === page.mainFrame() };
      return answerRequest(entry.contract, entry.handler, raw, sender, { webContentsId: 1, appUrl: server.url });
    });
    await context.addInitScript(installPreload, server.mediaBase);

    const deliver = (channel: string, payload: unknown) =>
      page.evaluate(
        ([c, p]) => (globalThis as unknown as { __lecternEmit(c: unknown, p: unknown): void }).__lecternEmit(c, p),
        [channel, payload] as const,
      );
    // The page may be closing while the pipeline still reports.
    const emit = (channel: string, payload: unknown) => void deliver(channel, payload).catch(() => {});
    const stopProgress = services.jobs.onProgress((p) => emit(jobsEvents.progress.channel, p));
    const stopUpdates = services.jobs.onJobUpdated((job) => emit(jobsEvents.updated.channel, job));
    const stopSettings = services.settings.onChange((s) => emit(settingsEvents.changed.channel, s));
    const stopPublish = services.publisher.onProgress((p) => emit(publishEvents.progress.channel, p));
    await options.beforeLoad?.(page, context);
    const stopModelProgress = services.models.onProgress((p) => emit(modelsEvents.progress.channel, p));
    const stopModelChanges = services.models.onChange((list) => emit(modelsEvents.changed.channel, list));
    await page.goto(server.url);

    const lectern: LecternPage = {
      page,
      services,
      dataDir,
      openedFolders,
      dialogAnswers,
      dialogRequests,
      emit: deliver,
      async addRecordings(paths) {
        const byName = Object.fromEntries(paths.map((p) => [path.basename(p), p]));
        await page.evaluate((entries) => {
          Object.assign((globalThis as unknown as { __lecternFilePaths: object }).__lecternFilePaths, entries);
        }, byName);
        await page.getByLabel('Lecture recordings', { exact: true }).setInputFiles(paths);
      },
      screenshotPath(name) {
        mkdirSync(screenshotDir, { recursive: true });
        return path.join(screenshotDir, `${name}.png`);
      },
      async screenshot(name) {
        mkdirSync(screenshotDir, { recursive: true });
        await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
      },
      async close() {
        open.delete(lectern);
        stopProgress();
        stopUpdates();
        stopSettings();
        stopPublish();
        stopModelProgress();
        stopModelChanges();
        await context.close();
        await services.shutdown();
        scratch.cleanup();
      },
    };
    open.add(lectern);
    return lectern;
  }

  async function stop(): Promise<void> {
    for (const lectern of [...open]) await lectern.close();
    await browser.close();
    await server.close();
    build.cleanup();
  }

  return { openLectern, stop };
}
