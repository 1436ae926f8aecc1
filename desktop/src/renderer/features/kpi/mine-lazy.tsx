import { lazy, Suspense } from 'react';
import { useSession } from '../../hub/session-store.js';

// The agent's own figures sit low in the sidebar and load after it has shown. An agent whose
// team coaches on behaviours, not scores never loads them, nor asks the hub for them.
const Mine = lazy(() => import('./MyFigures.js'));
export function MyFigures() {
  const shown = useSession(
    (s) => s.session?.user.role === 'agent' && !s.session.user.behavioursOnly,
  );
  return shown ? (
    <Suspense fallback={null}>
      <Mine />
    </Suspense>
  ) : null;
}
