import { registeredScorecardStore, useScorecardView, type PublishedAt } from './view.js';

// Opening, closing and resetting the scorecard builder from outside its screen (the nav, the
// address, the session). Nothing here loads the builder's store: its screen does, when it is
// shown (and loads the active pack as it opens), so the sidebar's first load carries none of it.

export const openScorecardView = () => useScorecardView.setState({ open: true });
export const closeScorecardView = () => useScorecardView.setState({ open: false });

/** Signed out: closed, and the store's data dropped if it was ever loaded. */
export function resetScorecard(): void {
  useScorecardView.setState({ open: false });
  registeredScorecardStore()?.reset();
}

/** Reconnected: the open builder reads the active pack again (its draft stays). */
export function reloadOpenScorecard(): void {
  if (useScorecardView.getState().open) void registeredScorecardStore()?.loadScorecard();
}

/** A version or revision was published: a store that never loaded has nothing to update. */
export function scorecardPublished(at: PublishedAt): void {
  registeredScorecardStore()?.published(at);
}
