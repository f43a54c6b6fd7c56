import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, dialog, Menu, safeStorage, session, shell, type BrowserWindow } from 'electron';
import { toAppError } from '../../shared/errors.ts';
import { logsDir } from '../logging/logger.ts';
import { resolveAuthConfig } from '../services/clerkConfig.ts';
import { createServices } from '../services/container.ts';
import { createEncryptedSecretStore, secretsFile } from '../settings/secretStore.ts';
import { appEvents } from '../../shared/ipc/app.contract.ts';
import { followThemeSetting } from './appearance.ts';
import { registerAppHandlers } from './appHandlers.ts';
import { registerClipHandlers } from './clipHandlers.ts';
import { contentSecurityPolicy } from './contentSecurityPolicy.ts';
import { forwardJobEvents, forwardModelEvents, forwardSettingsEvents, sendEvent } from './events.ts';
import { handle, trustRenderer } from './ipc.ts';
import { registerJobHandlers } from './jobHandlers.ts';
import { registerAuthHandlers } from './authHandlers.ts';
import { registerLogHandlers } from './logHandlers.ts';
import { forwardPublishEvents, registerPublishHandlers } from './publishHandlers.ts';
import { watchJobNotifications } from './jobNotifications.ts';
import { registerModelHandlers } from './modelHandlers.ts';
import { nativeChoosePath } from './nativeDialogs.ts';
import { showJobNotice } from './notifications.ts';
import { registerSettingsHandlers } from './settingsHandlers.ts';
import { handleMediaProtocol, registerMediaScheme } from './mediaProtocol.ts';
import { serveRendererWithPolicy } from './rendererDocument.ts';
import { createMediaResolver } from './mediaProtocolCore.ts';
import { appMenuTemplate } from './menu.ts';
import { openLectureFromMenu } from './openLecture.ts';
import { shutdownBeforeQuit } from './quitGuard.ts';
import { createMainWindow, focusWindow, hardenSession, type RendererLocation } from './window.ts';

// Chromium keys the single-instance lock and its caches by userData, so a test's own data dir must be set first:
// otherwise two test runs with different LECTERN_DATA_DIRs would lock each other out.
const dataDirOverride = process.env.LECTERN_DATA_DIR;
if (dataDirOverride) app.setPath('userData', path.resolve(dataDirOverride));
// Schemes can only be made privileged before the app is ready.
registerMediaScheme();

if (app.requestSingleInstanceLock()) {
  startLectern().catch((error: unknown) => {
    dialog.showErrorBox('Lectern could not start', toAppError(error).message);
    app.exit(1);
  });
} else {
  // Another Lectern is open; it receives 'second-instance' and comes to the front.
  app.quit();
}

/** electron-vite sets ELECTRON_RENDERER_URL under `electron-vite dev`; a packaged app never trusts it. */
function rendererLocation(): RendererLocation & { dev: boolean } {
  // This entry is built to out/main/index.js; the renderer and preload sit beside it in out/.
  const outDir = path.resolve(import.meta.dirname, '..');
  const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
  return {
    appUrl: devServerUrl ?? pathToFileURL(path.join(outDir, 'renderer', 'index.html')).href,
    preloadPath: path.join(outDir, 'preload', 'index.cjs'),
    dev: devServerUrl !== undefined,
  };
}

async function startLectern(): Promise<void> {
  let mainWindow: BrowserWindow | null = null;
  app.on('second-instance', () => focusWindow(mainWindow));

  await app.whenReady();
  const location = rendererLocation();

  const dataDir = app.getPath('userData');
  const services = await createServices({
    dataDir,
    resumeQueued: true,
    // safeStorage encrypts with the OS keychain (Keychain, DPAPI, libsecret/kwallet).
    secrets: createEncryptedSecretStore(secretsFile(dataDir), safeStorage),
  });
  const { jobs, info } = services;
  // Clerk's origin is allowed only when an institution configured a key; the policy is fixed for this run.
  const clerkFrontendApi = resolveAuthConfig(services.settings).frontendApi;
  hardenSession(
    session.defaultSession,
    contentSecurityPolicy({ dev: location.dev, delivery: 'header', clerkFrontendApi }),
  );
  if (clerkFrontendApi && !location.dev) {
    serveRendererWithPolicy(location.appUrl, contentSecurityPolicy({ dev: false, delivery: 'meta', clerkFrontendApi }));
  }
  registerJobHandlers(handle, jobs);
  registerClipHandlers(handle, services.clips, { openFolder: (folder) => shell.openPath(folder) });
  registerSettingsHandlers(handle, services);
  registerLogHandlers(handle, services.db);
  registerAuthHandlers(handle, services);
  registerPublishHandlers(handle, services.publisher);
  const dialogs = { choosePath: nativeChoosePath(() => mainWindow) };
  registerModelHandlers(handle, services.models, dialogs);
  handleMediaProtocol(createMediaResolver(services.db));
  registerAppHandlers(
    handle,
    {
      versions: {
        app: app.getVersion(),
        electron: process.versions.electron,
        chrome: process.versions.chrome,
        node: process.versions.node,
      },
      dataDir: info.dataDir,
      ffmpegSource: info.ffmpegSource,
    },
    dialogs,
  );
  const currentWindow = () => (mainWindow && !mainWindow.isDestroyed() ? mainWindow.webContents : null);
  const stopJobEvents = forwardJobEvents(jobs, currentWindow);
  const stopSettingsEvents = forwardSettingsEvents(services.settings, currentWindow);
  const stopPublishEvents = forwardPublishEvents(services.publisher, currentWindow);
  const stopModelEvents = forwardModelEvents(services.models, currentWindow);
  const stopFollowingTheme = followThemeSetting(services.settings);
  /** Brings the window forward and asks it to show something (a notification's lecture, the settings). */
  const reveal = (show: () => void) => {
    if (mainWindow !== null) {
      focusWindow(mainWindow);
      show();
      return;
    }
    // macOS keeps running without a window: open one, and ask once it has loaded and can listen.
    openWindow().webContents.once('did-finish-load', show);
  };
  const stopNotifications = watchJobNotifications(
    jobs,
    () => ({
      notifyWhenDone: services.settings.get().notifyWhenDone,
      windowFocused: mainWindow !== null && !mainWindow.isDestroyed() && mainWindow.isFocused(),
    }),
    (notice) => showJobNotice(notice, (id) => reveal(() => sendEvent(currentWindow(), appEvents.showJob, { id }))),
  );

  function openWindow(): BrowserWindow {
    const window = createMainWindow(location);
    trustRenderer(window.webContents, location.appUrl);
    window.on('closed', () => {
      if (mainWindow === window) mainWindow = null;
    });
    mainWindow = window;
    window
      .loadURL(location.appUrl)
      .catch((error: unknown) => services.logger.error({ error }, 'renderer failed to load'));
    return window;
  }

  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      appMenuTemplate(
        { dev: location.dev, mac: process.platform === 'darwin' },
        {
          openLecture: () => void openLectureFromMenu(mainWindow, jobs),
          openSettings: () => reveal(() => sendEvent(currentWindow(), appEvents.openSettings, null)),
          openLogsFolder: () => {
            const folder = logsDir(info.dataDir);
            mkdirSync(folder, { recursive: true });
            void shell.openPath(folder);
          },
        },
      ),
    ),
  );

  app.on(
    'before-quit',
    shutdownBeforeQuit({
      shutdown: async () => {
        stopJobEvents();
        stopSettingsEvents();
        stopPublishEvents();
        stopModelEvents();
        stopFollowingTheme();
        stopNotifications();
        await services.shutdown();
      },
      quit: () => app.quit(),
      timeoutMs: 10_000,
      onError: (error) => services.logger.error({ error }, 'shutdown did not finish cleanly'),
    }),
  );
  app.on('window-all-closed', () => {
    // macOS apps stay open without windows; the Dock icon brings the window back ('activate').
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (mainWindow === null) openWindow();
  });

  openWindow();
}
