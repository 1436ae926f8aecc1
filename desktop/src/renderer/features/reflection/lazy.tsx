import { lazyView } from '../../ui/lazy.js';

// The session views load when first opened: the agent's sidebar starts no bigger for them.
export const Reflection = lazyView(() => import('./ReflectionView.js'), 'reflection.loading');
