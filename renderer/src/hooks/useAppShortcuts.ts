import { useEffect } from 'react';
import { appActions } from '../actions/appActions.ts';

/** The window-wide shortcuts (Ctrl/Cmd+, for Settings), from the one list of app actions. */
export function useAppShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const action = appActions.find((candidate) => candidate.matches(event));
      if (!action) return;
      event.preventDefault();
      action.run();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
