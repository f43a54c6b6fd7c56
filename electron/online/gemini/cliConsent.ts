import type { SettingsStore } from '../../settings/settingsStore.ts';

/**
 * `lectern process --engine gemini` (or `--analysis gemini`) with GEMINI_API_KEY set: naming Gemini on the command
 * line is the consent the app asks for in its notice. It holds for this run only and is never written to the
 * settings file, so the desktop app still shows its notice.
 */
export function withCliConsent(store: SettingsStore, now: () => Date = () => new Date()): SettingsStore {
  const consented = () => {
    const settings = store.get();
    if (settings.gemini.consentedAt) return settings;
    return { ...settings, gemini: { ...settings.gemini, consentedAt: now().toISOString() } };
  };
  return {
    get: consented,
    update: (patch) => {
      store.update(patch);
      return consented();
    },
    onChange: (listener) => store.onChange(() => listener(consented())),
  };
}
