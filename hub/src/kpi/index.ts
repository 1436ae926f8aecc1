import { fail } from '@sidecoach/shared';
import type { HubContext } from '../lib/context.js';
import { handlers } from '../lib/handlers.js';

// CONTRACT PLACEHOLDER (base branch only): replaced by the KPI capability before it lands.
export function startKpi(_ctx: HubContext) {
  const todo = () => Promise.resolve(fail('unavailable', 'KPIs are not built yet'));
  return {
    handlers: handlers(() => ({
      'kpi:setup': todo,
      'kpi:queue-save': todo,
      'kpi:settings-save': todo,
      'kpi:dashboard': todo,
      'kpi:drill': todo,
      'kpi:mine': todo,
    })),
  };
}
