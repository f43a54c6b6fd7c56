import type { LecternApi } from '../../../shared/ipc/index.ts';

/** The one door to the main process, so a test or the browser harness can stand in for the preload. */
export function lecternApi(): LecternApi<File> {
  return window.api;
}
