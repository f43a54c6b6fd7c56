import { describe, expect, it } from 'vitest';
import type { Contract } from '../../shared/ipc/contract.ts';
import { createMemorySecretStore } from '../settings/secretStore.ts';
import { createSettingsStore } from '../settings/settingsStore.ts';
import { answerRequest, type IpcHandler, type SenderFacts, type TrustedRenderer } from './ipcCore.ts';
import { registerSettingsHandlers } from './settingsHandlers.ts';

const trusted: TrustedRenderer = { webContentsId: 1, appUrl: 'file:///app/out/renderer/index.html' };
const ourPage: SenderFacts = { webContentsId: 1, frameUrl: trusted.appUrl, isMainFrame: true };
const strangePage: SenderFacts = { webContentsId: 1, frameUrl: 'https://example.com/', isMainFrame: true };

function settingsRoutes() {
  const settings = createSettingsStore(null);
  const secrets = createMemorySecretStore();
  const routes = new Map<string, (raw: unknown, sender?: SenderFacts) => Promise<unknown>>();
  registerSettingsHandlers(
    <C extends Contract>(contract: C, handler: IpcHandler<C>) => {
      routes.set(contract.channel, (raw, sender = ourPage) => answerRequest(contract, handler, raw, sender, trusted));
    },
    { settings, secrets },
  );
  const call = (channel: string, raw?: unknown, sender?: SenderFacts) => routes.get(channel)!(raw, sender);
  return { call, settings, secrets };
}

describe('settings handlers', () => {
  it('saves a valid change and refuses a malformed one', async () => {
    const { call, settings } = settingsRoutes();
    expect(await call('settings:update', { theme: 'dark' })).toMatchObject({ ok: true, value: { theme: 'dark' } });
    const refused = await call('settings:update', { theme: 'purple' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await call('settings:update', { colour: 'dark' })).toMatchObject({ ok: false });
    expect(settings.get().theme).toBe('dark');
  });

  it('stores a secret without ever sending it back', async () => {
    const { call, secrets } = settingsRoutes();
    const answer = await call('secrets:set', { name: 'gemini.apiKey', value: 'AIza-very-secret' });
    expect(answer).toEqual({
      ok: true,
      value: { 's3.accessKeyId': false, 's3.secretAccessKey': false, 'gemini.apiKey': true },
    });
    expect(JSON.stringify(answer)).not.toContain('AIza-very-secret');
    expect(secrets.get('gemini.apiKey')).toBe('AIza-very-secret');
    await call('secrets:delete', { name: 'gemini.apiKey' });
    expect(secrets.has('gemini.apiKey')).toBe(false);
  });

  it('refuses requests from a page that is not ours', async () => {
    const { call, secrets } = settingsRoutes();
    const answer = await call('secrets:set', { name: 'gemini.apiKey', value: 'stolen' }, strangePage);
    expect(answer).toMatchObject({ ok: false });
    expect(secrets.has('gemini.apiKey')).toBe(false);
  });
});
