import { CaptionsFormatError, type Cue } from './cue.ts';
import { parseCsv } from './parseCsv.ts';

/**
 * A sentence table with a start time per row (`time_s,…,text`, as slide-alignment tools export it). Each sentence
 * runs until the next one starts; the last gets a duration from its length.
 */
export function parseSentenceCsv(text: string): Cue[] {
  const [header, ...rows] = parseCsv(text.replace(/^\uFEFF/, ''));
  const columns = (header ?? []).map((h) => h.trim().toLowerCase());
  const timeColumn = columns.findIndex((c) => c === 'time_s' || c === 'start' || c === 'time');
  const textColumn = columns.indexOf('text');
  if (timeColumn < 0 || textColumn < 0) {
    throw new CaptionsFormatError(
      'line 1',
      'a transcript table needs a "time_s" (or "start") column and a "text" column',
    );
  }
  const entries = rows
    .map((r, i) => ({ line: i + 2, time: Number(r[timeColumn]), text: (r[textColumn] ?? '').trim() }))
    .filter((e) => e.text.length > 0);
  for (const e of entries) {
    if (!Number.isFinite(e.time) || e.time < 0)
      throw new CaptionsFormatError(`line ${e.line}`, 'the time is not a number of seconds');
  }
  return entries.map((e, i) => {
    const next = entries[i + 1]?.time;
    const end = next !== undefined && next > e.time ? next : e.time + e.text.split(/\s+/).length * 0.4;
    return { start: e.time, end, text: e.text, words: null };
  });
}
