import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultAppSettings } from '../../shared/domain/appSettings.ts';
import { scratchDir } from '../../test/support/lectern.ts';
import { createSettingsStore, settingsFile } from './settingsStore.ts';

const scratches: Array<{ cleanup(): void }> = [];
function folder(): string {
  const scratch = scratchDir('lectern-settings-');
  scratches.push(scratch);
  return scratch.dir;
}
afterEach(() => scratches.splice(0).forEach((s) => s.cleanup()));

describe('settings store', () => {
  it('starts from defaults and keeps a change across restarts', () => {
    const file = settingsFile(folder());
    expect(createSettingsStore(file).get()).toEqual(defaultAppSettings);
    createSettingsStore(file).update({ theme: 'dark', clips: { ...defaultAppSettings.clips, clipCount: 8 } });
    const reopened = createSettingsStore(file).get();
    expect(reopened.theme).toBe('dark');
    expect(reopened.clips.clipCount).toBe(8);
  });

  it('refuses an invalid change and keeps what was saved', () => {
    const file = settingsFile(folder());
    const store = createSettingsStore(file);
    store.update({ theme: 'light' });
    expect(() => store.update({ clips: { ...defaultAppSettings.clips, clipCount: 0 } })).toThrow();
    expect(createSettingsStore(file).get().theme).toBe('light');
    expect(store.get().clips.clipCount).toBe(5);
  });

  it('keeps an unreadable file aside instead of overwriting it', () => {
    const dir = folder();
    const file = settingsFile(dir);
    writeFileSync(file, '{ "theme": ');
    expect(createSettingsStore(file).get()).toEqual(defaultAppSettings);
    const kept = readdirSync(dir).filter((name) => name.startsWith('settings.json.broken-'));
    expect(kept).toHaveLength(1);
    expect(readFileSync(path.join(dir, kept[0] ?? ''), 'utf8')).toBe('{ "theme": ');
    expect(existsSync(file)).toBe(false);
  });

  it('tells listeners what is now in force', () => {
    const store = createSettingsStore(null);
    const seen: string[] = [];
    const stop = store.onChange((s) => seen.push(s.theme));
    store.update({ theme: 'dark' });
    stop();
    store.update({ theme: 'light' });
    expect(seen).toEqual(['dark']);
  });
});
