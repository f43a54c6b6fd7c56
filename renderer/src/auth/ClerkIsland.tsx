import {
  ClerkDegraded,
  ClerkFailed,
  ClerkLoaded,
  ClerkLoading,
  ClerkProvider,
  SignInButton,
  SignOutButton,
  useAuth,
  useUser,
} from '@clerk/react';
import { useEffect } from 'react';
import { lecternApi } from '../ipc/api.ts';
import { useAuthStore } from './authStore.ts';

/** A network that never answers must still end in the offline state quickly, not after Clerk's own 15 s. */
export const connectTimeoutMs = 5000;

function GiveUpAfterTimeout() {
  const setStatus = useAuthStore((s) => s.setStatus);
  useEffect(() => {
    const timer = setTimeout(() => {
      if (useAuthStore.getState().status === 'connecting') setStatus('offline');
    }, connectTimeoutMs);
    return () => clearTimeout(timer);
  }, [setStatus]);
  return null;
}

function ReportOffline() {
  const setStatus = useAuthStore((s) => s.setStatus);
  useEffect(() => setStatus('offline'), [setStatus]);
  return null;
}

/** Keeps the main process's idea of who is signed in (and the `users` row) in step with Clerk's session. */
function SessionBridge() {
  const { isSignedIn } = useAuth();
  const { user } = useUser();
  const setStatus = useAuthStore((s) => s.setStatus);
  const clerkId = user?.id ?? null;
  const name = user?.fullName ?? null;
  const email = user?.primaryEmailAddress?.emailAddress ?? null;
  useEffect(() => {
    if (isSignedIn && clerkId) {
      const signedIn = { clerkId, name, email };
      setStatus('signed-in', signedIn);
      void lecternApi().invoke('auth:signedIn', signedIn);
    } else if (isSignedIn === false) {
      setStatus('signed-out');
      void lecternApi().invoke('auth:signedOut');
    }
  }, [isSignedIn, clerkId, name, email, setStatus]);
  return isSignedIn ? (
    <SignOutButton>
      <button type="button">Sign out</button>
    </SignOutButton>
  ) : (
    <SignInButton mode="modal">
      <button type="button">Sign in</button>
    </SignInButton>
  );
}

const stay = () => undefined;

/**
 * Clerk lives only here, not around the whole app: the app never waits for it, and nothing else depends on its
 * hooks (the rest reads `useAuthStore`/`useSignInRequirement`). The window has a single page, so Clerk's router
 * hooks do nothing rather than navigate away from it.
 */
export function ClerkIsland({ publishableKey }: { publishableKey: string }) {
  return (
    <ClerkProvider publishableKey={publishableKey} routerPush={stay} routerReplace={stay}>
      <ClerkLoading>
        <GiveUpAfterTimeout />
      </ClerkLoading>
      <ClerkFailed>
        <ReportOffline />
      </ClerkFailed>
      <ClerkDegraded>
        <span>Sign-in is partly unavailable.</span>
      </ClerkDegraded>
      <ClerkLoaded>
        <SessionBridge />
      </ClerkLoaded>
    </ClerkProvider>
  );
}
