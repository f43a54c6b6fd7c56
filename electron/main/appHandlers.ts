import { appContracts, type AppInfo } from '../../shared/ipc/app.contract.ts';
import type { RegisterHandler } from './ipcCore.ts';

export function registerAppHandlers(register: RegisterHandler, info: AppInfo): void {
  register(appContracts.info, () => info);
}
