import path from 'node:path';
import type { JobProgress, JobSummary } from '../../shared/domain/job.ts';
import type { InputLimits, JobSettings } from '../../shared/domain/settings.ts';
import { stageNames } from '../../shared/domain/stages.ts';
import { LecternError, toAppError } from '../../shared/errors.ts';
import { clearStages, createJob, getJob, jobSummaries, jobSummary, updateJob } from '../db/jobsRepo.ts';
import type { LecternDb } from '../db/open.ts';
import type { JobQueue } from '../pipeline/engine/queue.ts';
import { checkFreeSpace, checkOutputFolder, validateLectureFile } from '../pipeline/validate/source.ts';
import type { AddLectureResult, JobService } from './types.ts';

export interface JobServiceDeps {
  db: LecternDb;
  queue: JobQueue;
  limits: InputLimits;
  dataDir: string;
  /** Settings for new jobs; `outputDir` is the parent folder, each lecture gets a folder inside it. */
  defaults: () => Omit<JobSettings, 'outputDir'> & { outputRoot: string };
  events: JobEvents;
}

type Listener<T> = (value: T) => void;

/** A tiny typed event hub: the engine publishes, the window and the CLI subscribe. */
export function createJobEvents() {
  const progress = new Set<Listener<JobProgress>>();
  const updated = new Set<Listener<JobSummary>>();
  const subscribe =
    <T>(set: Set<Listener<T>>) =>
    (listener: Listener<T>) => {
      set.add(listener);
      return () => void set.delete(listener);
    };
  return {
    emitProgress: (p: JobProgress) => progress.forEach((l) => l(p)),
    emitUpdated: (job: JobSummary) => updated.forEach((l) => l(job)),
    onProgress: subscribe(progress),
    onJobUpdated: subscribe(updated),
  };
}
export type JobEvents = ReturnType<typeof createJobEvents>;

/** Decoded audio needs ~64 kB per second of lecture; keep a margin for the waveform and clips. */
export function estimateWorkBytes(durationSec: number): number {
  return Math.ceil(durationSec * 16_000 * 4 * 1.25);
}

export function lectureOutputDir(outputRoot: string, sourcePath: string): string {
  return path.join(outputRoot, path.parse(sourcePath).name);
}

export function createJobService(
  deps: JobServiceDeps,
): JobService & { addOne(filePath: string, overrides?: Partial<JobSettings>): Promise<JobSummary> } {
  const { db, queue } = deps;

  /** Validates, then queues. Throws LecternError with the reason when the file is refused. */
  async function addOne(filePath: string, overrides: Partial<JobSettings> = {}): Promise<JobSummary> {
    const absolute = path.resolve(filePath);
    const media = await validateLectureFile(absolute, deps.limits);
    const { outputRoot, ...defaults } = deps.defaults();
    const settings: JobSettings = { ...defaults, outputDir: lectureOutputDir(outputRoot, absolute), ...overrides };
    checkOutputFolder(settings.outputDir);
    await checkFreeSpace(deps.dataDir, estimateWorkBytes(media.durationSec), deps.limits.minFreeBytes);
    const job = createJob(db, absolute, settings, media);
    queue.enqueue(job.id);
    return jobSummary(db, job.id);
  }

  return {
    addOne,
    list: () => jobSummaries(db),
    get: (id) => jobSummary(db, id),
    async add(paths) {
      const results: AddLectureResult[] = [];
      for (const p of paths) {
        try {
          results.push({ path: p, job: await addOne(p), error: null });
        } catch (error) {
          results.push({ path: p, job: null, error: toAppError(error) });
        }
      }
      return results;
    },
    cancel(id) {
      queue.cancel(id);
      return jobSummary(db, id);
    },
    retry(id) {
      const job = getJob(db, id);
      if (job.status === 'running' || job.status === 'queued') {
        throw new LecternError('job-busy', `Job ${id} is already ${job.status}.`);
      }
      // A failed probe means the file itself was the problem: check it again from the start.
      if (job.error && job.stage === 'probe') clearStages(db, id, [...stageNames]);
      updateJob(db, id, { error: null });
      queue.enqueue(id);
      return jobSummary(db, id);
    },
    onProgress: deps.events.onProgress,
    onJobUpdated: deps.events.onJobUpdated,
  };
}
