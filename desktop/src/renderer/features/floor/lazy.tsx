import { lazyView } from '../../ui/lazy.js';

// Supervisors', leads' and quality managers' screens (the floor, observation with the language
// coach, feedback, reports) load after sign-in: an agent's sidebar never loads them.
export const CoachWorkspace = lazyView(
  () => import('./CoachWorkspace.js').then((m) => ({ default: m.CoachWorkspace })),
  'app.loading',
);
