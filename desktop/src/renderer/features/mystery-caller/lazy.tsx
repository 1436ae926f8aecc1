import { lazyView } from '../../ui/lazy.js';

// A mystery caller's screens (board, report) and their store load after a caller signs in: no
// staff sidebar ever loads them, and the caller's page loads nothing of the staff's.
export const CallerApp = lazyView(() => import('./CallerApp.js'), 'mysteryCaller.loading');
