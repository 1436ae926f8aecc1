import { randomUUID } from 'node:crypto';
import type { Db } from '../store/db.js';
import { nowIso } from '../store/db.js';
import type { Trx } from './jobs.js';

// The audit log: one writer for every administrative change, so each is recorded the same way
// and, passed the change's own transaction, stored with it or not at all.

export interface AuditEntry {
  /** The admin who made the change; null when the hub did (a scheduled team move). */
  actorId: string | null;
  /** `area.verb`: "user.create", "team.move", "password.reset-issued", "sso.break-glass". */
  action: string;
  targetType:
    | 'user'
    | 'team'
    | 'membership'
    | 'session'
    | 'import'
    | 'hub'
    | 'scorecard'
    | 'calibration'
    | 'mystery'
    | 'recognition'
    /** A PBX queue (its name) mapped to a team for the KPIs. */
    | 'queue';
  targetId: string | null;
  /** The target before and after the change (omit what is secret: hashes, codes, tokens). */
  before?: unknown;
  after?: unknown;
  ip?: string | null;
}

const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));

/** Records one change. Pass the change's transaction: the entry commits with it or not at all. */
export async function recordAudit(db: Db | Trx, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      id: randomUUID(),
      at: nowIso(),
      actor_id: entry.actorId,
      action: entry.action,
      target_type: entry.targetType,
      target_id: entry.targetId,
      before: json(entry.before),
      after: json(entry.after),
      ip: entry.ip ?? null,
    })
    .execute();
}
