import { fail } from '@sidecoach/shared';
import { handlers } from '../lib/handlers.js';
import type { HubContext } from '../lib/context.js';

// TEMPORARY (branch qa-base only, never on main): the scorecard builder's handlers.
const pending = () => Promise.resolve(fail('internal', 'not built yet'));

export function scorecardHandlers(_ctx: HubContext) {
  return handlers(() => ({
    'scorecard:get': pending,
    'scorecard:publish': pending,
    'scorecard:import': pending,
    'scorecard:export': pending,
  }));
}
