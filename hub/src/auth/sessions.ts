import { randomBytes, randomUUID } from 'node:crypto';
import { nowIso, type Db } from '../store/db.js';
import { tokenHash } from '../lib/tokens.js';

/**
 * The password hash behind a username, disabled accounts included: sign-in verifies a password
 * before it refuses, so a refusal takes as long whatever the reason.
 */
export async function credentialsOf(db: Db, username: string) {
  return db
    .selectFrom('users')
    .select(['id', 'password_hash', 'disabled', 'break_glass'])
    .where('username', '=', username)
    .executeTakeFirst();
}

export async function createSession(db: Db, userId: string, hours: number) {
  const token = randomBytes(32).toString('base64url');
  const id = randomUUID();
  const expiresAt = new Date(Date.now() + hours * 3_600_000).toISOString();
  await db
    .insertInto('sessions')
    .values({
      id,
      token_hash: tokenHash(token),
      user_id: userId,
      created_at: nowIso(),
      expires_at: expiresAt,
      revoked_at: null,
    })
    .execute();
  return { id, token, expiresAt };
}

export async function revokeSession(db: Db, sessionId: string): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ revoked_at: nowIso() })
    .where('id', '=', sessionId)
    .execute();
}
