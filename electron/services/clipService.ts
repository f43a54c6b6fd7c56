import { asc, eq } from 'drizzle-orm';
import { clipEditSchema, type ClipEdit, type ClipSummary } from '../../shared/domain/clip.ts';
import { LecternError } from '../../shared/errors.ts';
import { getJob, type JobRow } from '../db/jobsRepo.ts';
import type { LecternDb } from '../db/open.ts';
import { clips } from '../db/schema/index.ts';
import type { Sentence } from '../../shared/domain/transcript.ts';
import { clipCues, currentClipHash, renderSettingsOf, transcriptSentences } from '../pipeline/clips/clipInputs.ts';

type ClipRow = typeof clips.$inferSelect;

export function findClip(db: LecternDb, clipId: number): ClipRow {
  const clip = db.select().from(clips).where(eq(clips.id, clipId)).get();
  if (!clip)
    throw new LecternError('job-not-found', `There is no clip ${clipId}. "lectern clips <job>" lists a job's clips.`);
  return clip;
}

/** `context` carries what every clip of a job shares, so listing a job's clips reads the transcript once. */
export function toClipSummary(
  db: LecternDb,
  clip: ClipRow,
  context: { sentences: Sentence[]; job: JobRow } = {
    sentences: transcriptSentences(db, clip.jobId),
    job: getJob(db, clip.jobId),
  },
): ClipSummary {
  return {
    id: clip.id,
    jobId: clip.jobId,
    state: clip.state,
    start: clip.start,
    end: clip.end,
    title: clip.title,
    score: clip.score,
    subtitleText: clip.subtitleText ?? null,
    outputs: clip.outputs ?? null,
    needsRender:
      clip.renderedHash === null || clip.renderedHash !== currentClipHash(db, clip, context.sentences, context.job),
    cues: clipCues(clip, context.sentences, renderSettingsOf(context.job)),
    // A prefix of the hash is plenty to tell one render of a clip from another.
    renderVersion: clip.outputs && clip.renderedHash ? clip.renderedHash.slice(0, 16) : null,
  };
}

export function listClips(db: LecternDb, jobId: number): ClipSummary[] {
  const context = { job: getJob(db, jobId), sentences: transcriptSentences(db, jobId) };
  return db
    .select()
    .from(clips)
    .where(eq(clips.jobId, jobId))
    .orderBy(asc(clips.start))
    .all()
    .map((clip) => toClipSummary(db, clip, context));
}

/**
 * The lecturer's changes to a highlight: its range (kept inside the recording, at least a second long), its title,
 * its subtitle text. Files are not touched here; the next render redoes exactly the clips whose inputs changed.
 */
export function editClip(db: LecternDb, clipId: number, edit: ClipEdit): ClipSummary {
  const parsed = clipEditSchema.safeParse(edit);
  if (!parsed.success)
    throw new LecternError(
      'invalid-input',
      `That change to clip ${clipId} is not valid: ${parsed.error.issues[0]?.message}`,
    );
  const clip = findClip(db, clipId);
  const duration = getJob(db, clip.jobId).media?.durationSec ?? Infinity;
  const start = parsed.data.start ?? clip.start;
  const end = parsed.data.end ?? clip.end;
  if (end - start < 1)
    throw new LecternError(
      'invalid-input',
      `Clip ${clipId} would be shorter than a second (${start.toFixed(2)}–${end.toFixed(2)} s).`,
    );
  if (end > duration + 0.01) {
    throw new LecternError(
      'invalid-input',
      `Clip ${clipId} cannot end at ${end.toFixed(2)} s: the recording lasts ${duration.toFixed(2)} s.`,
    );
  }
  const cues = parsed.data.subtitleText;
  if (cues) {
    const length = end - start;
    const outside = cues.find((c) => c.end > length + 0.01 || c.end <= c.start);
    if (outside)
      throw new LecternError(
        'invalid-input',
        `A subtitle ("${outside.text}") runs outside the clip's ${length.toFixed(1)} s.`,
      );
  }
  const updated = db
    .update(clips)
    .set({
      start,
      end,
      ...(parsed.data.title !== undefined ? { title: parsed.data.title } : {}),
      ...(cues !== undefined ? { subtitleText: cues } : {}),
      updatedAt: Date.now(),
    })
    .where(eq(clips.id, clipId))
    .returning()
    .get();
  return toClipSummary(db, updated!);
}
