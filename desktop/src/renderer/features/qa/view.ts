import { create } from 'zustand';
import type { Evaluation, QaOpen } from '@sidecoach/shared';
import type { QaTab } from './access.js';

// Whether the Quality view is open, on which tab, and which call is being evaluated: all the
// rest of the sidebar (the coach nav, the session's features) needs of it. The stores (plans,
// queue, evaluations, the agent's own evaluations) load with their screens and register here.

export const useQaView = create<{
  open: boolean;
  tab: QaTab | null;
  /** The evaluation open over the tabs (from the queue, a list, a dispute). */
  evaluating: QaOpen | null;
}>()(() => ({ open: false, tab: null, evaluating: null }));

/** What a loaded QA store gives this module (it registers itself). */
export interface QaStore {
  /** The hub is back (or the user's rights changed): what is shown loads again. */
  reload(): void;
  /** An evaluation changed on the hub (`qa:changed`). */
  changed(evaluation: Evaluation): void;
  reset(): void;
}

const stores: { coach: QaStore | null; mine: QaStore | null } = { coach: null, mine: null };

export function registerQaStore(which: keyof typeof stores, store: QaStore): void {
  stores[which] = store;
}

/** The loaded stores (none before their screens were first shown). */
export const registeredQaStores = (): QaStore[] =>
  [stores.coach, stores.mine].filter((s): s is QaStore => s !== null);
