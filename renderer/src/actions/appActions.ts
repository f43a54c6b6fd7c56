import { useScreenStore } from '../stores/screenStore.ts';

/** Window-wide commands (STYLE §5): the header button and the keyboard shortcut read this one list. */
export interface AppAction {
  id: string;
  label: string;
  /** How the shortcut reads on this computer, for the button's aria-keyshortcuts and tooltip. */
  shortcut: string;
  matches(event: KeyboardEvent): boolean;
  run(): void;
}

const mac = typeof navigator !== 'undefined' && /Mac/i.test(navigator.platform);

export const openSettingsAction: AppAction = {
  id: 'app.settings',
  label: 'Settings',
  shortcut: mac ? 'Meta+,' : 'Control+,',
  // The app menu has the same accelerator; in the browser harness, and if the menu is hidden, this one answers.
  matches: (event) => event.key === ',' && (mac ? event.metaKey : event.ctrlKey) && !event.altKey,
  run: () => useScreenStore.getState().openSettings(),
};

export const appActions: readonly AppAction[] = [openSettingsAction];
