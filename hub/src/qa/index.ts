import type { HubContext } from '../lib/context.js';
import { startDrawSweep } from './draw.js';
import { calibrationHandlers } from './calibration-handlers.js';
import { qaHandlers } from './handlers.js';

/**
 * Quality monitoring: QA plans per team and their seeded draws, the evaluators' queues,
 * evaluations (draft, submit, release), the agent's acknowledgement and disputes, the views.
 * Active plans' ended slots are drawn by a sweep every `sweepMs` (one at start for slots that
 * ended while the hub was down). Calibration sessions (several people scoring one call blind, the
 * reveal, benchmarks kept as the scorecard's guidance, agreement figures) are part of it, apart
 * from evaluations: they never count toward the agent's results.
 */
export function startQa(ctx: HubContext, options: { sweepMs: number }) {
  const sweep = startDrawSweep(ctx, options.sweepMs);
  const first = sweep
    .sweep()
    .catch((err: unknown) => ctx.log.warn({ err }, 'QA draw sweep failed'));
  return {
    handlers: qaHandlers(ctx),
    calibrationHandlers: calibrationHandlers(ctx),
    async stop() {
      await first;
      await sweep.stop();
    },
  };
}
