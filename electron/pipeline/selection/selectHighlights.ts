import type { ContentSegment, Highlight } from '../../../shared/domain/analysis.ts';
import type { Sentence, TimeRange } from '../../../shared/domain/transcript.ts';
import { gapCuts, pausesFromTranscript, sentenceEdgeCuts, type GapCut } from './boundaries.ts';

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
  start: number;
  end: number;
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
 * Candidate highlights are runs of whole sentences inside one content segment that begin and end where the speaker
 * pauses (never mid-sentence, never mid-word) and fit the length range. Each gets its segment's importance, nudged
 * by how well its length fits and whether it opens the segment (where lecturers introduce the idea).
 */
function candidates(
  sentences: readonly Sentence[],
  segments: readonly ContentSegment[],
  cuts: readonly (GapCut | null)[],
  options: SelectionOptions,
  withinSegment: boolean,
): Candidate[] {
  const found: Candidate[] = [];
  for (let first = 0; first < sentences.length; first++) {
    const startCut = cuts[first];
    if (!startCut) continue;
    const segment = segmentOf(segments, sentences[first]!.start);
    const segmentEnd = withinSegment ? (segments[segment]?.end ?? Infinity) : Infinity;
    let best: Candidate | null = null;
    for (let last = first; last < sentences.length; last++) {
      if (sentences[last]!.end > segmentEnd + 0.5) break;
      const endCut = cuts[last + 1];
      if (!endCut) continue;
      const duration = endCut.end - startCut.start;
      if (duration > options.maxSec) break;
      if (duration < options.minSec) continue;
      const opensSegment = Math.abs(sentences[first]!.start - (segments[segment]?.start ?? 0)) < 1 ? 0.05 : 0;
      const score = (segments[segment]?.importance ?? 0) * 0.85 + lengthFit(duration, options) * 0.1 + opensSegment;
      if (!best || score > best.score) best = { first, last, segment, score, start: startCut.start, end: endCut.end };
    }
    if (best) found.push(best);
  }
  return found;
}

function byScore(a: Candidate, b: Candidate): number {
  return b.score - a.score || a.first - b.first;
}

function overlaps(a: Candidate, b: Candidate): boolean {
  return a.first <= b.last && b.first <= a.last;
}

/**
 * Top `count` non-overlapping highlights, at most one per segment until every segment has had its chance, cut inside
 * pauses just outside the first and last word. A transcript with no usable pauses at all (captions laid back to back,
 * no audio) falls back to cutting at sentence edges.
 */
export function selectHighlights(
  sentences: readonly Sentence[],
  segments: readonly ContentSegment[],
  pauses: readonly TimeRange[],
  options: SelectionOptions = defaultSelectionOptions,
): Highlight[] {
  if (sentences.length === 0 || segments.length === 0) return [];
  const boundary = { marginSec: options.marginSec, toleranceSec: 0.3 };
  const atPauses = gapCuts(sentences, pauses.length > 0 ? pauses : pausesFromTranscript(sentences), boundary);
  const cuts = atPauses.some((cut, i) => cut && i > 0 && i < sentences.length)
    ? atPauses
    : sentenceEdgeCuts(sentences, boundary);
  const bySegment = candidates(sentences, segments, cuts, options, true).sort(byScore);
  // When a short lecture's segments leave too few places to cut, a highlight may run on into the next topic.
  const acrossSegments = candidates(sentences, segments, cuts, options, false).sort(byScore);
  const chosen: Candidate[] = [];
  const usedSegments = new Set<number>();
  for (const pass of ['one per segment', 'any', 'across segments'] as const) {
    for (const candidate of pass === 'across segments' ? acrossSegments : bySegment) {
      if (chosen.length >= options.count) break;
      if (pass === 'one per segment' && usedSegments.has(candidate.segment)) continue;
      if (chosen.some((c) => overlaps(c, candidate))) continue;
      chosen.push(candidate);
      usedSegments.add(candidate.segment);
    }
  }
  return chosen
    .map((c) => ({
      start: round(c.start),
      end: round(c.end),
      title: segments[c.segment]?.title ?? '',
      score: round(Math.min(1, Math.max(0, c.score))),
      segment: c.segment,
    }))
    .sort((a, b) => a.start - b.start);
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
