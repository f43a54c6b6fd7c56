import { describe, expect, it } from 'vitest';
import { createProgressTracker } from './progress.ts';

function fakeClock() {
  let t = 0;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('createProgressTracker', () => {
  const plan = [
    { stage: 'probe' as const, weight: 1 },
    { stage: 'audio' as const, weight: 3 },
  ];

  it('throttles updates within a stage but always lets the end through', () => {
    const clock = fakeClock();
    const tracker = createProgressTracker({ jobId: 1, plan, intervalMs: 250, now: clock.now });
    expect(tracker.update('audio', 0.1)).not.toBeNull();
    clock.advance(100);
    expect(tracker.update('audio', 0.2)).toBeNull();
    clock.advance(200);
    expect(tracker.update('audio', 0.3)).not.toBeNull();
    clock.advance(1);
    expect(tracker.update('audio', 1)?.stageFraction).toBe(1);
  });

  it('weights stages into an overall fraction', () => {
    const clock = fakeClock();
    const tracker = createProgressTracker({ jobId: 1, plan, intervalMs: 0, now: clock.now });
    expect(tracker.update('probe', 1)?.overall).toBeCloseTo(0.25);
    tracker.finishStage('probe');
    expect(tracker.update('audio', 0.5)?.overall).toBeCloseTo(0.625);
  });

  it('estimates the time left from the rate of this run', () => {
    const clock = fakeClock();
    const tracker = createProgressTracker({ jobId: 1, plan, intervalMs: 0, now: clock.now });
    expect(tracker.update('probe', 0)?.etaSec).toBeNull();
    clock.advance(1000);
    tracker.update('probe', 1);
    tracker.finishStage('probe');
    clock.advance(3000);
    // 2.5 of 4 units in 4 s: 1.5 units left at 0.625 units/s.
    expect(tracker.update('audio', 0.5)?.etaSec).toBeCloseTo(2.4);
  });
});
