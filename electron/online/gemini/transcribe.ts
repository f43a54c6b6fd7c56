import { readFileSync, rmSync } from 'node:fs';
import type { Part } from '@google/genai';
import type { Sentence } from '../../../shared/domain/transcript.ts';
import { LecternError } from '../../../shared/errors.ts';
import type { StageContext } from '../../pipeline/engine/stage.ts';
import type { DecodedAudio } from '../../pipeline/stages/audioStage.ts';
import { readSilenceRegions } from '../../pipeline/stages/silenceRegions.ts';
import type { TranscriptionEngine, TranscriptResult } from '../../pipeline/transcript/engine.ts';
import {
  planChunks,
  type ChunkPlanOptions,
  type TranscriptionChunk,
} from '../../pipeline/transcript/local/chunking.ts';
import { createPartFromBase64, createPartFromUri, type GeminiClient } from './client.ts';
import { encodeExcerpt, type EncodedExcerpt } from './encodeExcerpt.ts';
import { joinExcerpts, placeReply, transcriptReplySchema } from './transcriptReply.ts';

/**
 * Excerpts of up to five minutes, cut at pauses: long enough that a lecture is a handful of requests, short enough
 * that the model's timestamps stay accurate and one excerpt travels inline. Silences longer than ten seconds are
 * not sent at all.
 */
export const geminiChunkPlan: Partial<ChunkPlanOptions> = {
  maxChunkSec: 300,
  padSec: 0.3,
  overlapSec: 2,
  maxMergeGapSec: 10,
  minPauseSec: 0.3,
};

/** A request may carry 20 MB; base64 adds a third. Larger excerpts go through the Files API. */
export const inlineLimitBytes = 14 * 1024 * 1024;

const instruction = [
  'You transcribe lecture audio verbatim, in the language spoken.',
  'Return the sentences in the order they are spoken. For each: start and end in seconds from the start of this',
  'audio excerpt, the text with punctuation, and the words with their own start and end times when you can.',
  'Never translate, summarise, or add words that were not spoken. Return no sentences if nobody speaks.',
].join(' ');

const seconds = (t: number) => t.toFixed(3);

export interface GeminiEngineOptions {
  client: GeminiClient;
  inlineLimitBytes?: number;
}

/** Gemini as a transcription engine, behind the same interface as the local model. */
export function createGeminiEngine(options: GeminiEngineOptions): TranscriptionEngine {
  const { client } = options;
  const inlineLimit = options.inlineLimitBytes ?? inlineLimitBytes;

  async function audioPart(excerpt: EncodedExcerpt, signal: AbortSignal, uploaded: string[]): Promise<Part> {
    if (excerpt.bytes <= inlineLimit) {
      return createPartFromBase64(readFileSync(excerpt.path).toString('base64'), excerpt.mimeType);
    }
    const file = await client.uploadFile(excerpt.path, excerpt.mimeType, signal);
    uploaded.push(file.name);
    return createPartFromUri(file.uri, file.mimeType);
  }

  async function transcribeExcerpt(
    ctx: StageContext,
    audio: DecodedAudio,
    chunk: TranscriptionChunk,
    index: number,
    count: number,
  ): Promise<{ sentences: Sentence[]; language: string | null }> {
    const excerpt = await encodeExcerpt({
      pcmPath: audio.pcmPath,
      sampleRate: audio.sampleRate,
      start: chunk.start,
      end: chunk.end,
      outDir: ctx.tempDir,
      index,
      signal: ctx.signal,
    });
    const uploaded: string[] = [];
    try {
      const reply = await client.generateJson({
        instruction,
        parts: [
          {
            text:
              `Excerpt ${index + 1} of ${count}: ${seconds(chunk.start)} s to ${seconds(chunk.end)} s of the ` +
              `recording, ${seconds(chunk.end - chunk.start)} s long. Give times in seconds from the start of this excerpt.`,
          },
          await audioPart(excerpt, ctx.signal, uploaded),
        ],
        schema: transcriptReplySchema,
        signal: ctx.signal,
      });
      return { sentences: placeReply(chunk, reply), language: reply.language?.trim() || null };
    } finally {
      rmSync(excerpt.path, { force: true });
      for (const name of uploaded) await client.deleteFile(name);
    }
  }

  return {
    name: 'gemini',
    async transcribe(ctx): Promise<TranscriptResult> {
      const audio = ctx.resultOf('audio') as DecodedAudio | null;
      if (!audio) throw new LecternError('internal', 'The audio stage has no result to transcribe.');
      const { speech, pauses } = readSilenceRegions(ctx.db, ctx.job.id);
      const chunks = planChunks(speech, pauses, audio.durationSec, geminiChunkPlan);
      const excerpts: Sentence[][] = [];
      let language: string | null = null;
      for (const [index, chunk] of chunks.entries()) {
        const result = await transcribeExcerpt(ctx, audio, chunk, index, chunks.length);
        excerpts.push(result.sentences);
        language ??= result.language;
        ctx.progress((index + 1) / chunks.length);
      }
      return { source: 'gemini', origin: client.model, language, sentences: joinExcerpts(excerpts) };
    },
  };
}
