import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { ErrorCode } from '@sidecoach/shared';
import type { Db } from '../store/db.js';
import type { BudgetName, Budgets } from './budgets.js';
import { sendError } from './http-errors.js';
import type { AuthUser } from './people.js';
import { periodRange } from './period.js';
import { bearerUser } from './tokens.js';

// The frame of every streamed CSV export (GET /api/<capability>/<table>.csv): the bearer token
// (401), who may export at all (403, before anything is read), the user's budget (429 with
// Retry-After), the query (400), then the capability's own scope checks and its rows (sent with
// lib/csv-stream.ts's sendCsvStream). The same order on every route, so a client reads one kind
// of refusal whatever it asked.

/** A refusal an export answers instead of its file. */
export interface ExportRefusal {
  code: ErrorCode;
  message: string;
}

export const refuse = (code: ErrorCode, message: string) => ({ refused: { code, message } });

export function registerCsvExport<S extends z.ZodType>(
  app: FastifyInstance,
  db: Db,
  budgets: Budgets,
  route: {
    path: string;
    budget: BudgetName;
    query: S;
    /** Why this user may not export this at all (their role), else null. */
    refuse: (user: AuthUser) => string | null;
    /** Sends the file (sendCsvStream), or answers why this query is refused to this user. */
    send: (
      user: AuthUser,
      query: z.output<S>,
      reply: FastifyReply,
    ) => Promise<FastifyReply | { refused: ExportRefusal }>;
  },
) {
  app.get(route.path, async (request, reply) => {
    const user = await bearerUser(db, request.headers.authorization);
    if (!user)
      return sendError(
        reply,
        'unauthorized',
        'send your session’s token: Authorization: Bearer <token>',
      );
    const refused = route.refuse(user);
    if (refused) return sendError(reply, 'forbidden', refused);
    // Each export reads a whole table for its filters: per user, as the socket events' budgets.
    const wait = await budgets.spend(route.budget, user.id);
    if (wait !== null) {
      void reply.header('retry-after', wait);
      return sendError(reply, 'rate_limited', `too many exports: try again in ${wait} s`);
    }
    const parsed = route.query.safeParse(request.query);
    if (!parsed.success) return sendError(reply, 'bad_request', z.prettifyError(parsed.error));
    const sent = await route.send(user, parsed.data, reply);
    if ('refused' in sent) return sendError(reply, sent.refused.code, sent.refused.message);
    request.log.info({ userId: user.id, path: route.path }, 'table exported');
    return sent;
  });
}

/** A team's, wave's or other record's id in an export's query. */
export const IdSchema = z.string().min(1).max(64);

const DAY = /^\d{4}-\d\d-\d\d$/;

/**
 * A bound of an exported period: a day of the hub's calendar (YYYY-MM-DD, as the socket events'
 * custom periods: `to` included), or an instant with its offset (ISO 8601: `to` excluded).
 */
const BoundSchema = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

/** `from` and `to` of an export's query, both required, at most `maxDays` apart. */
export function periodQuery<T extends z.ZodRawShape>(shape: T, maxDays: number) {
  return z.strictObject({ ...shape, from: BoundSchema, to: BoundSchema }).transform((q, ctx) => {
    const { from, to } = q as { from: string; to: string };
    const range = exportRange(from, to);
    if (range.from >= range.to)
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'to is not after from' });
    else if ((Date.parse(range.to) - Date.parse(range.from)) / 86_400_000 > maxDays + 1)
      ctx.addIssue({ code: 'custom', path: ['to'], message: `at most ${maxDays} days` });
    return { ...q, range };
  });
}

/**
 * The instants an export covers, ISO 8601 UTC, `to` excluded and never past now (a row written
 * while the file streams is not half in it).
 */
export function exportRange(from: string, to: string, now = new Date()) {
  const start = DAY.test(from)
    ? periodRange({ days: 1, from, to: from }, new Date(8.64e15)).from
    : new Date(from).toISOString();
  const end = DAY.test(to)
    ? periodRange({ days: 1, from: to, to }, new Date(8.64e15)).to
    : new Date(to).toISOString();
  return { from: start, to: end < now.toISOString() ? end : now.toISOString() };
}
