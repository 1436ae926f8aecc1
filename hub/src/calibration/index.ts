import type { HubContext } from '../lib/context.js';
import { calibrationHandlers } from './handlers.js';

/**
 * Calibration: sessions where several people score one call blind on one scorecard version, the
 * reveal, benchmark answers with how each item is to be read (kept as the version's guidance),
 * and agreement figures per session and over time. Apart from evaluations: it never counts
 * toward the agent's results.
 */
export function startCalibration(ctx: HubContext) {
  return { handlers: calibrationHandlers(ctx) };
}
