import type { AuthConfig } from '../../shared/ipc/auth.contract.ts';
import type { SettingsStore } from '../settings/settingsStore.ts';

const keyPattern = /^pk_(test|live)_([A-Za-z0-9+/=_-]+)$/;
const hostPattern = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

/**
 * The Frontend API origin a Clerk publishable key names: `pk_test_`/`pk_live_` followed by the base64 of
 * `<frontend-api-host>$` (how @clerk/shared's parsePublishableKey reads it). null for anything else, so a mistyped key
 * never widens the Content-Security-Policy to an arbitrary origin.
 */
export function clerkFrontendApi(publishableKey: string): string | null {
  const match = keyPattern.exec(publishableKey.trim());
  if (!match) return null;
  const decoded = Buffer.from(match[2]!, 'base64').toString('utf8');
  if (!decoded.endsWith('$')) return null;
  const host = decoded.slice(0, -1);
  return hostPattern.test(host) ? `https://${host.toLowerCase()}` : null;
}

/** The settings' key wins; else LECTERN_CLERK_PUBLISHABLE_KEY, for a media team deploying Lectern with one. */
export function resolveAuthConfig(settings: SettingsStore, env: NodeJS.ProcessEnv = process.env): AuthConfig {
  const { signIn } = settings.get();
  const key = signIn.clerkPublishableKey ?? env.LECTERN_CLERK_PUBLISHABLE_KEY?.trim() ?? null;
  const frontendApi = key ? clerkFrontendApi(key) : null;
  return {
    publishableKey: frontendApi ? key : null,
    frontendApi,
    requireSignInToPublish: signIn.requireSignInToPublish,
  };
}
