import type { Feature } from '../../hub/feature.js';
import { loadLanguageStats, useLanguageStats } from './store.js';

export const languageStatsFeature = {
  name: 'language-stats',
  reset: () => useLanguageStats.getState().reset(),
  // Opened while the hub was away (a reload, a bookmark) or cut off by a drop: loaded again.
  connected() {
    const { open, status } = useLanguageStats.getState();
    if (open && status === 'failed') void loadLanguageStats();
  },
} satisfies Feature;
