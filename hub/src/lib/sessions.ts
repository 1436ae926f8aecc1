import { randomBytes, randomUUID } from 'node:crypto';
import { nowIso, type Db } from '../store/db.js';
import type { Trx } from './jobs.js';
import { tokenHash } from './tokens.js';

// Sessions: created at sign-in (password, one-time code, single sign-on), listed as the user's
// devices, revoked by sign-out, a password change or an admin.

/** Where a sign-in came from, as the user's list of devices shows it. */
export interface SessionOrigin {
  device?: string | undefined;
  userAgent?: string | undefined;
  ip?: string | undefined;
}

const USER_AGENT_MAX = 300;

export async function createSession(
  db: Db | Trx,
  userId: string,
  hours: number,
  origin: SessionOrigin = {},
) {
  const token = randomBytes(32).toString('base64url');
  const id = randomUUID();
  const now = nowIso();
  const expiresAt = new Date(Date.now() + hours * 3_600_000).toISOString();
  await db
    .insertInto('sessions')
    .values({
      id,
      token_hash: tokenHash(token),
      user_id: userId,
      created_at: now,
      expires_at: expiresAt,
      revoked_at: null,
      device: origin.device ?? null,
      user_agent: origin.userAgent?.slice(0, USER_AGENT_MAX) ?? null,
      ip: origin.ip ?? null,
      last_seen_at: now,
    })
    .execute();
  return { id, token, expiresAt };
}

export async function revokeSession(db: Db | Trx, sessionId: string): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ revoked_at: nowIso() })
    .where('id', '=', sessionId)
    .where('revoked_at', 'is', null)
    .execute();
}

/** Revokes every live session of a user (but one, if given); answers the ids revoked. */
export async function revokeUserSessions(
  db: Db | Trx,
  userId: string,
  except?: string,
): Promise<string[]> {
  let query = db
    .updateTable('sessions')
    .set({ revoked_at: nowIso() })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null);
  if (except) query = query.where('id', '!=', except);
  const rows = await query.returning('id').execute();
  return rows.map((r) => r.id);
}

/** How stale a session's last-seen time may be: a reconnecting sidebar writes once a minute. */
export const LAST_SEEN_EVERY_MS = 60_000;

/** Marks a session seen now, unless it was within the last minute (one write, or none). */
export async function touchSession(db: Db, sessionId: string): Promise<void> {
  const now = nowIso();
  const before = new Date(Date.now() - LAST_SEEN_EVERY_MS).toISOString();
  await db
    .updateTable('sessions')
    .set({ last_seen_at: now })
    .where('id', '=', sessionId)
    .where((eb) => eb.or([eb('last_seen_at', 'is', null), eb('last_seen_at', '<', before)]))
    .execute();
}
