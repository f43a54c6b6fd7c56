import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { ContentSegment } from '../../../shared/domain/analysis.ts';
import type { MediaInfo } from '../../../shared/domain/media.ts';
import type { Sentence } from '../../../shared/domain/transcript.ts';
import { LecternError } from '../../../shared/errors.ts';
import { writeFileAtomic } from './atomicWrite.ts';
import { ffmetadataChapters, youtubeChapters } from './chapters.ts';
import { highlightsEdl } from './edl.ts';
import { highlightsFcpxml } from './fcpxml.ts';
import { exportFrameRate } from './frameRate.ts';
import { buildManifest, manifestJson, type ExportedClip } from './manifest.ts';
import { transcriptSrt, transcriptVtt } from './transcriptFiles.ts';

export interface JobExportInput {
  /** Absolute path of the recording. */
  sourcePath: string;
  media: MediaInfo;
  /** The lecture's name, used as the EDL title and the FCPXML project name. */
  title: string;
  sentences: readonly Sentence[];
  segments: readonly ContentSegment[];
  /** The rendered highlights in timeline order, with their files (absolute paths). */
  clips: readonly ExportedClip[];
}

export interface JobExportFiles {
  manifest: string;
  transcriptSrt: string;
  transcriptVtt: string;
  /** Null when the lecture cannot meet YouTube's chapter rules; `notes` says why. */
  youtubeChapters: string | null;
  ffmetadataChapters: string;
  edl: string;
  fcpxml: string;
}

export interface JobExports {
  files: JobExportFiles;
  /** What the exports changed or assumed (chapter merges, frame rate), to show the lecturer. */
  notes: string[];
}

export const exportFileNames = {
  manifest: 'manifest.json',
  transcriptSrt: 'transcript.srt',
  transcriptVtt: 'transcript.vtt',
  youtubeChapters: 'chapters.txt',
  ffmetadataChapters: 'chapters.ffmetadata',
  edl: 'highlights.edl',
  fcpxml: 'highlights.fcpxml',
} as const;

/**
 * Writes the files a lecturer or media team takes away from a job. Each file appears complete or not at all, and
 * manifest.json comes last, so a watcher that sees it can trust every file it lists.
 */
export async function writeJobExports(outDir: string, input: JobExportInput): Promise<JobExports> {
  const dir = path.resolve(outDir);
  const at = (name: string): string => path.join(dir, name);
  const duration = input.media.durationSec;
  const youtube = youtubeChapters(input.segments, duration);
  const editList = {
    title: input.title,
    sourcePath: input.sourcePath,
    media: input.media,
    highlights: input.clips.map((clip) => clip.highlight),
  };
  const manifest = buildManifest({
    manifestDir: dir,
    sourcePath: input.sourcePath,
    durationSec: duration,
    segments: input.segments,
    clips: input.clips,
  });
  const contents: [string, string][] = [
    [exportFileNames.transcriptSrt, transcriptSrt(input.sentences, duration)],
    [exportFileNames.transcriptVtt, transcriptVtt(input.sentences, duration)],
    [exportFileNames.ffmetadataChapters, ffmetadataChapters(input.segments, duration)],
    [exportFileNames.edl, highlightsEdl(editList)],
    [exportFileNames.fcpxml, highlightsFcpxml(editList)],
  ];
  if (youtube.text !== null) contents.push([exportFileNames.youtubeChapters, youtube.text]);
  contents.push([exportFileNames.manifest, manifestJson(manifest)]);

  try {
    await mkdir(dir, { recursive: true });
    // A chapter list from an earlier run would contradict this one's notes.
    if (youtube.text === null) await rm(at(exportFileNames.youtubeChapters), { force: true });
    for (const [name, content] of contents) await writeFileAtomic(at(name), content);
  } catch (error) {
    throw writeError(error, dir);
  }
  const rateNote = exportFrameRate(input.media).note;
  return {
    files: {
      manifest: at(exportFileNames.manifest),
      transcriptSrt: at(exportFileNames.transcriptSrt),
      transcriptVtt: at(exportFileNames.transcriptVtt),
      youtubeChapters: youtube.text === null ? null : at(exportFileNames.youtubeChapters),
      ffmetadataChapters: at(exportFileNames.ffmetadataChapters),
      edl: at(exportFileNames.edl),
      fcpxml: at(exportFileNames.fcpxml),
    },
    notes: [...youtube.adjustments, ...(rateNote ? [rateNote] : [])],
  };
}

function writeError(error: unknown, dir: string): LecternError {
  const code = error instanceof Error && 'code' in error ? String(error.code) : '';
  if (code === 'ENOSPC') {
    return new LecternError('disk-full', `The disk holding ${dir} is full. Free some space and export again.`, {
      cause: error,
    });
  }
  return new LecternError(
    'output-unwritable',
    `Lectern could not write the exports to ${dir}. Check that the folder exists and you may write to it.`,
    { cause: error },
  );
}
