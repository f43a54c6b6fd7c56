import { secretNames } from '../../shared/domain/appSettings.ts';
import { settingsContracts, type SecretStatus } from '../../shared/ipc/settings.contract.ts';
import type { SecretStore } from '../settings/secretStore.ts';
import type { SettingsStore } from '../settings/settingsStore.ts';
import type { RegisterHandler } from './ipcCore.ts';

export function secretStatus(secrets: SecretStore): SecretStatus {
  return Object.fromEntries(secretNames.map((name) => [name, secrets.has(name)])) as SecretStatus;
}

/** The settings screen's requests: straight calls into the stores, which validate and persist. */
export function registerSettingsHandlers(
  register: RegisterHandler,
  stores: { settings: SettingsStore; secrets: SecretStore },
): void {
  const { settings, secrets } = stores;
  register(settingsContracts.get, () => settings.get());
  register(settingsContracts.update, (patch) => settings.update(patch));
  register(settingsContracts.secretStatus, () => secretStatus(secrets));
  register(settingsContracts.setSecret, ({ name, value }) => {
    secrets.set(name, value);
    return secretStatus(secrets);
  });
  register(settingsContracts.deleteSecret, ({ name }) => {
    secrets.delete(name);
    return secretStatus(secrets);
  });
}
