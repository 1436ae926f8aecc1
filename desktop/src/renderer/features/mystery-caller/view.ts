import { create } from 'zustand';
import type { MysteryAssignment } from '@sidecoach/shared';

// Which of a mystery caller's screens is up (the board, or one call's report): all the rest of
// the app (its address, the session's features) needs of the caller's app. The caller store
// (board, report, and what they need of the protocol) loads with the screens and registers here,
// so a staff member's sidebar never loads it.

export const useCallerView = create<{
  /** The assignment whose report is open (null: the board). */
  assignmentId: string | null;
}>()(() => ({ assignmentId: null }));

export const openCallerReport = (assignmentId: string): void =>
  useCallerView.setState({ assignmentId });
export const closeCallerReport = (): void => useCallerView.setState({ assignmentId: null });

/** What the loaded caller store gives this module (it registers itself). */
export interface CallerStore {
  /** Back online: the board, and the report on screen, load again. */
  reload(): void;
  /** An assignment of the caller's, or one on their board, changed (`mystery:changed`). */
  changed(assignment: MysteryAssignment): void;
  /** A wave was launched with calls the caller may claim (`mystery:wave-open`): how many. */
  waveOpened(opened: { waveId: string; calls: number }): void;
  reset(): void;
}

const loaded: { store: CallerStore | null } = { store: null };

export function registerCallerStore(store: CallerStore): void {
  loaded.store = store;
}

/** The caller store's functions, once it has loaded (null before). */
export const registeredCallerStore = (): CallerStore | null => loaded.store;
