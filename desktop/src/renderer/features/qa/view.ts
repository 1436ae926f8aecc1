import { create } from 'zustand';
import type { CalibrationSession, Evaluation, QaOpen } from '@sidecoach/shared';
import type { QaTab } from './access.js';

// Whether the Quality view is open, on which tab, which call is being evaluated and which
// calibration session is shown: all the rest of the sidebar (the coach nav, the address, the
// session's features) needs of it. The stores (plans, queue, evaluations, the agent's own
// evaluations, calibration) load with their screens and register here.

export const useQaView = create<{
  open: boolean;
  tab: QaTab | null;
  /** The evaluation open over the tabs (from the queue, a list, a dispute). */
  evaluating: QaOpen | null;
  /** The calibration session shown on its tab (null: the list). */
  calibration: string | null;
}>()(() => ({ open: false, tab: null, evaluating: null, calibration: null }));

/** What a loaded QA store gives this module (it registers itself). */
export interface QaStore {
  /** The hub is back (or the user's rights changed): what is shown loads again. */
  reload(): void;
  /** An evaluation changed on the hub (`qa:changed`). */
  changed?(evaluation: Evaluation): void;
  /** A calibration session changed on the hub (`calibration:changed`). */
  calibrationChanged?(session: CalibrationSession): void;
  reset(): void;
}

const stores: Record<'coach' | 'mine' | 'calibration', QaStore | null> = {
  coach: null,
  mine: null,
  calibration: null,
};

export function registerQaStore(which: keyof typeof stores, store: QaStore): void {
  stores[which] = store;
}

/** The loaded stores (none before their screens were first shown). */
export const registeredQaStores = (): QaStore[] =>
  Object.values(stores).filter((s): s is QaStore => s !== null);
