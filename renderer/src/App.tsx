import { useEffect } from 'react';
import { AccountArea } from './auth/AccountArea.tsx';
import { OnlinePanel } from './components/online/OnlinePanel.tsx';
import { DropZone } from './components/DropZone.tsx';
import { JobQueue } from './components/JobQueue.tsx';
import { JobView } from './components/JobView.tsx';
import { Notices } from './components/Notices.tsx';
import { lecternApi } from './ipc/api.ts';
import { subscribeToJobs } from './ipc/subscriptions.ts';
import { useJobViewStore } from './stores/jobViewStore.ts';

export function App() {
  useEffect(() => subscribeToJobs(lecternApi()), []);
  const viewing = useJobViewStore((s) => s.openJobId !== null);
  return (
    <main className={viewing ? 'app app--viewing' : 'app'}>
      <header className="app__header">
        <h1>Lectern</h1>
        <div className="header-tools">
          <OnlinePanel />
          <AccountArea />
        </div>
      </header>
      <div className="app__queue">
        <DropZone />
        <Notices />
        <JobQueue />
      </div>
      <JobView />
    </main>
  );
}
