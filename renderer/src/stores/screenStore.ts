import { create } from 'zustand';

/** Which screen fills the window: the queue (with the open lecture beside it) or Settings. */
export type Screen = 'queue' | 'settings';

export interface ScreenState {
  screen: Screen;
  /** True once Settings has been closed, so the queue puts focus back on the button that opens it. */
  returnedFromSettings: boolean;
  openSettings(): void;
  /** Back to the queue, as Escape and the Back button do. */
  closeSettings(): void;
}

export const useScreenStore = create<ScreenState>()((set) => ({
  screen: 'queue',
  returnedFromSettings: false,
  openSettings: () => set({ screen: 'settings' }),
  closeSettings: () =>
    set((state) => (state.screen === 'settings' ? { screen: 'queue', returnedFromSettings: true } : {})),
}));
