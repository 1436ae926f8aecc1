import { create } from 'zustand';

// Whether the scorecard builder is open: all the rest of the sidebar (its address, the coaches'
// workspace, the nav) needs of it. The builder's store (the pack being edited, the schema check,
// the preview) loads with its screen, so nobody else's sidebar loads it.

export const useScorecardView = create<{ open: boolean }>()(() => ({ open: false }));

/** A scorecard version and revision (what the hub announced as published). */
// A type, not an interface: it is handed to `t()` as the values of a message.
export type PublishedAt = { version: number; revision: number };

/** What the builder's store gives this module once it is loaded (it registers itself). */
export interface ScorecardStore {
  loadScorecard(): Promise<void>;
  /** The hub said a version or revision was published (by this manager or another). */
  published(at: PublishedAt): void;
  reset(): void;
}
let store: ScorecardStore | null = null;
export function registerScorecardStore(loaded: ScorecardStore): void {
  store = loaded;
}

/** The builder store's functions, once it has loaded (null before). */
export const registeredScorecardStore = (): ScorecardStore | null => store;
