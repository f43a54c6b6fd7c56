import type { AppError } from '../../shared/errors.ts';
import type { JobId, JobProgress, JobSummary } from '../../shared/domain/job.ts';

/** The outcome of adding one dropped file: either a queued job or the reason it was refused. */
export type AddLectureResult =
  { path: string; job: JobSummary; error: null } | { path: string; job: null; error: AppError };

/**
 * What the desktop app and the CLI can do with the queue. IPC handlers are thin functions over this,
 * so tests and the browser harness call the very same code without Electron.
 */
export interface JobService {
  list(): JobSummary[];
  /** Throws LecternError('job-not-found'). */
  get(id: JobId): JobSummary;
  /** Validates each file by probing before it joins the queue; refused files never disturb the others. */
  add(paths: string[]): Promise<AddLectureResult[]>;
  cancel(id: JobId): JobSummary;
  retry(id: JobId): JobSummary;
  onProgress(listener: (progress: JobProgress) => void): () => void;
  onJobUpdated(listener: (job: JobSummary) => void): () => void;
}
