import { z } from 'zod';
import type { ContentSegment } from '../../../shared/domain/analysis.ts';
import type { Sentence } from '../../../shared/domain/transcript.ts';
import { maxTitleChars } from '../../pipeline/analysis/titles.ts';
import type { GeminiClient } from './client.ts';
import { GeminiFailure } from './errors.ts';

/**
 * Segments are asked for by the index of their first sentence, so every boundary Gemini can give is a sentence
 * boundary and the segments cover the lecture without gaps or overlaps by construction.
 */
export const analysisReplySchema = z.object({
  segments: z.array(
    z.object({
      firstSentence: z.number().int().min(0).describe('index of the first sentence of this segment'),
      title: z.string().min(1).describe(`a title of at most ${maxTitleChars} characters`),
      topic: z.string().min(1).describe('two to four key terms, comma-separated'),
      importance: z.number().min(0).max(1).describe('how worth replaying this part is, 0 to 1'),
      reasons: z.array(z.string().min(1)).min(1).max(4).describe('why, pointing at what is said'),
    }),
  ),
});
export type AnalysisReply = z.infer<typeof analysisReplySchema>;

const instruction = [
  'You are helping a lecturer cut short highlight clips from a recorded lecture.',
  'Split the numbered transcript into consecutive topic segments: give each segment the index of its first',
  'sentence (the first segment starts at 0), a short title, its topic as key terms, an importance from 0 to 1',
  '(definitions, key results, worked examples and summaries matter most; logistics and digressions least), and one',
  'to four short reasons that point at what is said. Use only the transcript.',
].join(' ');

/** The number of segments the product promises (5–15), fewer only for a very short transcript. */
export function segmentRange(sentenceCount: number): { min: number; max: number } {
  const ceiling = Math.max(1, Math.floor(sentenceCount / 2));
  return { min: Math.min(5, ceiling), max: Math.min(15, Math.max(ceiling, 1)) };
}

function clock(t: number): string {
  const s = Math.floor(t);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

export function numberedTranscript(sentences: readonly Sentence[]): string {
  return sentences.map((s, i) => `[${i}] ${clock(s.start)} ${s.text.replace(/\s+/g, ' ').trim()}`).join('\n');
}

function fitTitle(title: string): string {
  const clean = title.replace(/\s+/g, ' ').trim();
  if (clean.length <= maxTitleChars) return clean;
  return `${clean.slice(0, maxTitleChars - 1).replace(/\s+\S*$/, '')}…`;
}

/**
 * Gemini's segments as ContentSegments, or a GeminiFailure('invalid-output') saying what was wrong: indices out of
 * range or not increasing, or a count outside the product's range. Times follow the local analysis: a segment ends
 * where the next one starts.
 */
export function toContentSegments(reply: AnalysisReply, sentences: readonly Sentence[]): ContentSegment[] {
  const { min, max } = segmentRange(sentences.length);
  const parts = reply.segments;
  if (parts.length < min || parts.length > max) {
    throw new GeminiFailure('invalid-output', `Gemini gave ${parts.length} segments, not ${min}–${max}`);
  }
  const firsts = parts.map((p, i) => (i === 0 ? 0 : p.firstSentence));
  for (let i = 1; i < firsts.length; i++) {
    if (firsts[i]! <= firsts[i - 1]! || firsts[i]! >= sentences.length) {
      throw new GeminiFailure('invalid-output', 'Gemini’s segments did not follow the transcript in order');
    }
  }
  return parts.map((part, i) => {
    const from = firsts[i]!;
    const next = firsts[i + 1];
    const last = (next ?? sentences.length) - 1;
    return {
      start: sentences[from]!.start,
      end: next !== undefined ? sentences[next]!.start : sentences[last]!.end,
      title: fitTitle(part.title),
      topic: part.topic.trim(),
      importance: part.importance,
      reasons: part.reasons.map((r) => r.trim()),
    };
  });
}

/** Topic segments from Gemini; throws GeminiFailure for anything the local analysis should take over from. */
export async function analyzeWithGemini(
  client: GeminiClient,
  sentences: readonly Sentence[],
  signal: AbortSignal,
): Promise<ContentSegment[]> {
  const { min, max } = segmentRange(sentences.length);
  const reply = await client.generateJson({
    instruction,
    parts: [
      {
        text: `Give between ${min} and ${max} segments for this lecture of ${sentences.length} sentences.\n\n${numberedTranscript(sentences)}`,
      },
    ],
    schema: analysisReplySchema,
    signal,
  });
  return toContentSegments(reply, sentences);
}
