import { registeredAdminStore, useAdminView, type AdminStore, type AdminTab } from './view.js';

// Opening, closing and resetting the administration from outside its screens (the address, the
// session's features) without loading its store until it is opened.

const loadStore = async (): Promise<AdminStore> => {
  await import('./store.js');
  return registeredAdminStore()!;
};

/** Opens the administration (loading its store first when it is not yet). */
export function openAdminLazily(tab?: AdminTab): void {
  const store = registeredAdminStore();
  if (store) return store.openAdmin(tab);
  void loadStore().then((s) => s.openAdmin(tab));
}

export function closeAdminView(): void {
  const store = registeredAdminStore();
  if (store) store.closeAdmin();
  else useAdminView.setState({ open: false });
}

/** Signed out: closed, and the store's data dropped if it was ever loaded. */
export function resetAdmin(): void {
  useAdminView.setState({ open: false, tab: 'people' });
  registeredAdminStore()?.reset();
}

/** Reconnected: what is open reloads (the store is loaded once it is open). */
export function reloadOpenAdmin(): void {
  if (useAdminView.getState().open) void loadStore().then((s) => s.loadAdmin());
}
