import path from 'node:path';
import type { AnalysisResult } from '../../../shared/domain/analysis.ts';
import type { ClipLength } from '../../../shared/domain/settings.ts';
import { analyzeLecture } from '../../pipeline/analysis/score.ts';
import { defaultSelectionOptions, selectHighlights } from '../../pipeline/selection/selectHighlights.ts';
import { loadTranscriptFile } from '../../pipeline/transcript/captions/loadCaptions.ts';
import { checkCaptionsFile } from '../../pipeline/validate/captions.ts';
import { exitCodes, type ExitCode } from '../exitCodes.ts';
import { formatDuration } from '../report.ts';

const round = (n: number) => Math.round(n * 1000) / 1000;

/**
 * `lectern analyze <transcript>`: content analysis and highlight selection on a transcript alone, no media.
 * Without audio, pauses come from the gaps between the transcript's words and sentences.
 */
export async function analyzeTranscript(
  file: string,
  clips = defaultSelectionOptions.count,
  length?: ClipLength,
): Promise<AnalysisResult & { sentences: number }> {
  checkCaptionsFile(file);
  const { sentences } = await loadTranscriptFile(file);
  const segments = analyzeLecture(sentences);
  const highlights = selectHighlights(sentences, segments, [], {
    ...defaultSelectionOptions,
    count: clips,
    ...(length ? { minSec: length.minSec, maxSec: length.maxSec } : {}),
  });
  return {
    sentences: sentences.length,
    segments: segments.map((s) => ({
      ...s,
      start: round(s.start),
      end: round(s.end),
      importance: round(s.importance),
    })),
    highlights,
  };
}

export async function analyzeCommand(options: {
  transcript: string;
  clips: number | undefined;
  length: ClipLength | undefined;
  json: boolean;
}): Promise<ExitCode> {
  const file = path.resolve(options.transcript);
  const { sentences, segments, highlights } = await analyzeTranscript(file, options.clips, options.length);
  if (options.json) {
    const result: AnalysisResult = { segments, highlights };
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return exitCodes.ok;
  }
  const span = (s: { start: number; end: number }) => `${formatDuration(s.start)}–${formatDuration(s.end)}`;
  process.stdout.write(`${path.basename(file)}: ${sentences} sentences, ${segments.length} topics\n\n`);
  segments.forEach((s, i) => {
    process.stdout.write(
      `${String(i + 1).padStart(2)}. ${span(s)}  ${s.title}  (importance ${s.importance.toFixed(2)})\n`,
    );
    process.stdout.write(`    topic: ${s.topic}\n`);
    for (const reason of s.reasons) process.stdout.write(`    · ${reason}\n`);
  });
  process.stdout.write('\nHighlights:\n');
  for (const h of highlights)
    process.stdout.write(`  ${span(h)}  ${h.title}  (score ${h.score.toFixed(2)}, topic ${h.segment + 1})\n`);
  return exitCodes.ok;
}
