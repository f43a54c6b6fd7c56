import type { LecternApi } from '../../../shared/ipc/index.ts';

declare global {
  interface Window {
    /** Exposed by electron/preload/index.ts; the renderer reaches it only through ipc/api.ts. */
    readonly api: LecternApi<File>;
  }
}
