import type { Feature } from '../../hub/feature.js';
import { reloadOpenAdmin, resetAdmin } from './lazy-store.js';

/**
 * Administration: back online (or reconnected after a rights change), what is open reloads.
 * Through view.ts: the admin store loads with the screens, not with the sidebar.
 */
export const adminFeature = {
  name: 'admin',
  reset: resetAdmin,
  connected(user) {
    if (user.role !== 'admin') return resetAdmin();
    reloadOpenAdmin();
  },
} satisfies Feature;
