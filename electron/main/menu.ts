import type { MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  openLecture(): void;
  openSettings(): void;
  openLogsFolder(): void;
}

/** A deliberately small menu; reload and devtools exist only in development, where they help and cannot confuse. */
export function appMenuTemplate(
  options: { dev: boolean; mac: boolean },
  actions: MenuActions,
): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    ...(options.dev
      ? ([{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }] as const)
      : []),
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  return [
    ...(options.mac ? [{ role: 'appMenu' } as const] : []),
    {
      label: 'File',
      submenu: [
        { label: 'Open Lecture…', accelerator: 'CmdOrCtrl+O', click: () => actions.openLecture() },
        { type: 'separator' },
        // Cmd+, is where macOS users look for settings; the same key works on Windows and Linux.
        { label: 'Settings…', accelerator: 'CmdOrCtrl+,', click: () => actions.openSettings() },
        { type: 'separator' },
        { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    { label: 'View', submenu: view },
    ...(options.mac ? [{ role: 'windowMenu' } as const] : []),
    {
      role: 'help',
      submenu: [{ label: 'Open Logs Folder', click: () => actions.openLogsFolder() }],
    },
  ];
}
