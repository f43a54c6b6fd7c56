import { create } from 'zustand';
import type { AppSettings } from '../../../shared/domain/appSettings.ts';

/** A field of the settings screen that can be wrong on its own; its error is shown beside it. */
export type SettingsField =
  'outputFolder' | 'clipCount' | 'clipMinSec' | 'clipMaxSec' | 'render' | 'subtitleStyle' | 'theme' | 'notifyWhenDone';

export interface SettingsState {
  /** null until the main process has answered. */
  settings: AppSettings | null;
  /** Where Lectern puts clips when no folder is chosen (`<data folder>/output`), for the General section. */
  defaultOutputFolder: string | null;
  errors: Partial<Record<SettingsField, string>>;
  receiveSettings(settings: AppSettings): void;
  receiveDefaultOutputFolder(folder: string): void;
  setError(field: SettingsField, message: string | null): void;
}

export const useSettingsStore = create<SettingsState>()((set) => ({
  settings: null,
  defaultOutputFolder: null,
  errors: {},
  receiveSettings: (settings) => set({ settings }),
  receiveDefaultOutputFolder: (folder) => set({ defaultOutputFolder: folder }),
  setError: (field, message) =>
    set((state) => {
      const { [field]: _old, ...rest } = state.errors;
      return { errors: message === null ? rest : { ...rest, [field]: message } };
    }),
}));
