import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';

/** `clip.mp4` → `clip.mp4.partial.mp4`: the real extension last, so FFmpeg still picks the muxer from the name. */
export function partialPath(outPath: string): string {
  return `${outPath}.partial${path.extname(outPath)}`;
}

/**
 * Writes `outPath` through a partial file that is renamed into place only when `write` succeeds, so a crash, a
 * cancel or a full disk never leaves a half-written file under the final name. On failure the partial is removed
 * (after `write` settles, i.e. after FFmpeg has exited and closed it, which Windows needs before a delete).
 */
export async function writeViaPartial<T>(outPath: string, write: (partial: string) => Promise<T>): Promise<T> {
  const partial = partialPath(outPath);
  await mkdir(path.dirname(outPath), { recursive: true });
  try {
    const result = await write(partial);
    await rename(partial, outPath);
    return result;
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}
