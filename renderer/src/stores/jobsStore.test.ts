import { beforeEach, describe, expect, it } from 'vitest';
import type { JobSummary } from '../../../shared/domain/job.ts';
import { mergeJobs, useJobsStore } from './jobsStore.ts';

function job(id: number, updatedAt: number, overrides: Partial<JobSummary> = {}): JobSummary {
  return {
    id,
    sourcePath: `/lectures/week${id}.mp4`,
    sourceName: `week${id}.mp4`,
    status: 'queued',
    stage: null,
    progress: 0,
    error: null,
    media: null,
    outputDir: `/out/${id}`,
    createdAt: id,
    updatedAt,
    finishedAt: null,
    stages: [],
    ...overrides,
  };
}

describe('mergeJobs', () => {
  it('keeps the newer copy of each job, in queue order', () => {
    const merged = mergeJobs([job(2, 50, { status: 'running' })], [job(1, 10), job(2, 40)]);
    expect(merged.map((j) => [j.id, j.status])).toEqual([
      [1, 'queued'],
      [2, 'running'],
    ]);
  });
});

describe('useJobsStore', () => {
  beforeEach(() => {
    useJobsStore.setState({ jobs: [], progress: {}, notices: [] });
  });

  it('forgets live progress once a job stops running', () => {
    const { receiveJob, receiveProgress } = useJobsStore.getState();
    receiveJob(job(1, 1, { status: 'running' }));
    receiveProgress({ jobId: 1, stage: 'audio', stageFraction: 0.5, overall: 0.3, etaSec: 120 });
    expect(useJobsStore.getState().progress[1]?.overall).toBe(0.3);
    receiveJob(job(1, 2, { status: 'done', progress: 1 }));
    expect(useJobsStore.getState().progress[1]).toBeUndefined();
  });

  it('numbers notices and dismisses them one by one', () => {
    const { addNotices } = useJobsStore.getState();
    addNotices([
      { title: 'a', detail: 'x' },
      { title: 'b', detail: 'y' },
    ]);
    const [first, second] = useJobsStore.getState().notices;
    expect(first?.id).not.toBe(second?.id);
    useJobsStore.getState().dismissNotice(first?.id ?? -1);
    expect(useJobsStore.getState().notices.map((n) => n.title)).toEqual(['b']);
  });
});
