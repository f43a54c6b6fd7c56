import { clipsContracts } from '../../shared/ipc/clips.contract.ts';
import type { ClipActions } from '../services/clipActions.ts';
import type { RegisterHandler } from './ipcCore.ts';

/** The job view's requests, each a straight call into ClipActions: no logic here that a test would miss. */
export function registerClipHandlers(register: RegisterHandler, clips: ClipActions): void {
  register(clipsContracts.list, ({ jobId }) => clips.list(jobId));
  register(clipsContracts.edit, ({ clipId, edit }) => clips.edit(clipId, edit));
  register(clipsContracts.render, ({ jobId }) => clips.render(jobId));
  register(clipsContracts.analysis, ({ jobId }) => clips.analysis(jobId));
}
