import {
  registeredScorecardStore,
  useScorecardView,
  type PublishedAt,
  type ScorecardStore,
} from './view.js';

// Opening, closing and resetting the scorecard builder from outside its screen (the nav, the
// address, the session) without loading its store until it is opened.

const loadStore = async (): Promise<ScorecardStore> => {
  await import('./store.js');
  return registeredScorecardStore()!;
};

/** Opens the builder (loading its store first when it is not yet). */
export function openScorecardLazily(): void {
  const store = registeredScorecardStore();
  if (store) return store.openScorecard();
  useScorecardView.setState({ open: true });
  void loadStore().then((s) => s.openScorecard());
}

export function closeScorecardView(): void {
  const store = registeredScorecardStore();
  if (store) store.closeScorecard();
  else useScorecardView.setState({ open: false });
}

/** Signed out: closed, and the store's data dropped if it was ever loaded. */
export function resetScorecard(): void {
  useScorecardView.setState({ open: false });
  registeredScorecardStore()?.reset();
}

/** Reconnected: the open builder reads the active pack again (its draft stays). */
export function reloadOpenScorecard(): void {
  if (useScorecardView.getState().open) void loadStore().then((s) => s.loadScorecard());
}

/** A version or revision was published: a store that never loaded has nothing to update. */
export function scorecardPublished(at: PublishedAt): void {
  registeredScorecardStore()?.published(at);
}
