import { asc, eq } from 'drizzle-orm';
import type { ClipEdit, ClipSummary } from '../../shared/domain/clip.ts';
import type { JobId, JobSummary } from '../../shared/domain/job.ts';
import { LecternError } from '../../shared/errors.ts';
import type { JobAnalysis } from '../../shared/ipc/clips.contract.ts';
import { clearStages, findStage, getJob } from '../db/jobsRepo.ts';
import type { LecternDb } from '../db/open.ts';
import { contentSegments, layoutAnalyses } from '../db/schema/index.ts';
import type { JobQueue } from '../pipeline/engine/queue.ts';
import { transcriptSentences } from '../pipeline/clips/clipInputs.ts';
import { editClip, listClips } from './clipService.ts';
import type { JobService } from './types.ts';

export interface ClipActionsDeps {
  db: LecternDb;
  queue: Pick<JobQueue, 'enqueue'>;
  jobs: Pick<JobService, 'get'>;
}

/** What the lecturer does with a job's highlights, the same from the app (IPC) and the CLI. */
export interface ClipActions {
  /** Throws LecternError('job-not-found'). */
  list(jobId: JobId): ClipSummary[];
  /** Throws LecternError('invalid-input') with a sentence the editor can show (too short, past the end…). */
  edit(clipId: number, edit: ClipEdit): ClipSummary;
  /**
   * Queues the job to render again; earlier stages stay done, and only clips whose inputs changed are redone.
   * Throws LecternError('job-busy') while the job is queued or running.
   */
  render(jobId: JobId): JobSummary;
  analysis(jobId: JobId): JobAnalysis;
}

export function createClipActions({ db, queue, jobs }: ClipActionsDeps): ClipActions {
  return {
    list: (jobId) => listClips(db, jobId),
    edit: (clipId, edit) => editClip(db, clipId, edit),
    render(jobId) {
      const job = jobs.get(jobId);
      if (job.status === 'running' || job.status === 'queued') {
        throw new LecternError('job-busy', `Job ${job.id} is ${job.status}; wait for it to finish, then render.`);
      }
      clearStages(db, job.id, ['render']);
      queue.enqueue(job.id);
      return jobs.get(job.id);
    },
    analysis: (jobId) => jobAnalysis(db, jobId),
  };
}

/** The audio stage's waveform file, once that stage has finished; its result row is where the path is kept. */
export function jobWaveform(db: LecternDb, jobId: JobId): JobAnalysis['waveform'] {
  const audio = findStage(db, jobId, 'audio');
  if (audio?.status !== 'done' || !audio.result) return null;
  const { waveformPath, peaksPerSecond } = audio.result;
  if (typeof waveformPath !== 'string' || typeof peaksPerSecond !== 'number' || peaksPerSecond <= 0) return null;
  return { path: waveformPath, peaksPerSecond };
}

/** Transcript, topics, slide changes and waveform of one job, for the job view; parts not computed yet are empty. */
export function jobAnalysis(db: LecternDb, jobId: JobId): JobAnalysis {
  getJob(db, jobId);
  const segments = db
    .select({
      id: contentSegments.id,
      start: contentSegments.start,
      end: contentSegments.end,
      title: contentSegments.title,
      topic: contentSegments.topic,
      importance: contentSegments.importance,
      reasons: contentSegments.reasons,
    })
    .from(contentSegments)
    .where(eq(contentSegments.jobId, jobId))
    .orderBy(asc(contentSegments.position))
    .all();
  const layout = db
    .select({ slideChanges: layoutAnalyses.slideChanges })
    .from(layoutAnalyses)
    .where(eq(layoutAnalyses.jobId, jobId))
    .get();
  return {
    sentences: transcriptSentences(db, jobId),
    segments,
    layout: layout ?? null,
    waveform: jobWaveform(db, jobId),
  };
}
