import { rmSync } from 'node:fs';
import { asc, eq } from 'drizzle-orm';
import type { ClipSummary } from '../../shared/domain/clip.ts';
import type { Sentence, TimeRange } from '../../shared/domain/transcript.ts';
import { LecternError } from '../../shared/errors.ts';
import type { ClipAdd } from '../../shared/ipc/clips.contract.ts';
import { getJob, type JobRow } from '../db/jobsRepo.ts';
import type { LecternDb } from '../db/open.ts';
import { clips, contentSegments } from '../db/schema/index.ts';
import { transcriptSentences } from '../pipeline/clips/clipInputs.ts';
import { gapCuts, pausesFromTranscript } from '../pipeline/selection/boundaries.ts';
import { defaultSelectionOptions } from '../pipeline/selection/selectHighlights.ts';
import { readSilenceRegions } from '../pipeline/stages/silenceRegions.ts';
import { findClip, toClipSummary } from './clipService.ts';

/** How far an edge may move to land on a sentence end inside a pause; further than this, the lecturer meant it. */
const maxSnapSec = 3;
const shortestClipSec = 1;

/**
 * The range moved to where the engine itself would cut: the nearest sentence edge inside a pause (the same cuts as
 * electron/pipeline/selection), each edge on its own, when one lies within a few seconds. A range that would end up
 * shorter than a second stays as asked.
 */
export function snapNewRange(
  range: TimeRange,
  sentences: readonly Sentence[],
  pauses: readonly TimeRange[],
  durationSec: number,
): TimeRange {
  const cuts = gapCuts(sentences, pauses.length > 0 ? pauses : pausesFromTranscript(sentences), {
    marginSec: defaultSelectionOptions.marginSec,
    toleranceSec: 0.3,
  }).filter((cut) => cut !== null);
  const nearest = (time: number, side: 'start' | 'end'): number => {
    let best = time;
    let distance = maxSnapSec;
    for (const cut of cuts) {
      const d = Math.abs(cut[side] - time);
      if (d < distance) [best, distance] = [cut[side], d];
    }
    return best;
  };
  const start = Math.max(0, nearest(range.start, 'start'));
  const end = Math.min(durationSec, nearest(range.end, 'end'));
  return end - start >= shortestClipSec ? { start, end } : range;
}

function refuseWhileBusy(job: JobRow, what: string): void {
  if (job.status === 'running' || job.status === 'queued') {
    throw new LecternError('job-busy', `Job ${job.id} is ${job.status}; wait for it to finish, then ${what}.`);
  }
}

function clock(seconds: number): string {
  const whole = Math.floor(seconds);
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

/** The topic the new highlight overlaps most lends it a title, an importance and a link back to it. */
function overlappingSegment(db: LecternDb, jobId: number, range: TimeRange) {
  const segments = db
    .select()
    .from(contentSegments)
    .where(eq(contentSegments.jobId, jobId))
    .orderBy(asc(contentSegments.position))
    .all();
  const overlap = (s: TimeRange) => Math.min(s.end, range.end) - Math.max(s.start, range.start);
  const best = segments.reduce<(typeof segments)[number] | null>(
    (found, s) => (overlap(s) > 0 && (!found || overlap(s) > overlap(found)) ? s : found),
    null,
  );
  return best;
}

/** A highlight the lecturer adds by hand: inside the recording, at least a second long, a draft until rendered. */
export function addClip(db: LecternDb, input: ClipAdd): ClipSummary {
  const job = getJob(db, input.jobId);
  refuseWhileBusy(job, 'add the highlight');
  const duration = job.media?.durationSec;
  if (duration === undefined) {
    throw new LecternError('invalid-input', `Job ${job.id}'s recording has not been read yet; wait for it.`);
  }
  if (input.start >= duration || input.end > duration + 0.01) {
    throw new LecternError(
      'invalid-input',
      `A highlight from ${input.start.toFixed(2)} to ${input.end.toFixed(2)} s lies outside the recording, which lasts ${duration.toFixed(2)} s.`,
    );
  }
  const asked = { start: input.start, end: Math.min(input.end, duration) };
  if (asked.end - asked.start < shortestClipSec) {
    throw new LecternError('invalid-input', 'A highlight must be at least a second long.');
  }
  const range =
    input.snap === false
      ? asked
      : snapNewRange(asked, transcriptSentences(db, job.id), readSilenceRegions(db, job.id).pauses, duration);
  const segment = overlappingSegment(db, job.id, range);
  const row = db
    .insert(clips)
    .values({
      jobId: job.id,
      segmentId: segment?.id ?? null,
      state: 'draft',
      start: range.start,
      end: range.end,
      title: input.title ?? segment?.title ?? `Highlight at ${clock(range.start)}`,
      score: segment?.importance ?? 0.5,
    })
    .returning()
    .get();
  return toClipSummary(db, row);
}

/**
 * Removes a highlight and the files its render wrote: a lecturer who deletes a highlight expects it gone from the
 * export folder too, not left behind for someone to publish by mistake. Answers with what was removed from disk.
 */
export function deleteClip(db: LecternDb, clipId: number): { jobId: number; removedFiles: string[] } {
  const clip = findClip(db, clipId);
  refuseWhileBusy(getJob(db, clip.jobId), 'delete the highlight');
  const outputs = clip.outputs;
  const files = outputs ? [outputs.video, outputs.srt, outputs.vtt, outputs.thumbnail].filter((f) => f !== null) : [];
  db.delete(clips).where(eq(clips.id, clipId)).run();
  for (const file of files) rmSync(file, { force: true });
  return { jobId: clip.jobId, removedFiles: files };
}
