import { nativeTheme } from 'electron';
import type { SettingsStore } from '../settings/settingsStore.ts';

/**
 * Native parts of the window (menus, dialogs, scrollbars, the title bar on Windows and macOS) follow Settings ▸
 * Appearance like the page does; 'system' hands the choice back to the OS. Returns the function that stops following.
 */
export function followThemeSetting(settings: SettingsStore): () => void {
  nativeTheme.themeSource = settings.get().theme;
  return settings.onChange((next) => {
    nativeTheme.themeSource = next.theme;
  });
}
