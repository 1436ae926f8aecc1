import type { HubContext } from '../lib/context.js';
import { mysteryHandlers } from './handlers.js';

/**
 * Mystery-call programmes: callers (a kind of account of their own, never staff), programmes
 * with their questionnaire, waves with a sampling plan and seeded assignments, the callers'
 * board, claims and reports (scored, matched to the agent's call by the caller's number), the
 * quality manager's review, results and their release to agents.
 */
export function startMystery(ctx: HubContext, options: { oneTimeCodeHours: number }) {
  return { handlers: mysteryHandlers(ctx, options) };
}
