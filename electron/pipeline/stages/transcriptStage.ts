import { asc, eq } from 'drizzle-orm';
import type { Sentence, TimeRange } from '../../../shared/domain/transcript.ts';
import type { TranscriptSource } from '../../../shared/domain/transcript.ts';
import { LecternError } from '../../../shared/errors.ts';
import { getJob } from '../../db/jobsRepo.ts';
import type { LecternDb } from '../../db/open.ts';
import { silenceRegions, transcripts } from '../../db/schema/index.ts';
import { defineStage, type StageContext } from '../engine/stage.ts';
import { loadCaptionsTranscript } from '../transcript/captions/loadCaptions.ts';
import { requireInstalledModel } from '../transcript/local/modelStore.ts';
import { transcribeLocal } from '../transcript/local/transcribeLocal.ts';
import type { DecodedAudio } from './audioStage.ts';

export interface TranscriptResult {
  source: TranscriptSource;
  origin: string;
  language: string | null;
  sentences: Sentence[];
}

/** Speech and pauses as the pauses stage stored them, in time order. */
export function readSilenceRegions(db: LecternDb, jobId: number): { speech: TimeRange[]; pauses: TimeRange[] } {
  const rows = db.select().from(silenceRegions).where(eq(silenceRegions.jobId, jobId)).orderBy(asc(silenceRegions.start)).all();
  const pick = (kind: 'speech' | 'pause') => rows.filter((r) => r.kind === kind).map(({ start, end }) => ({ start, end }));
  return { speech: pick('speech'), pauses: pick('pause') };
}

async function transcribeWithLocalModel(ctx: StageContext): Promise<TranscriptResult> {
  const model = requireInstalledModel(ctx.dataDir);
  const audio = ctx.resultOf('audio') as DecodedAudio | null;
  if (!audio) throw new LecternError('internal', 'The audio stage has no result to transcribe.');
  const { speech, pauses } = readSilenceRegions(ctx.db, ctx.job.id);
  const sentences: Sentence[] = [];
  for await (const segment of transcribeLocal({
    pcmPath: audio.pcmPath,
    sampleRate: audio.sampleRate,
    speech,
    pauses,
    modelDir: model.dir,
    kind: model.spec.kind,
    signal: ctx.signal,
    onProgress: ctx.progress,
  })) {
    sentences.push(segment);
  }
  return { source: 'local', origin: model.name, language: 'en', sentences };
}

/**
 * The lecture's words: captions that already exist win (the lecturer's own, or Zoom's, Panopto's, YouTube's), as
 * they are usually better than a laptop-sized model; else the local speech model. Gemini plugs in here later.
 */
export const transcriptStage = defineStage<TranscriptResult>({
  name: 'transcript',
  weight: 4,
  async run(ctx) {
    const job = getJob(ctx.db, ctx.job.id);
    if (!job.media) throw new LecternError('internal', 'The recording has not been probed.');
    const captions = await loadCaptionsTranscript({
      mediaPath: job.sourcePath,
      captionsPath: job.settings.captionsPath,
      media: job.media,
      signal: ctx.signal,
    });
    const result = captions ?? (await transcribeWithLocalModel(ctx));
    if (result.sentences.length === 0) {
      throw new LecternError('invalid-input', `The transcript (${result.origin}) has no text in it.`);
    }
    const where = result.source === 'captions' ? `captions (${result.origin})` : `the local model ${result.origin}`;
    ctx.note('info', `Transcript from ${where}: ${result.sentences.length} sentences.`);
    return result;
  },
  commit(tx, job, result) {
    tx.delete(transcripts).where(eq(transcripts.jobId, job.id)).run();
    tx.insert(transcripts)
      .values({ jobId: job.id, source: result.source, origin: result.origin, language: result.language, segments: result.sentences })
      .run();
    return { source: result.source, origin: result.origin, sentences: result.sentences.length };
  },
});
