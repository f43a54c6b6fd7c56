import type { Cue } from './cues.ts';
import type { KeyPhrase } from './text.ts';

/** Titles and topic lines for content segments, built from their key phrases. */

export const maxTitleChars = 60;

/** Sentence case: the first letter up, the rest as spoken, so "Newton" and "MIT" keep their capitals. */
export function sentenceCase(text: string): string {
  const trimmed = text.trim();
  return trimmed.length === 0 ? trimmed : trimmed[0]!.toUpperCase() + trimmed.slice(1);
}

function fitTitle(text: string): string {
  if (text.length <= maxTitleChars) return text;
  const cut = text.slice(0, maxTitleChars - 1).replace(/\s+\S*$/, '');
  return `${cut}…`;
}

/**
 * The phrase a segment defines, if it defines one of its own key phrases: "work is defined as…" makes "work" the
 * segment's subject even when another phrase is said more often.
 */
function definedPhrase(phrases: readonly KeyPhrase[], cues: readonly Cue[]): KeyPhrase | undefined {
  const definitions = cues.filter((c) => c.kind === 'definition').map((c) => c.quote.toLowerCase());
  return phrases.slice(0, 3).find((p) => definitions.some((q) => q.includes(p.text.toLowerCase())));
}

/**
 * A title of at most 60 characters: the segment's defining or most characteristic key phrase, joined by the next one
 * when both fit. `usedLeads` holds the lead phrases of earlier segments so that two segments are not both titled
 * "Energy"; the caller passes the same set for every segment of a lecture.
 */
export function segmentTitle(
  phrases: readonly KeyPhrase[],
  cues: readonly Cue[],
  usedLeads: Set<string>,
  fallback: string,
): string {
  const candidates = [...phrases];
  const defined = definedPhrase(phrases, cues);
  if (defined && !usedLeads.has(defined.key)) {
    candidates.splice(candidates.indexOf(defined), 1);
    candidates.unshift(defined);
  }
  const lead = candidates.find((p) => !usedLeads.has(p.key)) ?? candidates[0];
  if (!lead) return fitTitle(sentenceCase(fallback));
  usedLeads.add(lead.key);
  const second = candidates.find((p) => p !== lead);
  const joined = second ? `${lead.text} and ${second.text}` : lead.text;
  return fitTitle(sentenceCase(joined.length <= maxTitleChars ? joined : lead.text));
}

/** Two to four key phrases, most characteristic first; fewer only when the segment has fewer. */
export function segmentTopic(phrases: readonly KeyPhrase[], fallback: readonly string[]): string {
  const names = phrases.slice(0, 4).map((p) => p.text);
  for (const extra of fallback) {
    if (names.length >= 2) break;
    if (!names.some((n) => n.toLowerCase() === extra.toLowerCase())) names.push(extra);
  }
  return names.length > 0 ? names.join(', ') : 'general';
}
