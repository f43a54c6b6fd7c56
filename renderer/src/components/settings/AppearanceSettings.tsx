import type { Theme } from '../../../../shared/domain/appSettings.ts';
import { saveSettings } from '../../ipc/settingsCommands.ts';
import { useSettingsStore } from '../../stores/settingsStore.ts';
import { ChoiceGroup, type Choice } from './fields.tsx';

const themeChoices: readonly Choice<Theme>[] = [
  { value: 'system', label: 'Same as the system' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

export function AppearanceSettings() {
  const theme = useSettingsStore((s) => s.settings?.theme);
  const error = useSettingsStore((s) => s.errors.theme);
  if (!theme) return null;
  return (
    <ChoiceGroup
      name="theme"
      legend="Theme"
      choices={themeChoices}
      value={theme}
      onChange={(next) => void saveSettings('theme', { theme: next })}
      error={error}
    />
  );
}
