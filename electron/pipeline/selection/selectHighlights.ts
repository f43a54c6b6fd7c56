import type { ContentSegment, Highlight } from '../../../shared/domain/analysis.ts';
import type { Sentence, TimeRange } from '../../../shared/domain/transcript.ts';
import { cutAfter, cutBefore, pausesFromTranscript, speechEdges } from './boundaries.ts';

export interface SelectionOptions {
  count: number;
  minSec: number;
  maxSec: number;
  marginSec: number;
}

export const defaultSelectionOptions: SelectionOptions = { count: 5, minSec: 20, maxSec: 90, marginSec: 0.15 };

interface Candidate {
  first: number;
  last: number;
  segment: number;
  score: number;
}

/** The length a viewer finishes most often sits in the middle of the allowed range. */
function lengthFit(durationSec: number, options: SelectionOptions): number {
  const ideal = (options.minSec + options.maxSec) / 2;
  const spread = (options.maxSec - options.minSec) / 2 || 1;
  return 1 - Math.min(1, Math.abs(durationSec - ideal) / spread) * 0.5;
}

function segmentOf(segments: readonly ContentSegment[], time: number): number {
  const index = segments.findIndex((s) => time >= s.start && time < s.end);
  return index >= 0 ? index : Math.max(0, segments.length - 1);
}

/**
 * Candidate highlights are runs of whole sentences (never starting mid-sentence) inside one content segment,
 * within the length range; each gets its segment's importance, nudged by how well its length fits and whether it
 * opens the segment (where lecturers introduce the idea).
 */
function candidates(sentences: readonly Sentence[], segments: readonly ContentSegment[], options: SelectionOptions): Candidate[] {
  const found: Candidate[] = [];
  for (let first = 0; first < sentences.length; first++) {
    const segment = segmentOf(segments, sentences[first]!.start);
    const segmentEnd = segments[segment]?.end ?? Infinity;
    let best: Candidate | null = null;
    for (let last = first; last < sentences.length; last++) {
      const s = sentences[last]!;
      if (s.end > segmentEnd + 0.5) break;
      const duration = s.end - sentences[first]!.start;
      if (duration > options.maxSec) break;
      if (duration < options.minSec) continue;
      const opensSegment = Math.abs(sentences[first]!.start - (segments[segment]?.start ?? 0)) < 1 ? 0.05 : 0;
      const score = (segments[segment]?.importance ?? 0) * 0.85 + lengthFit(duration, options) * 0.1 + opensSegment;
      if (!best || score > best.score) best = { first, last, segment, score };
    }
    if (best) found.push(best);
  }
  return found;
}

function overlaps(a: Candidate, b: Candidate): boolean {
  return a.first <= b.last && b.first <= a.last;
}

/**
 * Top `count` non-overlapping highlights, at most one per segment until every segment has had its chance, with
 * boundaries placed in pauses just outside the first and last word, so no word is ever cut.
 */
export function selectHighlights(
  sentences: readonly Sentence[],
  segments: readonly ContentSegment[],
  pauses: readonly TimeRange[],
  options: SelectionOptions = defaultSelectionOptions,
): Highlight[] {
  if (sentences.length === 0 || segments.length === 0) return [];
  const pool = candidates(sentences, segments, options).sort((a, b) => b.score - a.score || a.first - b.first);
  const chosen: Candidate[] = [];
  const usedSegments = new Set<number>();
  for (const pass of ['one per segment', 'any'] as const) {
    for (const candidate of pool) {
      if (chosen.length >= options.count) break;
      if (pass === 'one per segment' && usedSegments.has(candidate.segment)) continue;
      if (chosen.some((c) => overlaps(c, candidate))) continue;
      chosen.push(candidate);
      usedSegments.add(candidate.segment);
    }
  }
  const cutPauses = pauses.length > 0 ? pauses : pausesFromTranscript(sentences);
  const boundary = { marginSec: options.marginSec, searchSec: 1.5 };
  return chosen
    .map((c) => {
      const edges = speechEdges(sentences[c.first]!, sentences[c.last]!);
      const previousEnd = c.first > 0 ? speechEdges(sentences[c.first - 1]!, sentences[c.first - 1]!).end : 0;
      const nextStart = c.last + 1 < sentences.length ? speechEdges(sentences[c.last + 1]!, sentences[c.last + 1]!).start : Infinity;
      return {
        start: round(cutBefore(edges.start, previousEnd, cutPauses, boundary)),
        end: round(cutAfter(edges.end, nextStart, cutPauses, boundary)),
        title: segments[c.segment]?.title ?? '',
        score: round(Math.min(1, Math.max(0, c.score))),
        segment: c.segment,
      };
    })
    .sort((a, b) => a.start - b.start);
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
