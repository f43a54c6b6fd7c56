import { existsSync } from 'node:fs';
import { asc, eq } from 'drizzle-orm';
import type { ClipEdit, ClipSummary } from '../../shared/domain/clip.ts';
import type { JobId, JobSummary } from '../../shared/domain/job.ts';
import { LecternError } from '../../shared/errors.ts';
import type { ClipAdd, JobAnalysis } from '../../shared/ipc/clips.contract.ts';
import { clearStages, findStage, getJob } from '../db/jobsRepo.ts';
import type { LecternDb } from '../db/open.ts';
import { contentSegments, layoutAnalyses } from '../db/schema/index.ts';
import type { JobQueue } from '../pipeline/engine/queue.ts';
import { transcriptSentences } from '../pipeline/clips/clipInputs.ts';
import { readSilenceRegions } from '../pipeline/stages/silenceRegions.ts';
import { addClip, deleteClip } from './addRemoveClips.ts';
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
  /** Throws LecternError('invalid-input') for a range outside the recording, 'job-busy' while the job runs. */
  add(input: ClipAdd): ClipSummary;
  /**
   * Removes the highlight and its files; a finished job is queued to render again so its manifest and exports
   * list only what is left. Answers with the remaining highlights.
   */
  delete(clipId: number): ClipSummary[];
  /** The job's export folder (its output folder), for the file manager. Throws when it does not exist yet. */
  exportFolder(jobId: JobId): string;
}

export function createClipActions({ db, queue, jobs }: ClipActionsDeps): ClipActions {
  const actions: ClipActions = {
    list: (jobId) => listClips(db, jobId),
    edit: (clipId, edit) => editClip(db, clipId, edit),
    add: (input) => addClip(db, input),
    delete(clipId) {
      const { jobId, removedFiles } = deleteClip(db, clipId);
      // Only a rendered clip is in the exports; the render stage rewrites them and renumbers the files left.
      if (removedFiles.length > 0 && jobs.get(jobId).status === 'done') actions.render(jobId);
      return listClips(db, jobId);
    },
    exportFolder(jobId) {
      const folder = getJob(db, jobId).settings.outputDir;
      if (!existsSync(folder)) {
        throw new LecternError(
          'file-missing',
          `The export folder ${folder} does not exist yet: it is made when the clips are first rendered.`,
        );
      }
      return folder;
    },
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
  return actions;
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
    pauses: readSilenceRegions(db, jobId).pauses,
  };
}
