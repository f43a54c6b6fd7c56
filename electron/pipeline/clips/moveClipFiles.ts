import { existsSync, renameSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import type { Sentence } from '../../../shared/domain/transcript.ts';
import type { LecternDb } from '../../db/open.ts';
import { clips, type ClipOutputs } from '../../db/schema/index.ts';
import { clipFilePaths } from './clipFiles.ts';
import { currentClipHash } from './clipInputs.ts';

type ClipRow = typeof clips.$inferSelect;
type ClipFiles = ClipOutputs & { srt: string; vtt: string; thumbnail: string };

function filesOf(outputs: ClipOutputs | null): ClipFiles | null {
  if (!outputs?.srt || !outputs.vtt || !outputs.thumbnail) return null;
  return { video: outputs.video, srt: outputs.srt, vtt: outputs.vtt, thumbnail: outputs.thumbnail };
}

const kinds = ['video', 'srt', 'vtt', 'thumbnail'] as const;

/**
 * Clips whose files are current but named for another place in the list (a highlight before them was deleted or
 * added, so `03-…` is now `02-…`) or another title: their files are renamed instead of encoded again. Renames go
 * through temporary names first, so two clips swapping names never overwrite each other. Answers the ids moved.
 */
export function moveRenumberedClips(
  db: LecternDb,
  rows: readonly ClipRow[],
  sentences: Sentence[],
  outputDir: string,
): number[] {
  const moves = rows.flatMap((clip, position) => {
    const from = filesOf(clip.outputs);
    const to = clipFilePaths(outputDir, position, clip.title);
    if (clip.state !== 'rendered' || !clip.renderedHash || !from || from.video === to.video) return [];
    if (!kinds.every((kind) => existsSync(from[kind]))) return [];
    if (clip.renderedHash !== currentClipHash(db, clip, sentences)) return [];
    return [{ clip, from, to }];
  });
  const staged = moves.map(({ clip, from, to }) => {
    const temporary = Object.fromEntries(kinds.map((kind) => [kind, `${from[kind]}.moving-${clip.id}`]));
    for (const kind of kinds) renameSync(from[kind], temporary[kind]!);
    return { clip, temporary, to };
  });
  for (const { clip, temporary, to } of staged) {
    for (const kind of kinds) renameSync(temporary[kind]!, to[kind]);
    db.update(clips).set({ outputs: to, updatedAt: Date.now() }).where(eq(clips.id, clip.id)).run();
  }
  return moves.map((move) => move.clip.id);
}
