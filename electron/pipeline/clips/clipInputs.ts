import { eq } from 'drizzle-orm';
import { renderSettingsSchema, type ClipCue, type RenderSettings } from '../../../shared/domain/clip.ts';
import type { Sentence } from '../../../shared/domain/transcript.ts';
import { getJob, type JobRow } from '../../db/jobsRepo.ts';
import type { LecternDb } from '../../db/open.ts';
import { clips, transcripts } from '../../db/schema/index.ts';
import { applyEditedText, buildClipCues } from '../render/subtitles/buildCues.ts';
import { defaultCueRules, type CueRules } from '../render/subtitles/cue.ts';
import { clipRenderHash } from './renderHash.ts';

type ClipRow = typeof clips.$inferSelect;

/**
 * Jobs queued before render settings (or subtitle styles) existed have none stored: parsing fills in the defaults,
 * which render as those jobs always did.
 */
export function renderSettingsOf(job: JobRow): RenderSettings {
  return renderSettingsSchema.parse(job.settings.render ?? {});
}

export function transcriptSentences(db: LecternDb, jobId: number): Sentence[] {
  return db.select().from(transcripts).where(eq(transcripts.jobId, jobId)).get()?.segments ?? [];
}

/**
 * Line length for the frame: a vertical 9:16 clip fits about 32 characters between its margins at a readable size,
 * where a landscape one fits the usual 42.
 */
export function cueRulesFor(settings: RenderSettings): Partial<CueRules> {
  return settings.aspect === '9:16' ? { maxCharsPerLine: 32 } : {};
}

/** The clip's subtitles as they will be drawn: the lecturer's corrected cues, else cues built from the transcript. */
export function clipCues(clip: ClipRow, sentences: readonly Sentence[], settings: RenderSettings): ClipCue[] {
  const rules = cueRulesFor(settings);
  if (clip.subtitleText) {
    const texts = clip.subtitleText.map((c) => c.text);
    return applyEditedText(clip.subtitleText, texts, { ...defaultCueRules, ...rules });
  }
  return buildClipCues(sentences, { start: clip.start, end: clip.end }, rules);
}

export function currentClipHash(
  db: LecternDb,
  clip: ClipRow,
  sentences = transcriptSentences(db, clip.jobId),
  job: JobRow = getJob(db, clip.jobId),
): string {
  return clipRenderHash({
    sourcePath: job.sourcePath,
    start: clip.start,
    end: clip.end,
    cues: clipCues(clip, sentences, renderSettingsOf(job)),
    settings: renderSettingsOf(job),
  });
}
