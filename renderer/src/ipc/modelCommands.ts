import type { LecternApi } from '../../../shared/ipc/index.ts';
import { useModelsStore } from '../stores/modelsStore.ts';
import { lecternApi } from './api.ts';

/** Settings ▸ Speech models listens while it is on screen; returns the disposer for unmount. */
export function subscribeToModels(api: LecternApi<File>): () => void {
  const { receiveModels, receiveProgress, setProblem } = useModelsStore.getState();
  const stops = [api.on('models:changed', receiveModels), api.on('models:progress', receiveProgress)];
  let disposed = false;
  void api.invoke('models:list').then((result) => {
    if (disposed) return;
    if (result.ok) receiveModels(result.value);
    else setProblem('', result.error.message);
  });
  return () => {
    disposed = true;
    for (const stop of stops) stop();
  };
}

/** Resolves when the download ends; a cancelled one is not a problem worth showing, it can continue later. */
export async function downloadModel(name: string): Promise<void> {
  const { receiveModels, setProblem } = useModelsStore.getState();
  setProblem(name, null);
  const result = await lecternApi().invoke('models:download', { name });
  if (result.ok) receiveModels(result.value);
  else if (result.error.code !== 'cancelled') setProblem(name, result.error.message);
}

export async function cancelModelDownload(name: string): Promise<void> {
  const result = await lecternApi().invoke('models:cancelDownload', { name });
  if (!result.ok) useModelsStore.getState().setProblem(name, result.error.message);
}

export async function removeModel(name: string): Promise<void> {
  const { receiveModels, setProblem } = useModelsStore.getState();
  const result = await lecternApi().invoke('models:remove', { name });
  if (result.ok) receiveModels(result.value);
  else setProblem(name, result.error.message);
}

/** Import problems are shown under the import buttons (key ''), since the model has no row yet. */
export async function importModel(from: 'archive' | 'folder'): Promise<string | null> {
  const { receiveModels, setProblem } = useModelsStore.getState();
  setProblem('', null);
  const result = await lecternApi().invoke('models:import', { from });
  if (!result.ok) {
    setProblem('', result.error.message);
    return null;
  }
  receiveModels(result.value.models);
  return result.value.imported;
}
