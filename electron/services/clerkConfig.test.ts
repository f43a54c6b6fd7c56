import { describe, expect, it } from 'vitest';
import { createSettingsStore } from '../settings/settingsStore.ts';
import { clerkFrontendApi, resolveAuthConfig } from './clerkConfig.ts';

const keyFor = (host: string, kind = 'test') => `pk_${kind}_${Buffer.from(`${host}$`).toString('base64')}`;

describe('the Clerk Frontend API named by a publishable key', () => {
  it('decodes pk_test_ and pk_live_ keys', () => {
    expect(clerkFrontendApi(keyFor('witty-owl-12.clerk.accounts.dev'))).toBe('https://witty-owl-12.clerk.accounts.dev');
    expect(clerkFrontendApi(keyFor('clerk.example.edu', 'live'))).toBe('https://clerk.example.edu');
  });

  it('refuses anything that is not a well-formed key for a host name', () => {
    expect(clerkFrontendApi('sk_test_abc')).toBeNull();
    expect(clerkFrontendApi(`pk_test_${Buffer.from('clerk.example.edu').toString('base64')}`)).toBeNull();
    expect(clerkFrontendApi(keyFor('evil.example.com/path'))).toBeNull();
    expect(clerkFrontendApi(keyFor("x.com 'unsafe-eval'"))).toBeNull();
  });

  it('takes the key from settings first, then LECTERN_CLERK_PUBLISHABLE_KEY', () => {
    const settings = createSettingsStore(null);
    expect(resolveAuthConfig(settings, {})).toEqual({
      publishableKey: null,
      frontendApi: null,
      requireSignInToPublish: false,
    });
    const fromEnv = keyFor('env.clerk.accounts.dev');
    expect(resolveAuthConfig(settings, { LECTERN_CLERK_PUBLISHABLE_KEY: fromEnv }).frontendApi).toBe(
      'https://env.clerk.accounts.dev',
    );
    settings.update({ signIn: { clerkPublishableKey: keyFor('clerk.example.edu'), requireSignInToPublish: true } });
    expect(resolveAuthConfig(settings, { LECTERN_CLERK_PUBLISHABLE_KEY: fromEnv })).toMatchObject({
      frontendApi: 'https://clerk.example.edu',
      requireSignInToPublish: true,
    });
  });
});
