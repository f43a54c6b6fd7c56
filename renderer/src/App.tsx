import { useEffect, useRef } from 'react';
import { AppHeader } from './components/AppHeader.tsx';
import { DropZone } from './components/DropZone.tsx';
import { JobQueue } from './components/JobQueue.tsx';
import { JobView } from './components/JobView.tsx';
import { Notices } from './components/Notices.tsx';
import { SettingsScreen } from './components/settings/SettingsScreen.tsx';
import { useAppShortcuts } from './hooks/useAppShortcuts.ts';
import { lecternApi } from './ipc/api.ts';
import { subscribeToSettings } from './ipc/settingsCommands.ts';
import { subscribeToJobs } from './ipc/subscriptions.ts';
import { useJobViewStore } from './stores/jobViewStore.ts';
import { useScreenStore } from './stores/screenStore.ts';

function QueueScreen() {
  const viewing = useJobViewStore((s) => s.openJobId !== null);
  const settingsButton = useRef<HTMLButtonElement>(null);
  // Coming back from Settings puts focus back on the button that opened it.
  useEffect(() => {
    const returned = useScreenStore.getState().returnedFromSettings;
    if (returned && document.activeElement === document.body) settingsButton.current?.focus();
  }, []);
  return (
    <main className={viewing ? 'app app--viewing' : 'app'}>
      <AppHeader ref={settingsButton} />
      <div className="app__queue">
        <DropZone />
        <Notices />
        <JobQueue />
      </div>
      <JobView />
    </main>
  );
}

export function App() {
  useEffect(() => subscribeToJobs(lecternApi()), []);
  useEffect(() => subscribeToSettings(lecternApi()), []);
  useAppShortcuts();
  const screen = useScreenStore((s) => s.screen);
  return screen === 'settings' ? <SettingsScreen /> : <QueueScreen />;
}
