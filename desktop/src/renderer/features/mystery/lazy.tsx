import { lazyView } from '../../ui/lazy.js';

// The mystery-call screens load the first time a quality manager opens them.
export const Mystery = lazyView(() => import('./MysteryView.js'), 'mystery.loading');
