import type { FastifyInstance } from 'fastify';
import type { ClientEventName, Role } from '@sidecoach/shared';
import type { Db } from '../store/db.js';
import { sendError } from './http-errors.js';
import { bearerUser } from './tokens.js';

// Mystery callers (role 'caller') are not staff: they see their own assignments and the board,
// and nothing else of the centre. Deny by default: an event or route added later is refused to
// them unless it is listed here, before any handler of it runs.

/** What a caller's socket may send: the board and their own work, their own account, the start. */
export const CALLER_EVENTS: ReadonlySet<ClientEventName> = new Set<ClientEventName>([
  // A minimal bootstrap: their profile (no teams), no calls (calls/handlers.ts).
  'session:bootstrap',
  'inbox:ack',
  'mystery:board',
  'mystery:claim',
  'mystery:open',
  'mystery:report',
  // Their own password, language and devices (not issue-code or sign-out-everywhere: those
  // act on another account and are an admin's).
  'account:sessions',
  'account:revoke-session',
  'account:change-password',
  'account:language',
]);

export const CALLER_REFUSED =
  'mystery callers see only their own assignments and the board: this is not open to them';

export const isCaller = (user: { role: Role }) => user.role === 'caller';

/** Whether a user of this role may send this event at all (every other role: the handlers decide). */
export function roleMaySend(role: Role, event: ClientEventName): boolean {
  return role !== 'caller' || CALLER_EVENTS.has(event);
}

/**
 * Routes a caller's token may reach: signing in and out, one-time codes and first passwords
 * (all under /api/auth/), and the web app's own files (the page and the static wildcard).
 */
function callerRoute(url: string | undefined): boolean {
  if (url === undefined) return false;
  return url === '/' || url === '/*' || url.startsWith('/api/auth/');
}

/**
 * Refuses every HTTP route but the auth and account routes and the web app's files to a request
 * that carries a caller's bearer token (the routes that take one read it themselves; this runs
 * first, so a route added later is closed to callers too).
 */
export function installCallerGate(app: FastifyInstance, db: Db): void {
  app.addHook('onRequest', async (request, reply) => {
    if (!request.headers.authorization) return;
    if (callerRoute(request.routeOptions.url)) return;
    const user = await bearerUser(db, request.headers.authorization);
    if (!user || !isCaller(user)) return;
    return sendError(reply, 'forbidden', CALLER_REFUSED);
  });
}
