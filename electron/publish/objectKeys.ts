import { LecternError } from '../../shared/errors.ts';

/** What `{user}`, `{lecture}`, `{clip}` and `{date}` stand for in the key prefix template. */
export interface KeyFields {
  user: string;
  lecture: string;
  /** The clip's file name without extension (`01-work-and-energy`); null for the job's own files (manifest). */
  clip: string | null;
  /** YYYY-MM-DD. */
  date: string;
}

const placeholders = new Set(['user', 'lecture', 'clip', 'date']);

/**
 * A key segment safe on every store and readable in a console: letters, digits, `.`, `_`, `-`; accents dropped,
 * anything else becomes `-`. Never `.` or `..`, which some stores and tools treat as folders.
 */
export function keySegment(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 100);
}

/** Refuses a template naming a placeholder Lectern does not know, so a typo cannot scatter keys. */
export function checkPrefixTemplate(template: string): void {
  for (const match of template.matchAll(/\{([^}]*)\}/g)) {
    if (!placeholders.has(match[1]!)) {
      throw new LecternError(
        's3-not-configured',
        `The key prefix "${template}" uses {${match[1]}}, which Lectern does not know. ` +
          'Use {user}, {lecture}, {clip} and {date} (Settings → Publishing, or LECTERN_S3_PREFIX).',
      );
    }
  }
}

/**
 * The object key for `fileName`: the template filled in segment by segment, empty segments left out (the manifest
 * has no `{clip}`), then the file name. `{lecture}/{clip}` + `01-work.mp4` → `physics-101/01-work/01-work.mp4`.
 */
export function objectKey(template: string, fields: KeyFields, fileName: string): string {
  checkPrefixTemplate(template);
  const values: Record<string, string> = {
    user: fields.user,
    lecture: fields.lecture,
    clip: fields.clip ?? '',
    date: fields.date,
  };
  const folder = template
    .split('/')
    .map((segment) => keySegment(segment.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? '')))
    .filter(Boolean);
  return [...folder, keySegment(fileName) || 'file'].join('/');
}

/** The date a job's keys carry: the day it was created, so publishing again later reaches the same keys. */
export function keyDate(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}

/** `a/b/manifest.json` → `../c/x.mp4`-style path from the manifest's folder to `key`, as the manifest lists files. */
export function keyRelativeTo(fromKey: string, toKey: string): string {
  const from = fromKey.split('/').slice(0, -1);
  const to = toKey.split('/');
  let shared = 0;
  while (shared < from.length && shared < to.length - 1 && from[shared] === to[shared]) shared++;
  return [...from.slice(shared).map(() => '..'), ...to.slice(shared)].join('/');
}
