import { lazy, Suspense } from 'react';
import { lazyView } from '../../ui/lazy.js';

// The Quality view loads the first time a coach opens it; the agent's own evaluations load after
// the sidebar has shown (nothing is shown for them while they load: they sit low in the sidebar).
export const Quality = lazyView(() => import('./QualityView.js'), 'qa.loading');

const Mine = lazy(() => import('./MyEvaluations.js'));
export function MyEvaluations() {
  return (
    <Suspense fallback={null}>
      <Mine />
    </Suspense>
  );
}
