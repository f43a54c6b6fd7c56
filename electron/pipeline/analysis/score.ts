import type { ContentSegment, SlideChange } from '../../../shared/domain/analysis.ts';
import type { Sentence } from '../../../shared/domain/transcript.ts';
import { type Cue, type CueKind, detectCues } from './cues.ts';
import { type SegmentationEvidence, type SegmentationOptions, segmentLecture } from './segment.ts';
import { contentStems, isTopicWord, rankKeyPhrases, stem, tokenize } from './text.ts';
import { maxTitleChars, segmentTitle, segmentTopic } from './titles.ts';

/**
 * Turns segment boundaries into what the user sees: how much each part of the lecture matters, and why, in words
 * that point back at the transcript. Everything is relative to the same lecture, so a quiet lecture still has a most
 * important part and a dense one does not make every part important.
 */

export type AnalysisOptions = SegmentationOptions;

/** How much each cue says about a part being worth replaying: definitions and summaries are the lecture's spine. */
const cueWeights: Record<CueKind, number> = { definition: 1, summary: 1, example: 0.5, question: 0.5, formula: 0.5 };
const cueLabels: Record<CueKind, string> = {
  definition: 'defines a term',
  summary: 'summary cue',
  example: 'example',
  question: 'question posed to the audience',
  formula: 'formula or quantity stated',
};
const componentWeights = { cues: 0.5, centrality: 0.3, slides: 0.2 };
const centralTermCount = 10;

interface Span {
  from: number;
  to: number;
}

interface SegmentFeatures {
  words: number;
  cues: Cue[];
  /** Share of the segment's content words that are among the lecture's central terms. */
  centralShare: number;
  /** The central terms it uses most, most used first. */
  centralTerms: string[];
  slideChanges: number;
  minutes: number;
}

/**
 * The lecture's most frequent content stems with the word form the lecturer uses most for each: the vocabulary the
 * whole lecture is about.
 */
export function centralTerms(sentences: readonly Sentence[], limit = centralTermCount): Map<string, string> {
  const counts = new Map<string, number>();
  const surfaces = new Map<string, Map<string, number>>();
  for (const s of sentences) {
    for (const token of tokenize(s.text)) {
      if (!isTopicWord(token)) continue;
      const key = stem(token);
      counts.set(key, (counts.get(key) ?? 0) + 1);
      const forms = surfaces.get(key) ?? new Map<string, number>();
      forms.set(token, (forms.get(token) ?? 0) + 1);
      surfaces.set(key, forms);
    }
  }
  const top = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, limit);
  return new Map(
    top.map(([key]) => {
      const forms = [...surfaces.get(key)!].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
      return [key, forms[0]![0]];
    }),
  );
}

function describeSpan(
  sentences: readonly Sentence[],
  span: Span,
  central: Map<string, string>,
  slideChanges: readonly SlideChange[],
): SegmentFeatures {
  const own = sentences.slice(span.from, span.to);
  const stemCounts = new Map<string, number>();
  let contentWords = 0;
  for (const s of own) {
    for (const t of contentStems(s.text)) {
      contentWords++;
      if (central.has(t)) stemCounts.set(t, (stemCounts.get(t) ?? 0) + 1);
    }
  }
  const centralUses = [...stemCounts.values()].reduce((a, b) => a + b, 0);
  const start = own[0]!.start;
  const end = own.at(-1)!.end;
  return {
    words: own.reduce((sum, s) => sum + tokenize(s.text).length, 0),
    cues: own.flatMap((s) => detectCues(s.text)),
    centralShare: contentWords > 0 ? centralUses / contentWords : 0,
    centralTerms: [...stemCounts]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .map(([key]) => central.get(key)!),
    slideChanges: slideChanges.filter((c) => c.time >= start && c.time < end).length,
    minutes: Math.max(end - start, 1) / 60,
  };
}

function maxOf(values: readonly number[]): number {
  return values.reduce((a, b) => Math.max(a, b), 0);
}

/** Weighted cues per 100 words, with short segments counted as half an average one so one remark cannot dominate. */
function cueDensity(features: SegmentFeatures, averageWords: number): number {
  const weighted = features.cues.reduce((sum, c) => sum + cueWeights[c.kind], 0);
  return weighted / (Math.max(features.words, averageWords / 2, 1) / 100);
}

function cueReasons(cues: readonly Cue[]): string[] {
  const reasons: string[] = [];
  for (const kind of Object.keys(cueLabels) as CueKind[]) {
    const found = cues.filter((c) => c.kind === kind);
    if (found.length === 0) continue;
    const times = found.length > 1 ? ` (${found.length}×)` : '';
    const quote = kind === 'question' ? '' : `: '${found[0]!.quote}'`;
    reasons.push(`${cueLabels[kind]}${quote}${times}`);
  }
  return reasons;
}

/**
 * Importance 0..1 and reasons for each span. Each component (cue density, share of the lecture's central terms,
 * slide changes per minute) is scaled by its maximum over the lecture, then the components are averaged with
 * `componentWeights`; slides only count when the lecture has slide changes at all.
 */
export function scoreSegments(
  sentences: readonly Sentence[],
  spans: readonly Span[],
  slideChanges: readonly SlideChange[] = [],
): { importance: number; reasons: string[]; features: SegmentFeatures }[] {
  const central = centralTerms(sentences);
  const features = spans.map((span) => describeSpan(sentences, span, central, slideChanges));
  const averageWords = features.reduce((sum, f) => sum + f.words, 0) / Math.max(1, features.length);
  const cueValues = features.map((f) => cueDensity(f, averageWords));
  const slideRates = features.map((f) => f.slideChanges / f.minutes);
  const lectureSlideRate =
    slideChanges.length /
    Math.max(
      1,
      features.reduce((sum, f) => sum + f.minutes, 0),
    );
  const meanCentral = features.reduce((sum, f) => sum + f.centralShare, 0) / Math.max(1, features.length);
  const [maxCue, maxCentral, maxSlides] = [
    maxOf(cueValues),
    maxOf(features.map((f) => f.centralShare)),
    maxOf(slideRates),
  ];
  const useSlides = slideChanges.length > 0;
  const totalWeight = componentWeights.cues + componentWeights.centrality + (useSlides ? componentWeights.slides : 0);

  return features.map((f, i) => {
    const cue = maxCue > 0 ? cueValues[i]! / maxCue : 0;
    const centrality = maxCentral > 0 ? f.centralShare / maxCentral : 0;
    const slides = useSlides && maxSlides > 0 ? slideRates[i]! / maxSlides : 0;
    const raw =
      (componentWeights.cues * cue + componentWeights.centrality * centrality + componentWeights.slides * slides) /
      totalWeight;
    const reasons = cueReasons(f.cues);
    if (f.centralShare >= meanCentral && f.centralTerms.length > 0) {
      reasons.push(`terms central to the lecture: ${f.centralTerms.slice(0, 3).join(', ')}`);
    }
    // Half again the lecture's rate, and at least two changes, before a pace of slides is worth mentioning.
    if (useSlides && f.slideChanges >= 2 && slideRates[i]! >= 1.5 * lectureSlideRate) {
      reasons.push(`slide change density: ${f.slideChanges} slide changes in ${Math.round(f.minutes)} min`);
    }
    return { importance: Math.round(Math.min(1, Math.max(0, raw)) * 100) / 100, reasons, features: f };
  });
}

/** Sentence spans between boundaries. */
export function spansFromBoundaries(sentenceCount: number, boundaries: readonly number[]): Span[] {
  const starts = [0, ...boundaries.filter((b) => b > 0 && b < sentenceCount)];
  return starts.map((from, i) => ({ from, to: starts[i + 1] ?? sentenceCount }));
}

/**
 * The content analysis of a lecture: 5–15 segments (fewer only for a transcript under ten sentences), sorted,
 * contiguous and covering the first sentence's start to the last one's end, each with a title, a topic, an
 * importance and the reasons for it. Deterministic, and free of Node APIs so it can run in a worker.
 */
export function analyzeLecture(
  sentences: readonly Sentence[],
  evidence: SegmentationEvidence = {},
  options: AnalysisOptions = {},
): ContentSegment[] {
  if (sentences.length === 0) return [];
  const spans = spansFromBoundaries(sentences.length, segmentLecture(sentences, evidence, options));
  const texts = spans.map((span) => sentences.slice(span.from, span.to).map((s) => s.text));
  const phrases = rankKeyPhrases(texts);
  const scored = scoreSegments(sentences, spans, evidence.slideChanges ?? []);
  const usedLeads = new Set<string>();
  const usedTitles = new Set<string>();
  return spans.map((span, i) => {
    const { importance, reasons, features } = scored[i]!;
    const own = phrases[i]!;
    if (reasons.length === 0) {
      const distinctive = own.slice(0, 3).map((p) => p.text);
      reasons.push(distinctive.length > 0 ? `distinctive terms: ${distinctive.join(', ')}` : 'no distinctive cues');
    }
    let title = segmentTitle(own, features.cues, usedLeads, features.centralTerms[0] ?? `Part ${i + 1}`);
    // A lecture that keeps returning to the same words can still produce one title twice; a list needs them apart.
    if (usedTitles.has(title)) title = `${title.slice(0, maxTitleChars - ` (${i + 1})`.length)} (${i + 1})`;
    usedTitles.add(title);
    const next = spans[i + 1];
    return {
      start: sentences[span.from]!.start,
      // Segments meet at the next one's first sentence, so the silence between two topics belongs to the earlier.
      end: next ? sentences[next.from]!.start : sentences[span.to - 1]!.end,
      title,
      topic: segmentTopic(own, features.centralTerms),
      importance,
      reasons,
    };
  });
}
