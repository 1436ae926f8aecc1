import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Budgets } from '../lib/budgets.js';
import { pagedRows, sendCsvStream } from '../lib/csv-stream.js';
import { registerCsvExport } from '../lib/export-route.js';
import type { Db } from '../store/db.js';
import { auditCount, auditExportPage, type AuditFilter } from './audit.js';
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

const json = (v: unknown) => (v === null || v === undefined ? '' : JSON.stringify(v));

/**
 * GET /api/admin/audit.csv: the audit log as a file for spreadsheets (UTF-8 with a byte-order
 * mark, so Excel reads 王小明 and Jānis right; ISO 8601 UTC times), newest first, at most
 * AUDIT_EXPORT_MAX entries, for admins (bearer token). Streamed page by page (lib/csv-stream.ts).
 */
export function registerAdminRoutes(app: FastifyInstance, db: Db, budgets: Budgets) {
  registerCsvExport(app, db, budgets, {
    path: '/api/admin/audit.csv',
    budget: 'audit.csv',
    query: ExportQuerySchema,
    refuse: (user) => (isAdmin(user) ? null : NOT_ADMIN),
    send: async (_user, { from, to, actor, target }, reply) => {
      const filter: AuditFilter = { from, to, actorId: actor, targetId: target };
      const total = await auditCount(db, filter);
      return sendCsvStream(reply, {
        name: 'audit',
        header: AUDIT_CSV_COLUMNS,
        total,
        rows: (async function* () {
          let sent = 0;
          for await (const e of pagedRows(
            (after: readonly [string, string] | null, size) =>
              auditExportPage(db, filter, after, Math.min(size, total - sent)),
            (e): readonly [string, string] => [e.at, e.id],
          )) {
            if (sent >= total) return;
            sent++;
            yield [
              e.at,
              e.actorName,
              e.actorId,
              e.action,
              e.targetType,
              e.targetName,
              e.targetId,
              json(e.before),
              json(e.after),
            ];
          }
        })(),
      });
    },
  });
}
