import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { spawnFfmpegStream } from '../../ffmpeg/run.ts';
import type { Cue } from './cue.ts';
import { isEnglish, looksLikeLanguage } from './language.ts';
import { parseVtt } from './parseVtt.ts';

export interface SidecarCaptions {
  path: string;
  /** From the file name ("Lecture 1.en.vtt"); null for "Lecture 1.srt". */
  language: string | null;
}

const captionExtensions = ['.srt', '.vtt'];

/**
 * Captions saved beside a recording, best first: for "Lecture 1.mp4", "Lecture 1.srt" and "Lecture 1.vtt", then
 * English ones ("Lecture 1.en.srt", "Lecture 1.en-US.vtt"), then any other "Lecture 1.<tag>.srt|vtt". Extensions
 * match in any case; SRT before VTT at the same rank, then by name so the choice does not depend on the disk.
 */
export async function listSidecarCaptions(mediaPath: string): Promise<SidecarCaptions[]> {
  const folder = path.dirname(mediaPath);
  const base = path.basename(mediaPath, path.extname(mediaPath));
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return [];
  }
  const found = names.flatMap((name) => {
    const extension = path.extname(name).toLowerCase();
    if (!captionExtensions.includes(extension) || !name.startsWith(base)) return [];
    const middle = name.slice(base.length, name.length - extension.length);
    if (middle !== '' && !middle.startsWith('.')) return [];
    const tags = middle.split('.').filter(Boolean);
    const language = tags.find(looksLikeLanguage) ?? null;
    const rank = sidecarRank(tags, language);
    return [
      { path: path.join(folder, name), language, rank, extensionRank: captionExtensions.indexOf(extension), name },
    ];
  });
  found.sort((a, b) => a.rank - b.rank || a.extensionRank - b.extensionRank || a.name.localeCompare(b.name));
  return found.map(({ path: p, language }) => ({ path: p, language }));
}

/** "Lecture 1.srt" first, then English, then tags that name no language ("Lecture 1.final.srt"), then the rest. */
function sidecarRank(tags: readonly string[], language: string | null): number {
  if (tags.length === 0) return 0;
  if (isEnglish(language)) return 1;
  return language === null ? 2 : 3;
}

export async function findSidecarCaptions(mediaPath: string): Promise<SidecarCaptions | null> {
  return (await listSidecarCaptions(mediaPath))[0] ?? null;
}

/**
 * Reads a subtitle track out of the recording: FFmpeg converts any text track (mov_text, subrip, ass, webvtt) to
 * WebVTT on stdout. Bitmap tracks (DVD, Blu-ray PGS) cannot be converted and make FFmpeg fail.
 */
export async function extractEmbeddedSubtitles(
  mediaPath: string,
  streamIndex: number,
  options: { signal?: AbortSignal } = {},
): Promise<Cue[]> {
  const { stdout, done } = spawnFfmpegStream(['-i', mediaPath, '-map', `0:${streamIndex}`, '-f', 'webvtt', 'pipe:1'], {
    signal: options.signal,
  });
  const chunks: Buffer[] = [];
  for await (const chunk of stdout) chunks.push(Buffer.from(chunk as Uint8Array));
  await done;
  return parseVtt(Buffer.concat(chunks).toString('utf8'));
}
