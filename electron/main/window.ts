import { BrowserWindow, type Session } from 'electron';
import { isAppUrl } from './ipcCore.ts';

export interface RendererLocation {
  /** What the window loads and the only URL it may show: file:// of out/renderer/index.html, or the dev server. */
  appUrl: string;
  preloadPath: string;
}

/**
 * Follows Electron's security checklist (https://www.electronjs.org/docs/latest/tutorial/security): the renderer
 * is a sandboxed web page that reaches the machine only through the preload's `window.api`. The caller loads
 * `location.appUrl` once it has trusted the window, so no request can arrive before the check knows who may ask.
 */
export function createMainWindow(location: RendererLocation): BrowserWindow {
  const window = new BrowserWindow({
    title: 'Lectern',
    width: 1100,
    height: 720,
    minWidth: 640,
    minHeight: 480,
    show: false,
    webPreferences: {
      preload: location.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    },
  });

  window.once('ready-to-show', () => window.show());
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  // Dropping a file outside the drop zone would otherwise navigate the window to it, away from the app.
  window.webContents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url, location.appUrl)) event.preventDefault();
  });
  return window;
}

/** "Copy link" writes the clipboard (navigator.clipboard.writeText); reading it stays denied. */
const allowedPermissions: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

/** The policy header for every response, and no permission (camera, microphone, notifications) for anyone. */
export function hardenSession(session: Session, policy: string): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [policy] } });
  });
  session.setPermissionRequestHandler((_webContents, permission, callback) =>
    callback(allowedPermissions.has(permission)),
  );
  session.setPermissionCheckHandler((_webContents, permission) => allowedPermissions.has(permission));
}

export function focusWindow(window: BrowserWindow | null): void {
  if (!window || window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}
