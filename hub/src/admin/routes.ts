import type { FastifyInstance } from 'fastify';
import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import { bearerUser } from '../lib/tokens.js';
import { sendError } from '../lib/http-errors.js';
import type { Budgets } from '../lib/budgets.js';
import type { Db } from '../store/db.js';
import { auditEntries } from './audit.js';
import { isAdmin, NOT_ADMIN } from './policy.js';

const ExportQuerySchema = z.strictObject({
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  actor: z.string().min(1).max(100).optional(),
  target: z.string().min(1).max(100).optional(),
});

export const AUDIT_CSV_COLUMNS = [
  'at',
  'actor',
  'actor_id',
  'action',
  'target_type',
  'target',
  'target_id',
  'before',
  'after',
];

/**
 * GET /api/admin/audit.csv: the audit log as a file for spreadsheets (UTF-8 with a byte-order
 * mark, so Excel reads 王小明 and Jānis right; ISO 8601 UTC times), for admins (bearer token).
 */
export function registerAdminRoutes(app: FastifyInstance, db: Db, budgets: Budgets) {
  app.get('/api/admin/audit.csv', async (request, reply) => {
    const user = await bearerUser(db, request.headers.authorization);
    if (!user)
      return sendError(
        reply,
        'unauthorized',
        'send an admin’s token: Authorization: Bearer <token>',
      );
    if (!isAdmin(user)) return sendError(reply, 'forbidden', NOT_ADMIN);
    // Unpaged: the whole log for the filters. Per user, as the socket events' budgets.
    const wait = await budgets.spend('audit.csv', user.id);
    if (wait !== null) {
      void reply.header('retry-after', wait);
      return sendError(reply, 'rate_limited', `too many exports: try again in ${wait} s`);
    }
    const parsed = ExportQuerySchema.safeParse(request.query);
    if (!parsed.success) return sendError(reply, 'bad_request', z.prettifyError(parsed.error));
    const { from, to, actor, target } = parsed.data;
    const entries = await auditEntries(db, { from, to, actorId: actor, targetId: target });
    const json = (v: unknown) => (v === null || v === undefined ? '' : JSON.stringify(v));
    const csv = stringify(
      entries.map((e) => [
        e.at,
        e.actorName ?? '',
        e.actorId ?? '',
        e.action,
        e.targetType,
        e.targetName ?? '',
        e.targetId ?? '',
        json(e.before),
        json(e.after),
      ]),
      { bom: true, header: true, columns: AUDIT_CSV_COLUMNS, record_delimiter: 'windows' },
    );
    const day = new Date().toISOString().slice(0, 10);
    request.log.info({ userId: user.id, entries: entries.length }, 'audit log exported');
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="sidecoach-audit-${day}.csv"`)
      .header('cache-control', 'no-store')
      .send(csv);
  });
}
