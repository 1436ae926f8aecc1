import type { QaTab } from './access.js';
import { registeredQaStores, useQaView } from './view.js';

// Opening and closing the Quality view from outside its screens (the coach nav) without loading
// its store until it is opened; the store loads what the tab shows once it is there.

/** Opens the view on a tab (the one shown last when none is given), or on a calibration session. */
export function openQaLazily(tab?: QaTab, calibration: string | null = null): void {
  useQaView.setState((s) => ({ open: true, tab: tab ?? s.tab, evaluating: null, calibration }));
}

export function closeQaView(): void {
  useQaView.setState({ open: false, evaluating: null, calibration: null });
}

/** Signed out: closed, and every loaded store's data dropped. */
export function resetQa(): void {
  useQaView.setState({ open: false, tab: null, evaluating: null, calibration: null });
  for (const store of registeredQaStores()) store.reset();
}
