import { fail } from '@sidecoach/shared';
import { handlers } from '../lib/handlers.js';
import type { HubContext } from '../lib/context.js';

// TEMPORARY (branch qa-base only, never on main): the QA workflow's handlers are being written.
const pending = () => Promise.resolve(fail('internal', 'not built yet'));

export function qaHandlers(_ctx: HubContext) {
  return handlers(() => ({
    'qa:plans': pending,
    'qa:plan-save': pending,
    'qa:draw': pending,
    'qa:queue': pending,
    'qa:flag': pending,
    'qa:open': pending,
    'qa:save': pending,
    'qa:release': pending,
    'qa:mine': pending,
    'qa:ack': pending,
    'qa:dispute': pending,
    'qa:resolve': pending,
    'qa:disputes': pending,
    'qa:list': pending,
    'qa:evaluators': pending,
  }));
}
