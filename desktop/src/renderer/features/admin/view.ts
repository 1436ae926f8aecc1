import { create } from 'zustand';

// Whether the administration screens are open, and on which tab: all the rest of the sidebar
// (its address, the coaches' workspace) needs of them. The admin store itself (people, teams,
// import, audit, and the protocol schemas they use) loads with the screens, so an agent's
// sidebar never loads it.

export type AdminTab = 'people' | 'teams' | 'import' | 'audit';

export const useAdminView = create<{ open: boolean; tab: AdminTab }>()(() => ({
  open: false,
  tab: 'people',
}));

/** What the admin store gives this module once it is loaded (it registers itself). */
export interface AdminStore {
  openAdmin(tab?: AdminTab): void;
  closeAdmin(): void;
  loadAdmin(): Promise<void>;
  reset(): void;
}
let store: AdminStore | null = null;
export function registerAdminStore(loaded: AdminStore): void {
  store = loaded;
}

/** The admin store's functions, once it has loaded (null before). */
export const registeredAdminStore = (): AdminStore | null => store;
