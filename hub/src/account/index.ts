import type { FastifyInstance } from 'fastify';
import { sessionRoom, type HubContext } from '../lib/context.js';
import type { RateLimits } from '../lib/rate-limits.js';
import { accountHandlers } from './handlers.js';
import { registerAccountRoutes } from './routes.js';
import type { PasswordCheck } from '../lib/password-gate.js';
import { CHANGE_ATTEMPTS } from './policy.js';

export interface StartAccountOptions {
  sessionHours: number;
  oneTimeCodeHours: number;
  baseUrl: () => string;
  rateLimits: RateLimits;
  passwordCheck: PasswordCheck;
}

/**
 * Passwords, one-time codes and devices: a first sign-in (or reset) with a code over HTTP, the
 * rest as socket events. A revoked session's sockets close on every node (the adapter relays).
 */
export function startAccount(ctx: HubContext, app: FastifyInstance, options: StartAccountOptions) {
  const disconnect = (sessionIds: string[]) => {
    for (const id of sessionIds) ctx.io.in(sessionRoom(id)).disconnectSockets(true);
  };
  registerAccountRoutes(app, {
    db: ctx.db,
    sessionHours: options.sessionHours,
    disconnect,
    passwordCheck: options.passwordCheck,
  });
  const handlers = accountHandlers(ctx, {
    oneTimeCodeHours: options.oneTimeCodeHours,
    baseUrl: options.baseUrl,
    changeAttempts: options.rateLimits.counter(
      'account:change-password',
      CHANGE_ATTEMPTS.max,
      CHANGE_ATTEMPTS.windowSeconds,
    ),
    changeAttemptsMax: CHANGE_ATTEMPTS.max,
    disconnect,
  });
  return { handlers };
}
