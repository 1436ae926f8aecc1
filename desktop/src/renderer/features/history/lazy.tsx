import { lazy, Suspense } from 'react';
import type { CallRecord, StandardsPack } from '@sidecoach/shared';

// The agent's recent calls sit at the bottom of the sidebar: they load right after it has shown
// (nothing is shown for them while they load), as the agent's own feedback and evaluations do.
const Recent = lazy(async () => ({ default: (await import('./RecentCalls.js')).RecentCalls }));
export function RecentCalls(props: { calls: CallRecord[]; pack: StandardsPack }) {
  return (
    <Suspense fallback={null}>
      <Recent {...props} />
    </Suspense>
  );
}
