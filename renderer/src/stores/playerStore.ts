import { create } from 'zustand';

/** What the preview player is doing, for the time display, the buttons and the commands. */
export interface PlayerState {
  /** Seconds on the recording. */
  playhead: number;
  playing: boolean;
  /** J/K/L shuttle: 0 when stopped or playing normally by Space, ±1, ±2, ±4 otherwise; negative runs backwards. */
  shuttle: number;
  ready: boolean;
  update(patch: Partial<Omit<PlayerState, 'update'>>): void;
}

export const usePlayerStore = create<PlayerState>()((set) => ({
  playhead: 0,
  playing: false,
  shuttle: 0,
  ready: false,
  update: (patch) => set(patch),
}));
