import type { FastifyInstance } from 'fastify';
import type { HubContext } from '../lib/context.js';
import { reflectionHandlers } from './handlers.js';
import { registerQaRoutes, scoreEarlierImports } from './qa.js';

/**
 * Reflective coaching: the lead prepares a session from every channel's evidence (the agent's
 * self-assessments, supervisors' observations, QA, customers' surveys), runs it live with the
 * agent, both sign off, and agreed actions follow the agent. QA results arrive over HTTP.
 */
export async function startReflection(ctx: HubContext, app: FastifyInstance) {
  registerQaRoutes(app, ctx);
  await scoreEarlierImports(ctx);
  return { handlers: reflectionHandlers(ctx) };
}
