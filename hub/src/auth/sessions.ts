import { randomBytes, randomUUID } from 'node:crypto';
import { nowIso, type Db } from '../store/db.js';
import { tokenHash } from '../lib/tokens.js';

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
