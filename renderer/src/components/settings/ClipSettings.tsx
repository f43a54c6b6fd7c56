import type { ClipDefaults } from '../../../../shared/domain/appSettings.ts';
import type { Aspect, SubtitleMode, SubtitleStyle } from '../../../../shared/domain/clip.ts';
import { saveSettings } from '../../ipc/settingsCommands.ts';
import { useSettingsStore, type SettingsField } from '../../stores/settingsStore.ts';
import { CheckboxField, ChoiceGroup, NumberField, type Choice } from './fields.tsx';
import { clipCountProblem, clipCountRange, clipLengthProblems, clipSecondsRange } from './validation.ts';

const aspectChoices: readonly Choice<Aspect>[] = [
  { value: 'original', label: 'As recorded', hint: 'the recording’s own shape' },
  { value: '9:16', label: 'Vertical 9:16', hint: 'Shorts, Reels, TikTok' },
  { value: '1:1', label: 'Square 1:1', hint: 'feeds' },
];

const subtitleChoices: readonly Choice<SubtitleMode>[] = [
  { value: 'burn', label: 'Burnt into the picture', hint: 'always visible' },
  { value: 'soft', label: 'As a track viewers can turn on' },
  { value: 'none', label: 'No subtitles in the video', hint: 'the .srt and .vtt files are still written' },
];

const sizeChoices: readonly Choice<SubtitleStyle['size']>[] = [
  { value: 'small', label: 'Small' },
  { value: 'medium', label: 'Medium' },
  { value: 'large', label: 'Large' },
];

const positionChoices: readonly Choice<SubtitleStyle['position']>[] = [
  { value: 'bottom', label: 'Bottom' },
  { value: 'top', label: 'Top', hint: 'when slides have text at the bottom' },
];

/** Defaults for new lectures; a lecture already in the queue keeps the settings it was added with. */
export function ClipSettings() {
  const clips = useSettingsStore((s) => s.settings?.clips);
  const errors = useSettingsStore((s) => s.errors);
  if (!clips) return null;
  const save = (field: SettingsField, change: Partial<ClipDefaults>) =>
    void saveSettings(field, { clips: { ...clips, ...change } });
  const { minSec, maxSec } = clips.clipLength;
  const burnt = clips.render.subtitles === 'burn';
  return (
    <>
      <p className="settings-section__intro">These apply to lectures you add from now on.</p>
      <NumberField
        id="clip-count"
        label="Clips per lecture"
        value={clips.clipCount}
        min={clipCountRange.min}
        max={clipCountRange.max}
        check={clipCountProblem}
        commit={(clipCount) => save('clipCount', { clipCount })}
        saveError={errors.clipCount}
      />
      <div className="settings-row">
        <NumberField
          id="clip-min"
          label="Shortest clip"
          unit="seconds"
          value={minSec}
          min={clipSecondsRange.min}
          max={clipSecondsRange.max}
          check={(value) => clipLengthProblems(value, maxSec).min ?? null}
          commit={(value) => save('clipMinSec', { clipLength: { minSec: value, maxSec } })}
          saveError={errors.clipMinSec}
        />
        <NumberField
          id="clip-max"
          label="Longest clip"
          unit="seconds"
          value={maxSec}
          min={clipSecondsRange.min}
          max={clipSecondsRange.max}
          check={(value) => clipLengthProblems(minSec, value).max ?? null}
          commit={(value) => save('clipMaxSec', { clipLength: { minSec, maxSec: value } })}
          saveError={errors.clipMaxSec}
        />
      </div>
      <ChoiceGroup
        name="aspect"
        legend="Shape"
        choices={aspectChoices}
        value={clips.render.aspect}
        onChange={(aspect) => save('render', { render: { ...clips.render, aspect } })}
        description="Vertical and square clips are cropped around the slides or the lecturer."
        error={errors.render}
      />
      <ChoiceGroup
        name="subtitles"
        legend="Subtitles"
        choices={subtitleChoices}
        value={clips.render.subtitles}
        onChange={(subtitles) => save('render', { render: { ...clips.render, subtitles } })}
      />
      <div className="settings-row">
        <ChoiceGroup
          name="subtitle-size"
          legend="Subtitle size"
          choices={sizeChoices}
          value={clips.subtitleStyle.size}
          disabled={!burnt}
          onChange={(size) => save('subtitleStyle', { subtitleStyle: { ...clips.subtitleStyle, size } })}
        />
        <ChoiceGroup
          name="subtitle-position"
          legend="Subtitle position"
          choices={positionChoices}
          value={clips.subtitleStyle.position}
          disabled={!burnt}
          onChange={(position) => save('subtitleStyle', { subtitleStyle: { ...clips.subtitleStyle, position } })}
          error={errors.subtitleStyle}
        />
      </div>
      {!burnt && (
        <p className="settings-field__hint">Size and position apply to burnt-in subtitles; players style the others.</p>
      )}
      <CheckboxField
        id="loudnorm"
        label="Even out loudness"
        hint="Every clip plays at the same volume (EBU R128, −16 LUFS)."
        checked={clips.render.loudnorm}
        onChange={(loudnorm) => save('render', { render: { ...clips.render, loudnorm } })}
      />
    </>
  );
}
