import type { Feature } from '../../hub/feature.js';
import { loadAdmin, useAdmin } from './store.js';

/** Administration: back online (or reconnected after a rights change), what is open reloads. */
export const adminFeature = {
  name: 'admin',
  reset: () => useAdmin.getState().reset(),
  connected(user) {
    if (user.role !== 'admin') return useAdmin.getState().reset();
    if (useAdmin.getState().open) void loadAdmin();
  },
} satisfies Feature;
