import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  appSettingsPatchSchema,
  appSettingsSchema,
  defaultAppSettings,
  type AppSettings,
  type AppSettingsPatch,
} from '../../shared/domain/appSettings.ts';

export interface SettingsStore {
  get(): AppSettings;
  /** Replaces the given sections, validates the result, saves it, and returns what is now in force. */
  update(patch: AppSettingsPatch): AppSettings;
  onChange(listener: (settings: AppSettings) => void): () => void;
}

export function settingsFile(dataDir: string): string {
  return path.join(dataDir, 'settings.json');
}

/**
 * Settings as a JSON file in the data folder, so a media team can deploy one and a lecturer can read it. A file that
 * does not parse is kept aside (`settings.json.broken-<time>`) rather than overwritten, and defaults are used.
 */
export function createSettingsStore(file: string | null): SettingsStore {
  const listeners = new Set<(settings: AppSettings) => void>();
  let current = file ? load(file) : defaultAppSettings;
  return {
    get: () => current,
    update(patch) {
      const next = appSettingsSchema.parse({ ...current, ...appSettingsPatchSchema.parse(patch) });
      if (file) save(file, next);
      current = next;
      listeners.forEach((listener) => listener(next));
      return next;
    },
    onChange(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}

function load(file: string): AppSettings {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return defaultAppSettings;
  }
  try {
    return appSettingsSchema.parse(JSON.parse(text));
  } catch {
    renameSync(file, `${file}.broken-${Date.now()}`);
    return defaultAppSettings;
  }
}

function save(file: string, settings: AppSettings): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    writeFileSync(temporary, `${JSON.stringify(settings, null, 2)}\n`, { mode: 0o600 });
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
