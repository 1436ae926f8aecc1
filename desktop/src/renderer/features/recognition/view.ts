import { create } from 'zustand';
import type { RecognitionMessage } from '@sidecoach/shared';

// What the first screen knows of recognition: whether its screens (the team wall, the monthly
// summary) are open, and badges and shout-outs that arrived before the store loaded. The store
// loads with the agent's list and the screens, and registers here.

export type RecognitionTab = 'wall' | 'summary';

interface ViewState {
  open: RecognitionTab | null;
  /** From the inbox, waiting for the store (a few at most: it loads right after sign-in). */
  early: RecognitionMessage[];
}

export const useRecognitionView = create<ViewState>()(() => ({ open: null, early: [] }));

export const openRecognition = (tab: RecognitionTab = 'wall') =>
  useRecognitionView.setState({ open: tab });
export const closeRecognition = () => useRecognitionView.setState({ open: null });

/** What the loaded store gives this module. */
export interface RecognitionStore {
  received(message: RecognitionMessage): void;
  /** The hub is back, or the profile changed: what is shown loads again. */
  reload(): void;
  reset(): void;
}
let store: RecognitionStore | null = null;
export const registeredRecognitionStore = () => store;
export function registerRecognitionStore(loaded: RecognitionStore) {
  store = loaded;
  const { early } = useRecognitionView.getState();
  useRecognitionView.setState({ early: [] });
  for (const message of early) loaded.received(message);
}

/** A badge or shout-out from the inbox: to the store, or kept until it loads. */
export function recognitionArrived(message: RecognitionMessage) {
  if (store) return store.received(message);
  useRecognitionView.setState((s) => ({ early: [...s.early, message].slice(-50) }));
}
