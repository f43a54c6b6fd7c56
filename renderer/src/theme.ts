import type { Theme } from '../../shared/domain/appSettings.ts';

/**
 * styles.css follows the OS (`prefers-color-scheme`) unless <html data-theme> forces light or dark, so 'system'
 * removes the attribute rather than guessing what the OS prefers now and missing when it changes.
 */
export function applyTheme(theme: Theme, root: HTMLElement = document.documentElement): void {
  if (theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = theme;
}
