import type { AddLectureResult } from '../services/types.ts';

/** The files the queue turned away, one per line with its reason, or null when every file was queued. */
export function describeRefusals(results: AddLectureResult[]): string | null {
  const lines = results.flatMap((result) => (result.error ? [`${result.path}\n  ${result.error.message}`] : []));
  return lines.length > 0 ? lines.join('\n\n') : null;
}
