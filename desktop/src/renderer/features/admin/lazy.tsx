import { lazyView } from '../../ui/lazy.js';

// The administration screens load the first time an admin opens them: nobody else loads them.
export const Admin = lazyView(() => import('./AdminView.js'), 'admin.loading');
