import { create } from 'zustand';
import type { AuthConfig, SignedInUser } from '../../../shared/ipc/index.ts';
import { lecternApi } from '../ipc/api.ts';

/**
 * - `unconfigured`: no institution sign-in; Clerk is never loaded.
 * - `connecting`: Clerk is loading from the institution's Frontend API.
 * - `offline`: it could not be reached (no network, blocked, or no answer in time); everything else still works.
 */
export type SignInStatus = 'checking' | 'unconfigured' | 'connecting' | 'signed-in' | 'signed-out' | 'offline';

interface AuthState {
  config: AuthConfig | null;
  status: SignInStatus;
  user: SignedInUser | null;
  receiveConfig(config: AuthConfig): void;
  setStatus(status: SignInStatus, user?: SignedInUser | null): void;
}

export const useAuthStore = create<AuthState>()((set) => ({
  config: null,
  status: 'checking',
  user: null,
  receiveConfig: (config) => set({ config, status: config.publishableKey ? 'connecting' : 'unconfigured' }),
  setStatus: (status, user = null) => set({ status, user }),
}));

let requested: Promise<void> | null = null;

/** Asks the main process once whether sign-in is configured. */
export function loadAuthConfig(): Promise<void> {
  requested ??= lecternApi()
    .invoke('auth:config')
    .then((result) => {
      // Without an answer the app behaves as if no sign-in were configured: it must never block local work.
      useAuthStore
        .getState()
        .receiveConfig(
          result.ok ? result.value : { publishableKey: null, frontendApi: null, requireSignInToPublish: false },
        );
    });
  return requested;
}
