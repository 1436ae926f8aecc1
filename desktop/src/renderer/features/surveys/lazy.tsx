import { lazy, Suspense } from 'react';

// The agent's own customers' answers sit low in the sidebar: they load after it has shown
// (nothing is shown for them while they load), as the agent's own evaluations do.
const Mine = lazy(async () => ({ default: (await import('./MyFeedback.js')).MyFeedback }));
export function MyFeedback() {
  return (
    <Suspense fallback={null}>
      <Mine />
    </Suspense>
  );
}
