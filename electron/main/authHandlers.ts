import { authContracts } from '../../shared/ipc/auth.contract.ts';
import { resolveAuthConfig } from '../services/clerkConfig.ts';
import type { UserService } from '../services/userService.ts';
import type { SettingsStore } from '../settings/settingsStore.ts';
import type { RegisterHandler } from './ipcCore.ts';

/** Sign-in: the window asks whether Clerk is configured, and reports who signed in or out. */
export function registerAuthHandlers(
  register: RegisterHandler,
  deps: { settings: SettingsStore; users: UserService; env?: NodeJS.ProcessEnv },
): void {
  register(authContracts.config, () => resolveAuthConfig(deps.settings, deps.env));
  register(authContracts.signedIn, (user) => deps.users.signedIn(user));
  register(authContracts.signedOut, () => deps.users.signedOut());
}
