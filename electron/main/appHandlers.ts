import { appContracts, type AppInfo } from '../../shared/ipc/app.contract.ts';
import type { ChoosePath } from './choosePath.ts';
import type { RegisterHandler } from './ipcCore.ts';

export function registerAppHandlers(
  register: RegisterHandler,
  info: AppInfo,
  dialogs: { choosePath: ChoosePath },
): void {
  register(appContracts.info, () => info);
  register(appContracts.chooseFolder, async ({ title, defaultPath }) => ({
    path: await dialogs.choosePath({ kind: 'folder', title, defaultPath }),
  }));
}
