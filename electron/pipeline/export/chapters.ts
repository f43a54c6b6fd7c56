import type { ContentSegment } from '../../../shared/domain/analysis.ts';
import { oneLine } from './timelineClips.ts';

/** A chapter of the full lecture; chapters are contiguous and cover it from 0 to its end. */
export interface Chapter {
  start: number;
  end: number;
  title: string;
}

/**
 * Contiguous chapters from the content segments: each starts where its segment starts and runs to the next one,
 * the first is pulled back to 0 (the welcome belongs to it), the last runs to the end. Pauses between segments
 * belong to the chapter before them, which is what a viewer skimming by chapter expects.
 */
export function planChapters(segments: readonly ContentSegment[], durationSec: number): Chapter[] {
  const starts = segments
    .map((segment, index) => ({ start: Math.max(0, segment.start), title: chapterTitle(segment.title, index) }))
    .filter((chapter) => chapter.start < durationSec)
    .sort((a, b) => a.start - b.start);
  const chapters: Chapter[] = [];
  for (const { start, title } of starts) {
    const previous = chapters.at(-1);
    // Two segments starting together would make an empty chapter: the first keeps the place.
    if (previous && start <= previous.start) continue;
    if (previous) previous.end = start;
    chapters.push({ start: chapters.length === 0 ? 0 : start, end: durationSec, title });
  }
  return chapters;
}

function chapterTitle(title: string, index: number): string {
  return oneLine(title) || `Part ${index + 1}`;
}

/** What YouTube accepts (support.google.com/youtube/answer/9884579). */
export const youtubeMinChapters = 3;
export const youtubeMinChapterSec = 10;

export interface YoutubeChapters {
  /** The description lines, `0:00 Title`, or null when the lecture cannot have YouTube chapters. */
  text: string | null;
  chapters: Chapter[];
  /** Every change made to meet YouTube's rules, in words a lecturer can act on. */
  adjustments: string[];
}

/**
 * Chapters for a YouTube description. YouTube shows chapters only if the first is at 0:00, there are at least
 * three and each lasts at least 10 s, and it reads whole seconds. So starts are floored to the second (a jump
 * lands just before the topic, never after its first words), and a chapter under 10 s is merged into the shorter
 * neighbour, keeping the title of whichever part was longer. Fewer than three left means no chapters.
 */
export function youtubeChapters(segments: readonly ContentSegment[], durationSec: number): YoutubeChapters {
  const adjustments: string[] = [];
  const firstStart = [...segments].sort((a, b) => a.start - b.start)[0]?.start ?? 0;
  if (firstStart >= 1) {
    adjustments.push(
      `The first chapter now starts at 0:00 instead of ${chapterTime(firstStart)}, as YouTube requires.`,
    );
  }
  const chapters = wholeSeconds(planChapters(segments, durationSec), durationSec);
  mergeShortChapters(chapters, adjustments);
  if (chapters.length < youtubeMinChapters) {
    adjustments.push(
      `YouTube needs at least ${youtubeMinChapters} chapters of ${youtubeMinChapterSec} s or more; ` +
        `this lecture has ${chapters.length}, so no chapter list was written for YouTube.`,
    );
    return { text: null, chapters, adjustments };
  }
  const text = chapters.map((chapter) => `${chapterTime(chapter.start)} ${chapter.title}`).join('\n') + '\n';
  return { text, chapters, adjustments };
}

/** `m:ss` under an hour, `h:mm:ss` from an hour on, both of which YouTube links. */
export function chapterTime(seconds: number): string {
  const total = Math.floor(seconds);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const secs = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${secs}` : `${minutes}:${secs}`;
}

function wholeSeconds(chapters: readonly Chapter[], durationSec: number): Chapter[] {
  const floored: Chapter[] = [];
  for (const chapter of chapters) {
    const start = Math.floor(chapter.start);
    const previous = floored.at(-1);
    if (previous && start <= previous.start) continue;
    if (previous) previous.end = start;
    floored.push({ start, end: durationSec, title: chapter.title });
  }
  return floored;
}

function mergeShortChapters(chapters: Chapter[], adjustments: string[]): void {
  for (;;) {
    const shortest = chapters.reduce<number | null>((best, chapter, index) => {
      const length = chapter.end - chapter.start;
      if (length >= youtubeMinChapterSec) return best;
      const bestChapter = best === null ? undefined : chapters[best];
      return bestChapter && bestChapter.end - bestChapter.start <= length ? best : index;
    }, null);
    if (shortest === null || chapters.length < 2) return;
    const short = chapters[shortest];
    const before = chapters[shortest - 1];
    const after = chapters[shortest + 1];
    if (!short) return;
    const length = (chapter: Chapter | undefined): number =>
      chapter ? chapter.end - chapter.start : Number.POSITIVE_INFINITY;
    const into = length(before) <= length(after) ? before : after;
    if (!into) return;
    adjustments.push(
      `"${short.title}" (${chapterTime(short.start)}, ${Math.round(length(short))} s) was merged with ` +
        `"${into.title}": YouTube chapters last at least ${youtubeMinChapterSec} s.`,
    );
    const merged: Chapter = {
      start: Math.min(short.start, into.start),
      end: Math.max(short.end, into.end),
      title: length(into) >= length(short) ? into.title : short.title,
    };
    const first = Math.min(shortest, chapters.indexOf(into));
    chapters.splice(first, 2, merged);
  }
}

/**
 * The chapters as an FFmpeg metadata file, for `ffmpeg -i lecture.mp4 -i chapters.ffmetadata -map_metadata 1
 * -codec copy out.mp4`. Millisecond timebase, so chapters keep the segments' own times (no YouTube merging:
 * players have no minimum length).
 */
export function ffmetadataChapters(segments: readonly ContentSegment[], durationSec: number): string {
  const blocks = planChapters(segments, durationSec).map((chapter) =>
    [
      '[CHAPTER]',
      'TIMEBASE=1/1000',
      `START=${Math.round(chapter.start * 1000)}`,
      `END=${Math.round(chapter.end * 1000)}`,
      `title=${escapeFfmetadata(chapter.title)}`,
    ].join('\n'),
  );
  return [';FFMETADATA1', ...blocks].join('\n\n') + '\n';
}

/** FFmpeg's metadata format: `=`, `;`, `#`, `\` and newline are escaped with a backslash (ffmpeg-formats §metadata). */
export function escapeFfmetadata(value: string): string {
  return value.replace(/[=;#\\\n]/g, (character) => `\\${character}`);
}
