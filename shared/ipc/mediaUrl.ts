import { z } from 'zod';

/**
 * The renderer never sees or sends a file path for media: it names a job's file by what it is, and the main process
 * looks the path up in the database (electron/main/mediaProtocolCore.ts). So there is no path in a URL to escape.
 */
export const mediaScheme = 'lectern-media';

/** Files that belong to the job itself. */
export const jobMediaKinds = ['source', 'waveform'] as const;
/** Files a clip's render wrote: `clip` is its video. */
export const clipMediaKinds = ['clip', 'srt', 'vtt', 'thumbnail'] as const;

export type JobMediaKind = (typeof jobMediaKinds)[number];
export type ClipMediaKind = (typeof clipMediaKinds)[number];
export type MediaKind = JobMediaKind | ClipMediaKind;

/** The URL pattern reads at most 15 digits; ids beyond that could not round-trip. */
const idSchema = z.number().int().positive().max(999_999_999_999_999);

export const mediaRefSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.enum(jobMediaKinds), jobId: idSchema }),
  z.strictObject({ kind: z.enum(clipMediaKinds), jobId: idSchema, clipId: idSchema }),
]);
export type MediaRef = z.infer<typeof mediaRefSchema>;

/**
 * The whole URL, exactly as `mediaUrl` (and `withMediaVersion`) write it and Chromium passes a standard scheme on:
 * nothing percent-encoded, no dot segments, no backslashes, no fragment, no trailing slash, and no query but one
 * `v=` cache key of plain letters and digits. Ids are 1–15 digits without leading zeros, so `Number` reads them
 * exactly.
 */
const mediaUrlPattern =
  /^lectern-media:\/\/job\/([1-9][0-9]{0,14})\/([a-z]{1,16})(?:\/([1-9][0-9]{0,14}))?(?:\?v=[0-9A-Za-z]{1,64})?$/;

const versionPattern = /^[0-9A-Za-z]{1,64}$/;

/** `lectern-media://job/12/source`, `lectern-media://job/12/thumbnail/40`: what `<video>`/`<img>`/`<track>` load. */
export function mediaUrl(jobId: number, kind: JobMediaKind): string;
export function mediaUrl(jobId: number, kind: ClipMediaKind, clipId: number): string;
export function mediaUrl(jobId: number, kind: MediaKind, clipId?: number): string {
  const ref = mediaRefSchema.safeParse(clipId === undefined ? { kind, jobId } : { kind, jobId, clipId });
  if (!ref.success) throw new Error(`No media URL for job ${jobId}, ${kind} ${clipId ?? ''}: ${ref.error.message}`);
  const base = `${mediaScheme}://job/${ref.data.jobId}/${ref.data.kind}`;
  return 'clipId' in ref.data ? `${base}/${ref.data.clipId}` : base;
}

/** The job, kind and clip a media URL names, or null for anything `mediaUrl` could not have written. */
export function parseMediaUrl(url: string): MediaRef | null {
  const match = mediaUrlPattern.exec(url);
  if (!match) return null;
  const [, jobId, kind, clipId] = match;
  const ref = mediaRefSchema.safeParse({
    kind,
    jobId: Number(jobId),
    ...(clipId === undefined ? {} : { clipId: Number(clipId) }),
  });
  return ref.success ? ref.data : null;
}

/**
 * `url?v=version`: a re-rendered clip keeps its file name, so a new version is what makes the <video> load the new
 * file instead of keeping the one it has. The key names nothing: `parseMediaUrl` ignores it.
 */
export function withMediaVersion(url: string, version: string): string {
  if (!versionPattern.test(version))
    throw new Error(`"${version}" cannot be a media version: letters and digits only.`);
  return `${url}?v=${version}`;
}

/**
 * The same media URL under another base: the desktop app loads `lectern-media://job/…` as written, while the browser
 * test harness, which cannot serve a custom scheme, gives the page an http base (`http://127.0.0.1:port/media/`)
 * that answers through the very same resolver.
 */
export function rebaseMediaUrl(url: string, base: string): string {
  const prefix = `${mediaScheme}://`;
  if (!url.startsWith(prefix)) throw new Error(`${url} is not a media URL.`);
  return base === prefix ? url : `${base.endsWith('/') ? base : `${base}/`}${url.slice(prefix.length)}`;
}
