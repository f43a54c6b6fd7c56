import type { Sentence, TimeRange, Word } from '../../../../shared/domain/transcript.ts';
import type { ChunkTranscript } from './engine.ts';

/*
 * Turning a lecture into pieces a speech model can take, and its answers back into the lecture's timeline.
 * Whisper sees at most 30 s at once, and every model does better on whole phrases than on audio cut mid-word,
 * so chunks are built from the VAD's speech regions and cut where the speaker pauses.
 */

export interface ChunkPlanOptions {
  /** Longest chunk handed to the model, padding included. Whisper's window is 30 s. */
  maxChunkSec: number;
  /** Audio kept before and after speech, so a VAD boundary that is a little tight does not clip a word. */
  padSec: number;
  /** Shared audio between the pieces of a region that has no pause to cut at. */
  overlapSec: number;
  /** Neighbouring speech regions further apart than this are not merged: long silences make models invent words. */
  maxMergeGapSec: number;
  /** Pauses shorter than this are not cut at. */
  minPauseSec: number;
}

export const defaultChunkPlan: ChunkPlanOptions = {
  maxChunkSec: 30,
  padSec: 0.2,
  overlapSec: 1,
  maxMergeGapSec: 2,
  minPauseSec: 0.15,
};

/** A span of the source recording to transcribe in one go. All times are seconds on the source timeline. */
export interface TranscriptionChunk {
  /** Audio read for the model, padding included. */
  start: number;
  end: number;
  /** The speech inside it. */
  speechStart: number;
  speechEnd: number;
  /** Words whose middle falls in [keepStart, keepEnd) belong to this chunk; the rest belong to an overlapping neighbour. */
  keepStart: number;
  keepEnd: number;
  /** Shares audio with the chunk before (a hard split): its first words may repeat that chunk's last ones. */
  overlapsPrevious: boolean;
}

export type TranscriptSegment = Sentence;

interface Piece {
  start: number;
  end: number;
  overlapsPrevious: boolean;
}

export function planChunks(
  speech: TimeRange[],
  pauses: TimeRange[],
  durationSec: number,
  options: Partial<ChunkPlanOptions> = {},
): TranscriptionChunk[] {
  const opts = { ...defaultChunkPlan, ...options };
  const limit = opts.maxChunkSec - 2 * opts.padSec;
  if (limit <= opts.overlapSec) throw new Error('maxChunkSec must leave room for padding and overlap');
  const regions = normaliseRanges(speech, durationSec);
  const usablePauses = normaliseRanges(pauses, durationSec).filter((p) => p.end - p.start >= opts.minPauseSec);
  const pieces = regions.flatMap((region) => splitRegion(region, usablePauses, limit, opts.overlapSec));
  return padAndKeep(mergePieces(pieces, limit, opts.maxMergeGapSec), opts.padSec, durationSec);
}

/** Sorted, clipped to the recording, overlapping or touching ranges joined, empty ones dropped. */
export function normaliseRanges(ranges: TimeRange[], durationSec: number): TimeRange[] {
  const sorted = ranges
    .map((r) => ({ start: Math.max(0, r.start), end: Math.min(durationSec, r.end) }))
    .filter((r) => r.end > r.start)
    .sort((a, b) => a.start - b.start);
  const out: TimeRange[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else out.push({ ...r });
  }
  return out;
}

/** A region longer than `limit` is cut at its longest inner pause, recursively; with no pause left, hard-split. */
function splitRegion(region: TimeRange, pauses: TimeRange[], limit: number, overlap: number): Piece[] {
  if (region.end - region.start <= limit) return [{ ...region, overlapsPrevious: false }];
  const middle = (region.start + region.end) / 2;
  const inner = pauses.filter((p) => p.start > region.start && p.end < region.end);
  const best = inner.reduce<TimeRange | null>((chosen, p) => {
    if (!chosen) return p;
    const length = p.end - p.start;
    const chosenLength = chosen.end - chosen.start;
    if (length !== chosenLength) return length > chosenLength ? p : chosen;
    return Math.abs((p.start + p.end) / 2 - middle) < Math.abs((chosen.start + chosen.end) / 2 - middle) ? p : chosen;
  }, null);
  if (!best) return hardSplit(region, limit, overlap);
  return [
    ...splitRegion({ start: region.start, end: best.start }, pauses, limit, overlap),
    ...splitRegion({ start: best.end, end: region.end }, pauses, limit, overlap),
  ];
}

/** Equal pieces of at most `limit`, each sharing `overlap` seconds with the one before. */
function hardSplit(region: TimeRange, limit: number, overlap: number): Piece[] {
  const length = region.end - region.start;
  const count = Math.ceil((length - overlap) / (limit - overlap));
  const pieceLength = (length + (count - 1) * overlap) / count;
  const step = pieceLength - overlap;
  return Array.from({ length: count }, (_, i) => ({
    start: region.start + i * step,
    end: i === count - 1 ? region.end : region.start + i * step + pieceLength,
    overlapsPrevious: i > 0,
  }));
}

/** Neighbouring pieces are joined while the result stays within `limit` and the silence between them is short. */
function mergePieces(pieces: Piece[], limit: number, maxGap: number): Piece[] {
  const out: Piece[] = [];
  for (const piece of pieces) {
    const last = out[out.length - 1];
    if (last && !piece.overlapsPrevious && piece.end - last.start <= limit && piece.start - last.end <= maxGap)
      last.end = piece.end;
    else out.push({ ...piece });
  }
  return out;
}

function padAndKeep(pieces: Piece[], pad: number, durationSec: number): TranscriptionChunk[] {
  return pieces.map((piece, i) => {
    const prev = pieces[i - 1];
    const next = pieces[i + 1];
    const nextOverlaps = next?.overlapsPrevious === true;
    // Padding stops halfway to a neighbour, so two chunks never read the same silence twice; the pieces of a
    // hard split already share audio and get none.
    let start = Math.max(0, piece.start - pad);
    if (piece.overlapsPrevious) start = piece.start;
    else if (prev) start = Math.max(start, (prev.end + piece.start) / 2);
    let end = Math.min(durationSec, piece.end + pad);
    if (nextOverlaps) end = piece.end;
    else if (next) end = Math.min(end, (piece.end + next.start) / 2);
    const keepStart = piece.overlapsPrevious && prev ? (piece.start + prev.end) / 2 : start;
    const keepEnd = nextOverlaps && next ? (next.start + piece.end) / 2 : end + 1e-6;
    return {
      start,
      end,
      speechStart: piece.start,
      speechEnd: piece.end,
      keepStart,
      keepEnd,
      overlapsPrevious: piece.overlapsPrevious,
    };
  });
}

/**
 * Puts a chunk's result on the source timeline as sentence-sized segments. With word times, words are shifted by
 * the chunk's start, those belonging to an overlapping neighbour dropped, and sentences cut after . ? or !.
 * Without word times, words the previous chunk already ended with are dropped from the start of an overlapping
 * chunk, and sentence times are shared out by length: an estimate, which is why `words` stays null there.
 */
export function placeChunkResult(
  chunk: TranscriptionChunk,
  result: ChunkTranscript,
  previousText: string | null,
): TranscriptSegment[] {
  if (result.words) {
    const words = result.words
      .map((w) => ({ start: w.start + chunk.start, end: w.end + chunk.start, text: w.text }))
      .filter((w) => {
        const middle = (w.start + w.end) / 2;
        return middle >= chunk.keepStart && middle < chunk.keepEnd;
      });
    return splitWordsIntoSentences(words);
  }
  const text =
    chunk.overlapsPrevious && previousText ? dropRepeatedStart(previousText, result.text) : result.text.trim();
  if (text === '') return [];
  const start = Math.max(chunk.speechStart, chunk.keepStart);
  const end = Math.min(chunk.speechEnd, chunk.keepEnd);
  return shareTimeBySentence(text, start, Math.max(start, end));
}

const sentenceEnd = /[.?!]["')\]]*$/;

export function splitWordsIntoSentences(words: Word[]): TranscriptSegment[] {
  const segments: TranscriptSegment[] = [];
  let current: Word[] = [];
  const flush = () => {
    if (current.length === 0) return;
    segments.push({
      start: current[0]!.start,
      end: current[current.length - 1]!.end,
      text: current.map((w) => w.text).join(' '),
      words: current,
    });
    current = [];
  };
  for (const word of words) {
    current.push(word);
    if (sentenceEnd.test(word.text)) flush();
  }
  flush();
  return segments;
}

export function shareTimeBySentence(text: string, start: number, end: number): TranscriptSegment[] {
  const sentences =
    text
      .match(/[^.?!]+(?:[.?!]+["')\]]*|$)/g)
      ?.map((s) => s.trim())
      .filter(Boolean) ?? [];
  const total = sentences.reduce((sum, s) => sum + s.length, 0);
  let at = start;
  return sentences.map((sentence) => {
    const from = at;
    at += ((end - start) * sentence.length) / total;
    return { start: from, end: at, text: sentence, words: null };
  });
}

/**
 * The words of `next` after the longest run at its start that repeats the end of `previous` (case and punctuation
 * ignored), up to `maxWords`: the two chunks heard the same overlap audio.
 */
export function dropRepeatedStart(previous: string, next: string, maxWords = 8): string {
  const norm = (w: string) => w.toLowerCase().replace(/[^\p{L}\p{N}']/gu, '');
  const before = previous.trim().split(/\s+/).map(norm);
  const after = next.trim().split(/\s+/).filter(Boolean);
  const afterNorm = after.map(norm);
  for (let k = Math.min(maxWords, before.length, after.length); k > 0; k--) {
    const tail = before.slice(before.length - k);
    if (tail.every((w, i) => w !== '' && w === afterNorm[i])) return after.slice(k).join(' ');
  }
  return after.join(' ');
}
