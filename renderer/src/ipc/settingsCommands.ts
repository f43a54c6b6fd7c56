import type { AppSettings, AppSettingsPatch } from '../../../shared/domain/appSettings.ts';
import type { LecternApi } from '../../../shared/ipc/index.ts';
import { applyTheme } from '../theme.ts';
import { useJobViewStore } from '../stores/jobViewStore.ts';
import { useScreenStore } from '../stores/screenStore.ts';
import { useSettingsStore, type SettingsField } from '../stores/settingsStore.ts';
import { lecternApi } from './api.ts';

function receive(settings: AppSettings): void {
  useSettingsStore.getState().receiveSettings(settings);
  applyTheme(settings.theme);
}

/**
 * The settings in force, the menu's "Settings…", and a notification's "show this lecture": subscribed once for the
 * whole window, before asking, so a change made meanwhile is not missed. Returns the disposer for unmount.
 */
export function subscribeToSettings(api: LecternApi<File>): () => void {
  const stops = [
    api.on('settings:changed', receive),
    api.on('app:openSettings', () => useScreenStore.getState().openSettings()),
    api.on('app:showJob', ({ id }) => {
      useScreenStore.getState().closeSettings();
      useJobViewStore.getState().openJob(id);
    }),
  ];
  let disposed = false;
  void api.invoke('settings:get').then((result) => {
    if (!disposed && result.ok) receive(result.value);
  });
  void api.invoke('app:info').then((result) => {
    if (!disposed && result.ok) {
      useSettingsStore.getState().receiveDefaultOutputFolder(joinPath(result.value.dataDir, 'output'));
    }
  });
  return () => {
    disposed = true;
    for (const stop of stops) stop();
  };
}

/** The data folder's own separator, so a Windows path reads as one. */
function joinPath(folder: string, name: string): string {
  const separator = folder.includes('\\') && !folder.includes('/') ? '\\' : '/';
  return `${folder.replace(/[\\/]+$/, '')}${separator}${name}`;
}

/**
 * Saves one field's change. What the main process refuses is shown beside that field, in its words; the screen
 * keeps showing the settings in force.
 */
export async function saveSettings(field: SettingsField, patch: AppSettingsPatch): Promise<boolean> {
  const { setError, settings: before } = useSettingsStore.getState();
  // Shown at once, so a radio button or checkbox (controlled by the store) does not spring back while saving.
  if (before) receive(withPatch(before, patch));
  const result = await lecternApi().invoke('settings:update', patch);
  if (!result.ok) {
    if (before) receive(before);
    setError(field, plainRefusal(result.error.message));
    return false;
  }
  setError(field, null);
  receive(result.value);
  return true;
}

function withPatch(settings: AppSettings, patch: AppSettingsPatch): AppSettings {
  const sections = Object.entries(patch).filter(([, value]) => value !== undefined);
  return { ...settings, ...Object.fromEntries(sections) };
}

/**
 * The handler's refusal of malformed input names the channel and the zod path ("✖ … → at clips.clipCount"); beside
 * a field, only the reason reads well.
 */
export function plainRefusal(message: string): string {
  const reasons = message
    .replace(/^Lectern refused a malformed "[^"]+" request:\s*/, '')
    .split('\n')
    .map((line) => line.replace(/^\s*✖\s*/, '').trim())
    .filter((line) => line !== '' && !line.startsWith('→'));
  const text = reasons.join(' ');
  return text === '' ? message : text.charAt(0).toUpperCase() + text.slice(1);
}

/** General ▸ Output folder ▸ Choose…: the native picker, opened where the clips go now. */
export async function chooseOutputFolder(): Promise<void> {
  const { settings, defaultOutputFolder, setError } = useSettingsStore.getState();
  if (!settings) return;
  const answer = await lecternApi().invoke('app:chooseFolder', {
    title: 'Where should Lectern save clips?',
    defaultPath: settings.clips.outputFolder ?? defaultOutputFolder,
  });
  if (!answer.ok) {
    setError('outputFolder', answer.error.message);
    return;
  }
  if (answer.value.path === null) return;
  await saveSettings('outputFolder', { clips: { ...settings.clips, outputFolder: answer.value.path } });
}
