import type { AuditPage, AuditRecord } from '@sidecoach/shared';
import type { Db } from '../store/db.js';

// Reading the audit log (lib/audit.ts writes it): newest first, filtered, paged by a cursor of
// (time, id) so a page never repeats or skips an entry written meanwhile.

export interface AuditFilter {
  from?: string | undefined;
  to?: string | undefined;
  actorId?: string | undefined;
  targetId?: string | undefined;
}

const parse = (text: string | null): unknown => (text === null ? null : JSON.parse(text));

function query(db: Db, filter: AuditFilter) {
  let q = db
    .selectFrom('audit_log')
    .leftJoin('users as actor', 'actor.id', 'audit_log.actor_id')
    .leftJoin('users as tu', 'tu.id', 'audit_log.target_id')
    .leftJoin('teams as tt', 'tt.id', 'audit_log.target_id')
    .selectAll('audit_log')
    .select([
      'actor.display_name as actor_name',
      'tu.display_name as user_name',
      'tt.name as team_name',
    ]);
  if (filter.from) q = q.where('audit_log.at', '>=', new Date(filter.from).toISOString());
  if (filter.to) q = q.where('audit_log.at', '<', new Date(filter.to).toISOString());
  if (filter.actorId) q = q.where('audit_log.actor_id', '=', filter.actorId);
  if (filter.targetId) q = q.where('audit_log.target_id', '=', filter.targetId);
  return q.orderBy('audit_log.at', 'desc').orderBy('audit_log.id', 'desc');
}

type Row = Awaited<ReturnType<ReturnType<typeof query>['execute']>>[number];

const toRecord = (r: Row): AuditRecord => ({
  id: r.id,
  at: r.at,
  actorId: r.actor_id,
  actorName: r.actor_name,
  action: r.action,
  targetType: r.target_type,
  targetId: r.target_id,
  targetName: r.user_name ?? r.team_name ?? null,
  before: parse(r.before),
  after: parse(r.after),
});

export async function auditPage(
  db: Db,
  filter: AuditFilter & { cursor?: string | undefined; limit: number },
): Promise<AuditPage> {
  let q = query(db, filter);
  if (filter.cursor) {
    const [at, id] = filter.cursor.split('|');
    q = q.where((eb) =>
      eb.or([
        eb('audit_log.at', '<', at ?? ''),
        eb.and([eb('audit_log.at', '=', at ?? ''), eb('audit_log.id', '<', id ?? '')]),
      ]),
    );
  }
  const rows = await q.limit(filter.limit + 1).execute();
  const page = rows.slice(0, filter.limit);
  const last = page[page.length - 1];
  return {
    entries: page.map(toRecord),
    next: rows.length > filter.limit && last ? `${last.at}|${last.id}` : null,
  };
}

/** The most one export holds (the admin narrows the dates for more). */
export const AUDIT_EXPORT_MAX = 100_000;

/** How many entries the filters hold (the export's row count, at most AUDIT_EXPORT_MAX). */
export async function auditCount(db: Db, filter: AuditFilter): Promise<number> {
  const row = await query(db, filter)
    .clearSelect()
    .clearOrderBy()
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  return Math.min(Number(row.n), AUDIT_EXPORT_MAX);
}

/** A page of the export, newest first, after the entry (at, id) `after`. */
export async function auditExportPage(
  db: Db,
  filter: AuditFilter,
  after: readonly [string, string] | null,
  size: number,
): Promise<AuditRecord[]> {
  let q = query(db, filter);
  if (after)
    q = q.where((eb) =>
      eb.or([
        eb('audit_log.at', '<', after[0]),
        eb.and([eb('audit_log.at', '=', after[0]), eb('audit_log.id', '<', after[1])]),
      ]),
    );
  return (await q.limit(size).execute()).map(toRecord);
}
