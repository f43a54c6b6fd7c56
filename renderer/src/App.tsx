import { useEffect } from 'react';
import { DropZone } from './components/DropZone.tsx';
import { JobQueue } from './components/JobQueue.tsx';
import { Notices } from './components/Notices.tsx';
import { lecternApi } from './ipc/api.ts';
import { subscribeToJobs } from './ipc/subscriptions.ts';

export function App() {
  useEffect(() => subscribeToJobs(lecternApi()), []);
  return (
    <main className="app">
      <header className="app__header">
        <h1>Lectern</h1>
      </header>
      <DropZone />
      <Notices />
      <JobQueue />
    </main>
  );
}
