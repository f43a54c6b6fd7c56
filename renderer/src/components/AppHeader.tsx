import { forwardRef } from 'react';
import { openSettingsAction } from '../actions/appActions.ts';
import { AccountArea } from '../auth/AccountArea.tsx';

/** The queue screen's header: the app's name, who is signed in (when an institution set that up), and Settings. */
export const AppHeader = forwardRef<HTMLButtonElement>(function AppHeader(_props, settingsButton) {
  return (
    <header className="app__header">
      <h1>Lectern</h1>
      <div className="header-tools">
        <AccountArea />
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
      </div>
    </header>
  );
});
