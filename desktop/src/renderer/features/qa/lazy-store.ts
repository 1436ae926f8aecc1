import type { QaTab } from './access.js';
import { registeredQaStores, useQaView } from './view.js';

// Opening and closing the Quality view from outside its screens (the coach nav) without loading
// its store until it is opened; the store loads what the tab shows once it is there.

export function openQaLazily(tab?: QaTab): void {
  useQaView.setState((s) => ({ open: true, tab: tab ?? s.tab, evaluating: null }));
}

export function closeQaView(): void {
  useQaView.setState({ open: false, evaluating: null });
}

/** Signed out: closed, and every loaded store's data dropped. */
export function resetQa(): void {
  useQaView.setState({ open: false, tab: null, evaluating: null });
  for (const store of registeredQaStores()) store.reset();
}
