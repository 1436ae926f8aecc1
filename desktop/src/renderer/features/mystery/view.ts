import { create } from 'zustand';
import type { MysteryAssignment } from '@sidecoach/shared';

// Whether the mystery-call screens are open, and where in them: the address's path after
// `#/mystery/` (programmes, a wave, callers, reports to review), read by the screens themselves.
// All the rest of the sidebar (the address, the coach nav) needs only this; the screens' store
// loads with them and registers here.

export const useMysteryView = create<{ open: boolean; path: string[] }>()(() => ({
  open: false,
  path: [],
}));

export const openMystery = (path: string[] = []) => useMysteryView.setState({ open: true, path });
export const closeMystery = () => useMysteryView.setState({ open: false });

/** What the loaded store gives this module. */
export interface MysteryStore {
  /** The hub is back: what is shown loads again. */
  reload(): void;
  /** An assignment changed on the hub (`mystery:changed`). */
  changed(assignment: MysteryAssignment): void;
  reset(): void;
}
let store: MysteryStore | null = null;
export const registerMysteryStore = (loaded: MysteryStore) => {
  store = loaded;
};
export const registeredMysteryStore = () => store;
