import type { Feature } from '../../hub/feature.js';
import { useLanguageStats } from './store.js';

export const languageStatsFeature = {
  name: 'language-stats',
  reset: () => useLanguageStats.getState().reset(),
} satisfies Feature;
