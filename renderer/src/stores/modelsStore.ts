import { create } from 'zustand';
import type { ModelDownloadProgress, SpeechModel } from '../../../shared/ipc/index.ts';

export interface ModelsState {
  models: SpeechModel[];
  /** Live progress of downloads in flight, by model name. */
  progress: Partial<Record<string, ModelDownloadProgress>>;
  /** The last thing that went wrong with a model, in the lecturer's words, by model name ('' for imports). */
  problems: Partial<Record<string, string>>;
  receiveModels(models: SpeechModel[]): void;
  receiveProgress(progress: ModelDownloadProgress): void;
  setProblem(name: string, message: string | null): void;
}

export const useModelsStore = create<ModelsState>()((set) => ({
  models: [],
  progress: {},
  problems: {},
  receiveModels: (models) =>
    set((state) => {
      // Progress of a download that is no longer running would stay frozen on screen.
      const running = new Set(models.filter((m) => m.downloading).map((m) => m.name));
      const progress = Object.fromEntries(Object.entries(state.progress).filter(([name]) => running.has(name)));
      return { models, progress };
    }),
  receiveProgress: (progress) => set((state) => ({ progress: { ...state.progress, [progress.name]: progress } })),
  setProblem: (name, message) =>
    set((state) => {
      const { [name]: _old, ...rest } = state.problems;
      return { problems: message === null ? rest : { ...rest, [name]: message } };
    }),
}));
