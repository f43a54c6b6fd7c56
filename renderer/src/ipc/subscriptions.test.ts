import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { JobSummary } from '../../../shared/domain/job.ts';
import type { IpcResult, LecternApi } from '../../../shared/ipc/index.ts';
import { useJobsStore } from '../stores/jobsStore.ts';
import { subscribeToJobs } from './subscriptions.ts';

const week1 = { id: 1, sourceName: 'week1.mp4', status: 'queued', updatedAt: 1 } as JobSummary;

function fakeApi(list: Promise<IpcResult<JobSummary[]>>) {
  const listeners = new Map<string, (payload: never) => void>();
  const api = {
    invoke: vi.fn(() => list),
    on: vi.fn((channel: string, listener: (payload: never) => void) => {
      listeners.set(channel, listener);
      return () => listeners.delete(channel);
    }),
    pathForFile: () => '',
  } as unknown as LecternApi<File>;
  return { api, listeners };
}

describe('subscribeToJobs', () => {
  beforeEach(() => {
    useJobsStore.setState({ jobs: [], progress: {}, notices: [] });
  });

  it('listens first, then loads the queue into the store', async () => {
    const { api, listeners } = fakeApi(Promise.resolve({ ok: true, value: [week1] }));
    subscribeToJobs(api);
    expect([...listeners.keys()].sort()).toEqual(['jobs:progress', 'jobs:updated']);
    await vi.waitFor(() => expect(useJobsStore.getState().jobs).toEqual([week1]));
  });

  it('shows a notice when the queue cannot be loaded', async () => {
    const { api } = fakeApi(Promise.resolve({ ok: false, error: { code: 'internal', message: 'database locked' } }));
    subscribeToJobs(api);
    await vi.waitFor(() => expect(useJobsStore.getState().notices[0]?.detail).toBe('database locked'));
  });

  it('stops listening and ignores a late list once disposed', async () => {
    let answer: (result: IpcResult<JobSummary[]>) => void = () => {};
    const { api, listeners } = fakeApi(new Promise((resolve) => (answer = resolve)));
    const dispose = subscribeToJobs(api);
    dispose();
    expect(listeners.size).toBe(0);
    answer({ ok: true, value: [week1] });
    await Promise.resolve();
    expect(useJobsStore.getState().jobs).toEqual([]);
  });
});
