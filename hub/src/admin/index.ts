import type { FastifyInstance } from 'fastify';
import type { HubContext } from '../lib/context.js';
import type { Budgets } from '../lib/budgets.js';
import { adminHandlers } from './handlers.js';
import { startMoveSweep } from './jobs.js';
import { registerAdminRoutes } from './routes.js';

/**
 * Administration: people, teams and shifts, moves, permissions, the HR import, the audit log.
 * Future-dated moves are applied by a sweep every `sweepMs` (one at start for those that fell
 * due while the hub was down).
 */
export async function startAdmin(
  ctx: HubContext,
  app: FastifyInstance,
  options: { sweepMs: number; budgets: Budgets },
) {
  registerAdminRoutes(app, ctx.db, options.budgets);
  const sweep = startMoveSweep(ctx, options.sweepMs);
  await sweep.sweep().catch((err: unknown) => ctx.log.warn({ err }, 'team move sweep failed'));
  // New teams an import names take the hub's zone until the admin sets theirs.
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  return { handlers: adminHandlers(ctx, { zone }), stop: () => sweep.stop() };
}
