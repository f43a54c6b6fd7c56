import { LecternError } from '../../shared/errors.ts';
import { clipsContracts } from '../../shared/ipc/clips.contract.ts';
import type { ClipActions } from '../services/clipActions.ts';
import type { RegisterHandler } from './ipcCore.ts';

/** What the desktop does for the job view that is not Lectern's own: Electron's shell, or a test's recorder. */
export interface DesktopShell {
  /** Resolves to '' on success, else the reason, as Electron's `shell.openPath` does. */
  openFolder(folder: string): Promise<string>;
}

/** The job view's requests, each a straight call into ClipActions: no logic here that a test would miss. */
export function registerClipHandlers(register: RegisterHandler, clips: ClipActions, desktop: DesktopShell): void {
  register(clipsContracts.list, ({ jobId }) => clips.list(jobId));
  register(clipsContracts.edit, ({ clipId, edit }) => clips.edit(clipId, edit));
  register(clipsContracts.render, ({ jobId }) => clips.render(jobId));
  register(clipsContracts.analysis, ({ jobId }) => clips.analysis(jobId));
  register(clipsContracts.add, (input) => clips.add(input));
  register(clipsContracts.delete, ({ clipId }) => clips.delete(clipId));
  register(clipsContracts.openFolder, async ({ jobId }) => {
    const folder = clips.exportFolder(jobId);
    const failure = await desktop.openFolder(folder);
    if (failure) throw new LecternError('internal', `Lectern could not open ${folder}: ${failure}`);
    return { path: folder };
  });
}
