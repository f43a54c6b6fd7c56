import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { asc, eq } from 'drizzle-orm';
import type { PublishedKind } from '../../shared/domain/publish.ts';
import { LecternError } from '../../shared/errors.ts';
import { getJob } from '../db/jobsRepo.ts';
import type { LecternDb } from '../db/open.ts';
import { clips, contentSegments } from '../db/schema/index.ts';
import { slugify } from '../pipeline/clips/clipFiles.ts';
import { manifestJson, manifestSchema, type Manifest } from '../pipeline/export/manifest.ts';
import { exportFileNames } from '../pipeline/export/writeExports.ts';
import { keyDate, keyRelativeTo, objectKey, type KeyFields } from './objectKeys.ts';

/** Where a file's bytes come from: a rendered file on disk, or (the manifest) bytes made for the bucket. */
export type PlannedSource = { path: string } | { bytes: Buffer };

/** One object to put in the bucket, with everything needed to upload it and to recognise it there later. */
export interface PlannedObject {
  kind: PublishedKind;
  clipId: number | null;
  title: string | null;
  topic: string | null;
  score: number | null;
  key: string;
  source: PlannedSource;
  size: number;
  sha256: string;
}

export async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function requireFile(file: string, clipTitle: string): string {
  if (!existsSync(file)) {
    throw new LecternError(
      'file-missing',
      `A file of the clip "${clipTitle}" is missing (${file}). Render the job again, then publish.`,
    );
  }
  return file;
}

/**
 * The manifest as it should read in the bucket: each clip's files named by their path from the manifest's own
 * key, so a script that downloads the manifest finds the clips beside it whatever the key template.
 */
function publishedManifest(
  manifest: Manifest,
  manifestKey: string,
  keyOfLocalFile: (relative: string) => string | undefined,
): Manifest {
  const rewrite = (relative: string) => {
    const key = keyOfLocalFile(relative);
    return key ? keyRelativeTo(manifestKey, key) : relative;
  };
  return {
    ...manifest,
    clips: manifest.clips.map((clip) => ({
      ...clip,
      file: rewrite(clip.file),
      subtitles: { srt: rewrite(clip.subtitles.srt), vtt: rewrite(clip.subtitles.vtt) },
      thumbnail: rewrite(clip.thumbnail),
    })),
  };
}

/**
 * What publishing the job uploads: for each rendered clip its MP4, .srt, .vtt and thumbnail, then manifest.json.
 * Refuses a job still being processed, or one with no rendered clip, with what to do instead.
 */
export async function planPublication(
  db: LecternDb,
  jobId: number,
  options: { prefixTemplate: string; user: string },
): Promise<PlannedObject[]> {
  const job = getJob(db, jobId);
  if (job.status === 'queued' || job.status === 'running') {
    throw new LecternError('job-busy', `Job ${jobId} is still being processed; publish it once it has finished.`);
  }
  const outputDir = job.settings.outputDir;
  const rendered = db
    .select()
    .from(clips)
    .where(eq(clips.jobId, jobId))
    .orderBy(asc(clips.start))
    .all()
    .filter((clip) => clip.state === 'rendered' && clip.outputs);
  if (rendered.length === 0) {
    throw new LecternError('invalid-input', `Job ${jobId} has no rendered clips yet: render them, then publish.`);
  }
  const topics = new Map(
    db
      .select({ id: contentSegments.id, topic: contentSegments.topic })
      .from(contentSegments)
      .where(eq(contentSegments.jobId, jobId))
      .all()
      .map((s) => [s.id, s.topic]),
  );
  const base: Omit<KeyFields, 'clip'> = {
    user: options.user,
    lecture: slugify(path.parse(job.sourcePath).name),
    date: keyDate(job.createdAt),
  };
  const planned: PlannedObject[] = [];
  const keyByLocalFile = new Map<string, string>();
  for (const clip of rendered) {
    const outputs = clip.outputs!;
    const clipName = path.parse(outputs.video).name;
    const files: [PublishedKind, string | null][] = [
      ['video', outputs.video],
      ['srt', outputs.srt],
      ['vtt', outputs.vtt],
      ['thumbnail', outputs.thumbnail],
    ];
    for (const [kind, file] of files) {
      if (!file) continue;
      const local = requireFile(file, clip.title);
      const key = objectKey(options.prefixTemplate, { ...base, clip: clipName }, path.basename(local));
      keyByLocalFile.set(path.resolve(local), key);
      planned.push({
        kind,
        clipId: clip.id,
        title: clip.title,
        topic: (clip.segmentId !== null ? topics.get(clip.segmentId) : undefined) ?? null,
        score: clip.score,
        key,
        source: { path: local },
        size: statSync(local).size,
        sha256: await sha256OfFile(local),
      });
    }
  }
  const manifestFile = path.join(outputDir, exportFileNames.manifest);
  if (existsSync(manifestFile)) {
    const key = objectKey(options.prefixTemplate, { ...base, clip: null }, exportFileNames.manifest);
    const local = manifestSchema.parse(JSON.parse(readFileSync(manifestFile, 'utf8')));
    const bytes = Buffer.from(
      manifestJson(publishedManifest(local, key, (relative) => keyByLocalFile.get(path.resolve(outputDir, relative)))),
    );
    planned.push({
      kind: 'manifest',
      clipId: null,
      title: null,
      topic: null,
      score: null,
      key,
      source: { bytes },
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
  }
  return planned;
}
