import { forwardRef } from 'react';
import { openSettingsAction } from '../actions/appActions.ts';

/** The queue screen's header: the app's name and the way to Settings (also Ctrl/Cmd+,). */
export const AppHeader = forwardRef<HTMLButtonElement>(function AppHeader(_props, settingsButton) {
  return (
    <header className="app__header">
      <h1>Lectern</h1>
      <button
        ref={settingsButton}
        type="button"
        className="button--quiet"
        aria-keyshortcuts={openSettingsAction.shortcut}
        title={`${openSettingsAction.label} (${openSettingsAction.shortcut.replace('Control', 'Ctrl').replace('Meta', '⌘')})`}
        onClick={openSettingsAction.run}
      >
        {openSettingsAction.label}
      </button>
    </header>
  );
});
