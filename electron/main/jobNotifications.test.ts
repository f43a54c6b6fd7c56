import { describe, expect, it } from 'vitest';
import type { JobSummary } from '../../shared/domain/job.ts';
import type { JobStatus } from '../../shared/domain/stages.ts';
import { jobNotice, watchJobNotifications, type JobNotice, type NotifyConditions } from './jobNotifications.ts';

function job(status: JobStatus, id = 1): JobSummary {
  return {
    id,
    sourcePath: '/lectures/week 3.mp4',
    sourceName: 'week 3.mp4',
    status,
    stage: null,
    progress: status === 'done' ? 1 : 0.5,
    error: status === 'failed' ? { code: 'no-audio', message: 'week 3.mp4 has no sound track.' } : null,
    media: null,
    outputDir: '/out/week 3',
    createdAt: 1,
    updatedAt: 2,
    finishedAt: null,
    stages: [],
  };
}

const away: NotifyConditions = { notifyWhenDone: true, windowFocused: false };

describe('jobNotice', () => {
  it('tells a lecturer who is elsewhere that a lecture finished, or why it failed', () => {
    expect(jobNotice(job('done'), 'running', away)).toEqual({
      jobId: 1,
      title: 'Highlights ready',
      body: 'week 3.mp4 is done: its clips are ready to review.',
    });
    expect(jobNotice(job('failed'), 'running', away)).toMatchObject({
      title: 'week 3.mp4 could not be finished',
      body: 'week 3.mp4 has no sound track.',
    });
  });

  it('stays quiet while the window is in front, when turned off, and for anything but finishing', () => {
    expect(jobNotice(job('done'), 'running', { notifyWhenDone: true, windowFocused: true })).toBeNull();
    expect(jobNotice(job('done'), 'running', { notifyWhenDone: false, windowFocused: false })).toBeNull();
    expect(jobNotice(job('running'), 'queued', away)).toBeNull();
    expect(jobNotice(job('cancelled'), 'running', away)).toBeNull();
    expect(jobNotice(job('done'), 'done', away)).toBeNull();
  });
});

describe('watchJobNotifications', () => {
  it('notifies once per finish, following the queue and the current conditions', () => {
    let emit: (summary: JobSummary) => void = () => {};
    const shown: JobNotice[] = [];
    let conditions = away;
    const stop = watchJobNotifications(
      {
        list: () => [job('done', 7)],
        onJobUpdated: (listener) => {
          emit = listener;
          return () => (emit = () => {});
        },
      },
      () => conditions,
      (notice) => shown.push(notice),
    );
    // Already done before the app started: an update (a clip edit) is not a new finish.
    emit(job('done', 7));
    emit(job('running', 1));
    emit(job('done', 1));
    emit(job('done', 1));
    expect(shown.map((notice) => notice.jobId)).toEqual([1]);
    conditions = { notifyWhenDone: true, windowFocused: true };
    emit(job('running', 2));
    emit(job('failed', 2));
    expect(shown).toHaveLength(1);
    stop();
    conditions = away;
    emit(job('running', 3));
    emit(job('done', 3));
    expect(shown).toHaveLength(1);
  });
});
