import type { FastifyInstance } from 'fastify';
import type { Budgets } from '../lib/budgets.js';
import type { HubContext } from '../lib/context.js';
import { kpiHandlers, TeamRows } from './handlers.js';
import { linkCall } from './links.js';
import { registerKpiRoutes } from './routes.js';

/**
 * Contact-centre KPIs: the queue map and each team's settings, the team dashboard with its
 * drill-down and legs export, and the agent's own figures. The legs are written by the CTI
 * webhook (cti/queue-records.ts); a call the agent's sidebar starts with the PBX's id finds its
 * legs here (their Sidecoach call and its call type).
 */
export function startKpi(ctx: HubContext, app: FastifyInstance, options: { budgets: Budgets }) {
  registerKpiRoutes(app, ctx.db, options.budgets);
  ctx.bus.on('call:changed', (call, change) => {
    if (change !== 'status' || call.externalId === null) return;
    ctx.inbox
      .submit(linkCall(call))
      .catch((err: unknown) =>
        ctx.log.warn({ err, callId: call.id }, 'call not linked to its queue legs'),
      );
  });
  return { handlers: kpiHandlers(ctx, new TeamRows()) };
}
