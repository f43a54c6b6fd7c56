import { z } from 'zod';
import type { Sentence, Word } from '../../../shared/domain/transcript.ts';
import type { TranscriptionChunk } from '../../pipeline/transcript/local/chunking.ts';

/** What Gemini is asked to return for one excerpt: times in seconds from the excerpt's start. */
const replyWordSchema = z.object({
  start: z.number().describe('seconds from the start of this excerpt'),
  end: z.number().describe('seconds from the start of this excerpt'),
  text: z.string(),
});
const replySentenceSchema = z.object({
  start: z.number().describe('seconds from the start of this excerpt'),
  end: z.number().describe('seconds from the start of this excerpt'),
  text: z.string().describe('the sentence as spoken, with punctuation'),
  words: z.array(replyWordSchema).optional().describe('each word with its own times, when known'),
});
export const transcriptReplySchema = z.object({
  language: z.string().optional().describe('BCP 47 code of the spoken language, e.g. "en"'),
  sentences: z.array(replySentenceSchema),
});
export type TranscriptReply = z.infer<typeof transcriptReplySchema>;

const round = (t: number) => Math.round(t * 1000) / 1000;
const clamp = (t: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, t));

/**
 * One excerpt's sentences on the recording's timeline: shifted by the excerpt's start, clamped to the audio that was
 * actually sent (a model cannot have heard outside it), and those whose middle falls in an overlapping neighbour's
 * share dropped, so shared audio is not transcribed twice. Words are kept inside their sentence.
 */
export function placeReply(chunk: TranscriptionChunk, reply: TranscriptReply): Sentence[] {
  const out: Sentence[] = [];
  for (const raw of reply.sentences) {
    const text = raw.text.trim();
    if (text === '' || !Number.isFinite(raw.start) || !Number.isFinite(raw.end)) continue;
    const a = clamp(chunk.start + raw.start, chunk.start, chunk.end);
    const b = clamp(chunk.start + raw.end, chunk.start, chunk.end);
    const start = round(Math.min(a, b));
    const end = round(Math.max(a, b));
    const middle = (start + end) / 2;
    if (middle < chunk.keepStart || middle >= chunk.keepEnd) continue;
    const words: Word[] = (raw.words ?? [])
      .filter((w) => w.text.trim() !== '' && Number.isFinite(w.start) && Number.isFinite(w.end))
      .map((w) => {
        const ws = round(clamp(chunk.start + Math.min(w.start, w.end), start, end));
        const we = round(clamp(chunk.start + Math.max(w.start, w.end), ws, end));
        return { start: ws, end: we, text: w.text.trim() };
      })
      .sort((x, y) => x.start - y.start);
    out.push({ start, end, text, words: words.length > 0 ? words : null });
  }
  return out;
}

/** Every excerpt's sentences in time order; a sentence never starts before the one before it. */
export function joinExcerpts(excerpts: Sentence[][]): Sentence[] {
  const all = excerpts.flat().sort((a, b) => a.start - b.start || a.end - b.end);
  return all.filter((s, i) => {
    const previous = all[i - 1];
    // The same sentence twice (a model repeating itself across a cut) is dropped.
    return !(previous && previous.text === s.text && Math.abs(previous.start - s.start) < 0.5);
  });
}
