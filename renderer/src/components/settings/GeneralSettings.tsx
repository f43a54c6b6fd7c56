import { chooseOutputFolder, saveSettings } from '../../ipc/settingsCommands.ts';
import { useSettingsStore } from '../../stores/settingsStore.ts';
import { FieldError } from './fields.tsx';

/** Where clips go: the lecturer's own folder, or Lectern's (inside its data folder). */
export function GeneralSettings() {
  const clips = useSettingsStore((s) => s.settings?.clips);
  const fallback = useSettingsStore((s) => s.defaultOutputFolder);
  const error = useSettingsStore((s) => s.errors.outputFolder);
  if (!clips) return null;
  const chosen = clips.outputFolder;
  return (
    <div className="settings-field">
      <span id="output-folder-label" className="settings-field__label">
        Output folder
      </span>
      <p className="settings-field__hint" id="output-folder-hint">
        Each lecture gets its own folder inside, with its clips, subtitles and exports.
      </p>
      <output
        className="settings-path"
        aria-labelledby="output-folder-label"
        aria-describedby="output-folder-hint"
        data-testid="output-folder"
      >
        {chosen ?? fallback ?? 'Lectern’s own folder'}
        {chosen === null && <span className="settings-path__note"> (default)</span>}
      </output>
      <div className="settings-field__actions">
        <button type="button" onClick={() => void chooseOutputFolder()}>
          Choose folder…
        </button>
        <button
          type="button"
          className="button--quiet"
          disabled={chosen === null}
          onClick={() => void saveSettings('outputFolder', { clips: { ...clips, outputFolder: null } })}
        >
          Reset to default
        </button>
      </div>
      <FieldError id="output-folder-error" message={error} />
    </div>
  );
}
