import { saveSettings } from '../../ipc/settingsCommands.ts';
import { useSettingsStore } from '../../stores/settingsStore.ts';
import { CheckboxField } from './fields.tsx';

export function NotificationSettings() {
  const notify = useSettingsStore((s) => s.settings?.notifyWhenDone);
  const error = useSettingsStore((s) => s.errors.notifyWhenDone);
  if (notify === undefined) return null;
  return (
    <CheckboxField
      id="notify-when-done"
      label="Tell me when a lecture is finished"
      hint="A system notification, only while Lectern is in the background. Click it to see the lecture."
      checked={notify}
      onChange={(notifyWhenDone) => void saveSettings('notifyWhenDone', { notifyWhenDone })}
      error={error}
    />
  );
}
