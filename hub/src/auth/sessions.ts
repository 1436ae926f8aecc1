import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { nowIso, type Db } from '../store/db.js';
import type { AuthUser } from './users.js';
import { loadProfile } from './users.js';

// Only a hash of each token is stored: a copy of the database does not sign anyone in.
function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
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

/** The user behind a token, or undefined when it is unknown, expired, revoked or disabled. */
export async function resolveToken(db: Db, token: string): Promise<AuthUser | undefined> {
  const session = await db
    .selectFrom('sessions')
    .select(['id', 'user_id', 'expires_at', 'revoked_at'])
    .where('token_hash', '=', tokenHash(token))
    .executeTakeFirst();
  if (!session || session.revoked_at !== null || session.expires_at <= nowIso()) return undefined;
  const profile = await loadProfile(db, session.user_id);
  return profile && { ...profile, sessionId: session.id };
}

export async function revokeSession(db: Db, sessionId: string): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ revoked_at: nowIso() })
    .where('id', '=', sessionId)
    .execute();
}
