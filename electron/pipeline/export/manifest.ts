import path from 'node:path';
import { z } from 'zod';
import type { ContentSegment, Highlight } from '../../../shared/domain/analysis.ts';

/**
 * A path a consumer resolves against the manifest's folder: relative, `/`-separated on every platform, so the
 * folder can be zipped, moved or opened on another OS and still point at its own files.
 */
const relativeFile = z
  .string()
  .min(1)
  .refine((file) => !file.includes('\\'), 'uses / as the separator')
  .refine((file) => !file.startsWith('/') && !/^[A-Za-z]:/.test(file), 'is relative to the manifest');

const seconds = z.number().nonnegative();

export const manifestClipSchema = z.strictObject({
  file: relativeFile,
  start: seconds,
  end: seconds,
  title: z.string(),
  topic: z.string(),
  score: z.number().min(0).max(1),
  reasons: z.array(z.string()),
  subtitles: z.strictObject({ srt: relativeFile, vtt: relativeFile }),
  thumbnail: relativeFile,
});

/** `manifest.json`: what a media team or a script reads to pick up a job's clips without opening Lectern. */
export const manifestSchema = z.strictObject({
  /** The recording's file name (not its path, which is private to the lecturer's machine). */
  source: z.string().min(1),
  duration: seconds,
  clips: z.array(manifestClipSchema),
});

export type Manifest = z.infer<typeof manifestSchema>;
export type ManifestClip = z.infer<typeof manifestClipSchema>;

/** The files rendered for one highlight, as absolute paths. */
export interface ClipFiles {
  clip: string;
  srt: string;
  vtt: string;
  thumbnail: string;
}

export interface ExportedClip {
  highlight: Highlight;
  files: ClipFiles;
}

export interface ManifestInput {
  /** Absolute path of the folder manifest.json is written to. */
  manifestDir: string;
  /** Absolute path of the recording. */
  sourcePath: string;
  durationSec: number;
  segments: readonly ContentSegment[];
  clips: readonly ExportedClip[];
  /** `path.win32` in tests, to check Windows paths come out with `/`. */
  pathApi?: path.PlatformPath;
}

/** Pure: the manifest for a job's clips; `highlight.segment` names the content segment giving topic and reasons. */
export function buildManifest(input: ManifestInput): Manifest {
  const pathApi = input.pathApi ?? path;
  const relative = (file: string): string => relativeToManifest(input.manifestDir, file, pathApi);
  return {
    source: pathApi.basename(input.sourcePath),
    duration: roundSeconds(input.durationSec),
    clips: input.clips.map(({ highlight, files }) => {
      const segment = input.segments[highlight.segment];
      if (!segment) {
        throw new Error(
          `Highlight "${highlight.title}" names content segment ${highlight.segment}, ` +
            `but the analysis has ${input.segments.length}.`,
        );
      }
      return {
        file: relative(files.clip),
        start: roundSeconds(highlight.start),
        end: roundSeconds(highlight.end),
        title: highlight.title,
        topic: segment.topic,
        score: highlight.score,
        reasons: [...segment.reasons],
        subtitles: { srt: relative(files.srt), vtt: relative(files.vtt) },
        thumbnail: relative(files.thumbnail),
      };
    }),
  };
}

/** Two-space JSON with a final newline, as people will read and diff it. */
export function manifestJson(manifest: Manifest): string {
  return `${JSON.stringify(manifestSchema.parse(manifest), null, 2)}\n`;
}

/**
 * A file's path from the manifest's folder with `/` separators. Both must be absolute: a relative path would be
 * resolved against the process's working directory, which is not the job's. A file on another Windows drive has
 * no relative path, which is a bug in where the job put its files.
 */
export function relativeToManifest(manifestDir: string, file: string, pathApi: path.PlatformPath = path): string {
  if (!pathApi.isAbsolute(manifestDir) || !pathApi.isAbsolute(file)) {
    throw new Error(`Manifest paths must be absolute: got "${manifestDir}" and "${file}".`);
  }
  const relative = pathApi.relative(manifestDir, file);
  if (relative === '' || pathApi.isAbsolute(relative)) {
    throw new Error(`"${file}" cannot be reached from "${manifestDir}" by a relative path.`);
  }
  return relative.split(pathApi.sep).join('/');
}

/** Milliseconds are the precision a player can seek to; more digits are float noise (12.340000000000002). */
function roundSeconds(value: number): number {
  return Math.round(value * 1000) / 1000;
}
