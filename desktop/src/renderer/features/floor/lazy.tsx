import { lazyView } from '../../ui/lazy.js';

// Supervisors', leads' and quality managers' screens (the floor, observation with the language
// coach, feedback, reports) load after sign-in: an agent's sidebar never loads them.
export const CoachWorkspace = lazyView(
  async () => ({ default: (await import('./CoachWorkspace.js')).CoachWorkspace }),
  'app.loading',
);
