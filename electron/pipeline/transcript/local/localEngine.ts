import { LecternError } from '../../../../shared/errors.ts';
import type { Sentence } from '../../../../shared/domain/transcript.ts';
import type { DecodedAudio } from '../../stages/audioStage.ts';
import { readSilenceRegions } from '../../stages/silenceRegions.ts';
import type { TranscriptionEngine } from '../engine.ts';
import { requireInstalledModel } from './modelStore.ts';
import { transcribeLocal } from './transcribeLocal.ts';

/** The speech model installed on this computer (`lectern models`): offline, speech regions only, ≤ 30 s chunks. */
export const localEngine: TranscriptionEngine = {
  name: 'local',
  async transcribe(ctx) {
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
  },
};
