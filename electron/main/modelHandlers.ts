import { archiveSuffixes } from '../pipeline/transcript/local/archive.ts';
import { modelsContracts } from '../../shared/ipc/models.contract.ts';
import type { ModelService } from '../services/modelService.ts';
import type { ChoosePath } from './choosePath.ts';
import type { RegisterHandler } from './ipcCore.ts';

/** Settings ▸ Speech models: thin calls into the model service; the picker for imports is injected. */
export function registerModelHandlers(
  register: RegisterHandler,
  models: ModelService,
  dialogs: { choosePath: ChoosePath },
): void {
  register(modelsContracts.list, () => models.list());
  register(modelsContracts.download, ({ name }) => models.download(name));
  register(modelsContracts.cancelDownload, ({ name }) => models.cancel(name));
  register(modelsContracts.remove, ({ name }) => models.remove(name));
  register(modelsContracts.import, async ({ from }) => {
    const source = await dialogs.choosePath(
      from === 'folder'
        ? { kind: 'folder', title: 'Import a speech model folder', defaultPath: null }
        : {
            kind: 'file',
            title: 'Import a speech model archive',
            defaultPath: null,
            filters: [{ name: 'Model archives', extensions: archiveSuffixes.map((suffix) => suffix.slice(1)) }],
          },
    );
    if (source === null) return { imported: null, models: models.list() };
    return models.importFrom(source);
  });
}
