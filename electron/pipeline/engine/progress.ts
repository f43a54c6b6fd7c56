import type { JobProgress } from '../../../shared/domain/job.ts';
import type { StageName } from '../../../shared/domain/stages.ts';

/** Share of a job's time each stage usually takes; only the ratios matter. */
export type StageWeights = Partial<Record<StageName, number>>;

export interface ProgressTrackerOptions {
  jobId: number;
  /** The stages this job will run, in order, with their weights. */
  plan: { stage: StageName; weight: number }[];
  /** At most one event per this many ms, except the first and last of each stage. */
  intervalMs: number;
  now?: () => number;
}

/**
 * Turns a stage's raw fractions into throttled job-level progress with an ETA.
 * Pure apart from the clock, so it is tested with a fake one.
 */
export function createProgressTracker(options: ProgressTrackerOptions) {
  const now = options.now ?? Date.now;
  const total = options.plan.reduce((sum, s) => sum + s.weight, 0) || 1;
  let lastEmit = -Infinity;
  let stageStart = now();
  let current: StageName | null = null;
  // Work done and time spent in this run, for a rate that covers more than the current stage.
  let runWork = 0;
  let runStart = now();

  function weightBefore(stage: StageName): number {
    let sum = 0;
    for (const s of options.plan) {
      if (s.stage === stage) break;
      sum += s.weight;
    }
    return sum;
  }

  function weightOf(stage: StageName): number {
    return options.plan.find((s) => s.stage === stage)?.weight ?? 0;
  }

  function startStage(stage: StageName): void {
    if (current === null) {
      runStart = now();
      runWork = 0;
    }
    current = stage;
    stageStart = now();
    lastEmit = -Infinity;
  }

  function finishStage(stage: StageName): void {
    runWork += weightOf(stage);
  }

  /** Returns the event to send, or null when throttled. */
  function update(stage: StageName, fraction: number, force = false): JobProgress | null {
    if (stage !== current) startStage(stage);
    const f = Math.min(1, Math.max(0, fraction));
    const t = now();
    if (!force && f < 1 && t - lastEmit < options.intervalMs) return null;
    lastEmit = t;
    const done = weightBefore(stage) + weightOf(stage) * f;
    const overall = Math.min(1, done / total);
    const workThisRun = runWork + weightOf(stage) * f;
    const elapsed = (t - runStart) / 1000;
    // Too little history gives wild numbers; say nothing until there is some.
    const etaSec = workThisRun > 0.01 * total && elapsed > 0.5 ? ((total - done) * elapsed) / workThisRun : null;
    return { jobId: options.jobId, stage, stageFraction: f, overall, etaSec };
  }

  return { update, finishStage, stageElapsedMs: () => now() - stageStart };
}

export type ProgressTracker = ReturnType<typeof createProgressTracker>;
