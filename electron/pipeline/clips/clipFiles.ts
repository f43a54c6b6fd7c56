import path from 'node:path';
import type { ClipOutputs } from '../../db/schema/index.ts';

/** "Gravitational potential energy" → "gravitational-potential-energy": safe on every file system, readable. */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/, '');
  return slug || 'highlight';
}

/** Where a clip's files go: `clips/02-work-and-energy.mp4` with its .srt, .vtt and .jpg beside it. */
export function clipFilePaths(
  outputDir: string,
  position: number,
  title: string,
): ClipOutputs & { srt: string; vtt: string; thumbnail: string } {
  const base = path.join(outputDir, 'clips', `${String(position + 1).padStart(2, '0')}-${slugify(title)}`);
  return { video: `${base}.mp4`, srt: `${base}.srt`, vtt: `${base}.vtt`, thumbnail: `${base}.jpg` };
}
