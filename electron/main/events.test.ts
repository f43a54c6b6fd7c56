import { describe, expect, it, vi } from 'vitest';
import type { JobProgress, JobSummary } from '../../shared/domain/job.ts';
import type { JobService } from '../services/types.ts';
import { forwardJobEvents, type EventTarget } from './events.ts';

function jobsWithListeners() {
  const progress = new Set<(p: JobProgress) => void>();
  const updates = new Set<(j: JobSummary) => void>();
  const jobs = {
    onProgress: (listener: (p: JobProgress) => void) => {
      progress.add(listener);
      return () => progress.delete(listener);
    },
    onJobUpdated: (listener: (j: JobSummary) => void) => {
      updates.add(listener);
      return () => updates.delete(listener);
    },
  } as unknown as JobService;
  return { jobs, progress, updates };
}

const sample: JobProgress = { jobId: 3, stage: 'audio', stageFraction: 0.5, overall: 0.2, etaSec: 90 };

describe('forwardJobEvents', () => {
  it("sends each event on its contract's channel to the current window", () => {
    const { jobs, progress, updates } = jobsWithListeners();
    const target: EventTarget = { isDestroyed: () => false, send: vi.fn() };
    forwardJobEvents(jobs, () => target);
    for (const listener of progress) listener(sample);
    for (const listener of updates) listener({ id: 3 } as JobSummary);
    expect(target.send).toHaveBeenNthCalledWith(1, 'jobs:progress', sample);
    expect(target.send).toHaveBeenNthCalledWith(2, 'jobs:updated', { id: 3 });
  });

  it('drops events while no window is open or the window is gone', () => {
    const { jobs, progress } = jobsWithListeners();
    const closed: EventTarget = { isDestroyed: () => true, send: vi.fn() };
    let current: EventTarget | null = null;
    forwardJobEvents(jobs, () => current);
    expect(() => {
      for (const listener of progress) listener(sample);
    }).not.toThrow();
    current = closed;
    for (const listener of progress) listener(sample);
    expect(closed.send).not.toHaveBeenCalled();
  });

  it('stops listening when disposed', () => {
    const { jobs, progress, updates } = jobsWithListeners();
    const stop = forwardJobEvents(jobs, () => null);
    expect(progress.size + updates.size).toBe(2);
    stop();
    expect(progress.size + updates.size).toBe(0);
  });
});
