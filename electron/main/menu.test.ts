import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { appMenuTemplate } from './menu.ts';

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

const actions = { openLecture: vi.fn(), openSettings: vi.fn(), openLogsFolder: vi.fn() };

describe('appMenuTemplate', () => {
  it('offers reload and devtools only in development', () => {
    const roles = (dev: boolean) => flatten(appMenuTemplate({ dev, mac: false }, actions)).map((item) => item.role);
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(false)).not.toContain('reload');
    expect(roles(true)).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
  });

  it('has File ▸ Open Lecture… and Quit, and Help ▸ Open Logs Folder, wired to their actions', () => {
    const items = flatten(appMenuTemplate({ dev: false, mac: false }, actions));
    const open = items.find((item) => item.label === 'Open Lecture…');
    const logs = items.find((item) => item.label === 'Open Logs Folder');
    expect(items.some((item) => item.role === 'quit')).toBe(true);
    expect(items.some((item) => item.role === 'editMenu')).toBe(true);
    // Our click handlers ignore Electron's (menuItem, window, event) arguments.
    (open?.click as (() => void) | undefined)?.();
    (logs?.click as (() => void) | undefined)?.();
    expect(actions.openLecture).toHaveBeenCalledTimes(1);
    expect(actions.openLogsFolder).toHaveBeenCalledTimes(1);
  });

  it('has File ▸ Settings… on CmdOrCtrl+, telling the window to open Settings', () => {
    const settings = flatten(appMenuTemplate({ dev: false, mac: false }, actions)).find((i) => i.label === 'Settings…');
    expect(settings?.accelerator).toBe('CmdOrCtrl+,');
    (settings?.click as (() => void) | undefined)?.();
    expect(actions.openSettings).toHaveBeenCalledTimes(1);
  });

  it('adds the app menu on macOS only', () => {
    expect(appMenuTemplate({ dev: false, mac: true }, actions)[0]?.role).toBe('appMenu');
    expect(appMenuTemplate({ dev: false, mac: false }, actions)[0]?.label).toBe('File');
  });
});
