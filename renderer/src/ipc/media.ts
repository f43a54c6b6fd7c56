import { rebaseMediaUrl, withMediaVersion } from '../../../shared/ipc/index.ts';
import { lecternApi } from './api.ts';

/** A `mediaUrl(…)` as the page loads it: under the preload's media base, with a cache key when one is given. */
export function mediaSrc(url: string, version?: string | null): string {
  const versioned = version ? withMediaVersion(url, version) : url;
  return rebaseMediaUrl(versioned, lecternApi().mediaBase ?? 'lectern-media://');
}
