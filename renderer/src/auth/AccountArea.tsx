import { lazy, Suspense, useEffect, useState } from 'react';
import { loadAuthConfig, useAuthStore } from './authStore.ts';
import '../components/online/online.css';

// Clerk's React code is its own chunk, fetched (from the app itself) only when an institution configured a key.
const ClerkIsland = lazy(() => import('./ClerkIsland.tsx').then((module) => ({ default: module.ClerkIsland })));

function useOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);
  return online;
}

const statusText = {
  checking: null,
  unconfigured: null,
  connecting: 'Connecting to sign-in…',
  'signed-in': null,
  'signed-out': 'Not signed in',
  offline: 'Offline: sign-in unavailable',
} as const;

/**
 * The header's sign-in area. Only with an institution's publishable key is Clerk loaded at all; without a network
 * it is not even tried, and when it cannot be reached the area says so while the rest of the app works as ever.
 */
export function AccountArea() {
  useEffect(() => void loadAuthConfig(), []);
  const config = useAuthStore((s) => s.config);
  const status = useAuthStore((s) => s.status);
  const user = useAuthStore((s) => s.user);
  const setStatus = useAuthStore((s) => s.setStatus);
  const online = useOnline();
  const key = config?.publishableKey ?? null;

  useEffect(() => {
    if (key && !online) setStatus('offline');
    if (key && online) setStatus('connecting');
  }, [key, online, setStatus]);

  if (!key) return null;
  const text = status === 'signed-in' ? `Signed in as ${user?.name ?? user?.email ?? 'you'}` : statusText[status];
  return (
    <div className="account-area" role="status" aria-label="Sign-in">
      {text && <span>{text}</span>}
      {online && (
        <Suspense fallback={null}>
          <ClerkIsland publishableKey={key} />
        </Suspense>
      )}
    </div>
  );
}
