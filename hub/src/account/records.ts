import type { DeviceSession } from '@sidecoach/shared';
import { nowIso, type Db } from '../store/db.js';
import { forUpdate } from '../store/dialect.js';
import type { Trx } from '../lib/jobs.js';
import { tokenHash } from '../lib/tokens.js';
import { usernameIs } from '../lib/accounts.js';

// The SQL of one-time codes, password changes and the user's signed-in devices.

/** A code as typed: neither case nor spaces and dashes matter. */
export function normalizeCode(typed: string): string {
  const plain = typed.toUpperCase().replace(/[\s-]+/g, '');
  const groups = plain.match(/.{1,4}/g) ?? [];
  return groups.join('-');
}

export interface AccountRow {
  id: string;
  username: string;
  displayName: string;
  disabled: boolean;
}

export async function accountOf(db: Db | Trx, userId: string): Promise<AccountRow | undefined> {
  const row = await db
    .selectFrom('users')
    .select(['id', 'username', 'display_name', 'disabled'])
    .where('id', '=', userId)
    .executeTakeFirst();
  return row && { ...row, displayName: row.display_name, disabled: row.disabled === 1 };
}

export async function passwordHashOf(db: Db, userId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('users')
    .select('password_hash')
    .where('id', '=', userId)
    .executeTakeFirst();
  return row?.password_hash;
}

export async function setPasswordHash(trx: Trx, userId: string, hash: string): Promise<void> {
  await trx.updateTable('users').set({ password_hash: hash }).where('id', '=', userId).execute();
}

// Issuing a code is in lib/ (mystery callers get their first one where they are made).
export { issueCode } from '../lib/one-time-codes.js';

/** A live code and the active user it is for. */
export interface LiveCode {
  id: string;
  codeHash: string;
  expiresAt: string;
  user: { id: string; username: string; displayName: string };
}

function liveCodes(db: Db | Trx) {
  return db
    .selectFrom('one_time_codes')
    .innerJoin('users', 'users.id', 'one_time_codes.user_id')
    .select([
      'one_time_codes.id',
      'one_time_codes.code_hash',
      'one_time_codes.expires_at',
      'users.id as user_id',
      'users.username',
      'users.display_name',
    ])
    .where('one_time_codes.ended_at', 'is', null)
    .where('one_time_codes.expires_at', '>', nowIso())
    .where('users.disabled', '=', 0);
}

type LiveRow = {
  id: string;
  code_hash: string;
  expires_at: string;
  user_id: string;
  username: string;
  display_name: string;
};
const toLive = (row: LiveRow | undefined): LiveCode | undefined =>
  row && {
    id: row.id,
    codeHash: row.code_hash,
    expiresAt: row.expires_at,
    user: { id: row.user_id, username: row.username, displayName: row.display_name },
  };

export async function liveCodeOfUsername(db: Db, username: string) {
  return toLive(await liveCodes(db).where(usernameIs(username)).executeTakeFirst());
}

export async function liveCodeOfToken(db: Db, token: string) {
  return toLive(
    await liveCodes(db)
      .where('one_time_codes.token_hash', '=', tokenHash(token))
      .executeTakeFirst(),
  );
}

/** The code is still live, locked until the transaction ends (two tabs using it at once). */
export async function lockLiveCode(trx: Trx, id: string): Promise<boolean> {
  const row = await forUpdate(trx, liveCodes(trx).where('one_time_codes.id', '=', id))
    .select('one_time_codes.attempts')
    .executeTakeFirst();
  return row !== undefined;
}

/** Counts a wrong code; the code ends once `cap` wrong ones were tried. True if it ended now. */
export async function countWrongCode(db: Db, id: string, cap: number): Promise<boolean> {
  const row = await db
    .updateTable('one_time_codes')
    .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
    .where('id', '=', id)
    .where('ended_at', 'is', null)
    .returning('attempts')
    .executeTakeFirst();
  if (!row || row.attempts < cap) return false;
  const ended = await db
    .updateTable('one_time_codes')
    .set({ ended_at: nowIso(), end_reason: 'attempts' })
    .where('id', '=', id)
    .where('ended_at', 'is', null)
    .executeTakeFirst();
  return Number(ended.numUpdatedRows) > 0;
}

export async function endCode(trx: Trx, id: string): Promise<void> {
  await trx
    .updateTable('one_time_codes')
    .set({ ended_at: nowIso(), end_reason: 'used' })
    .where('id', '=', id)
    .execute();
}

/** The user's live sessions: the asking one first, then the most recently seen. */
export async function sessionsOf(
  db: Db,
  userId: string,
  currentSessionId: string,
): Promise<DeviceSession[]> {
  const rows = await db
    .selectFrom('sessions')
    .select(['id', 'device', 'user_agent', 'ip', 'created_at', 'last_seen_at'])
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', nowIso())
    .orderBy('last_seen_at', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
  const sessions = rows.map((r) => ({
    id: r.id,
    device: r.device,
    userAgent: r.user_agent,
    address: r.ip,
    createdAt: r.created_at,
    lastSeenAt: r.last_seen_at ?? r.created_at,
    current: r.id === currentSessionId,
  }));
  return sessions.sort((a, b) => Number(b.current) - Number(a.current));
}

/** A live session of this user (not someone else's: a user signs out only their own). */
export async function ownLiveSession(db: Db, userId: string, sessionId: string) {
  return db
    .selectFrom('sessions')
    .select(['id', 'device'])
    .where('id', '=', sessionId)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
}
