import { fail } from '@sidecoach/shared';
import type { HubContext } from '../lib/context.js';
import { handlers } from '../lib/handlers.js';

// CONTRACT PLACEHOLDER (base branch only): replaced by the recognition capability before it lands.
export function startRecognition(_ctx: HubContext) {
  const todo = () => Promise.resolve(fail('unavailable', 'recognition is not built yet'));
  return {
    handlers: handlers(() => ({
      'recognition:shoutout': todo,
      'recognition:wall': todo,
      'recognition:mine': todo,
      'recognition:summary': todo,
    })),
  };
}
