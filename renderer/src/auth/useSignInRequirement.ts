import { useEffect } from 'react';
import { loadAuthConfig, useAuthStore, type SignInStatus } from './authStore.ts';

export interface SignInRequirement {
  /** Whether the publish button may be used now. */
  allowed: boolean;
  /** Why not, in words for the publish panel; null when allowed. */
  reason: string | null;
  status: SignInStatus;
}

/** For the publish panel: whether the institution's "sign in before publishing" rule lets this person publish now. */
export function useSignInRequirement(): SignInRequirement {
  useEffect(() => void loadAuthConfig(), []);
  const config = useAuthStore((s) => s.config);
  const status = useAuthStore((s) => s.status);
  if (!config) return { allowed: false, reason: 'Checking whether sign-in is required…', status };
  if (!config.requireSignInToPublish || status === 'signed-in') return { allowed: true, reason: null, status };
  const reasons: Record<Exclude<SignInStatus, 'signed-in'>, string> = {
    checking: 'Checking whether you are signed in…',
    unconfigured:
      'Your institution requires signing in before publishing, but no sign-in is set up. Ask your media team for the sign-in key.',
    connecting: 'Your institution requires signing in before publishing. Connecting to sign-in…',
    'signed-out': 'Your institution requires signing in before publishing. Sign in (top right), then publish.',
    offline:
      'Your institution requires signing in before publishing, and sign-in cannot be reached (offline). ' +
      'Connect to the internet and sign in; your clips are kept until then.',
  };
  return { allowed: false, reason: reasons[status], status };
}
