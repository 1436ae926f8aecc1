import { createHash } from 'node:crypto';
import { nowIso, type Db } from '../store/db.js';
import { loadProfile, type AuthUser } from './people.js';

// Session tokens, as sockets (handshake), sign-out and the QA import (bearer header) present them.

/** Only a hash of each token is stored: a copy of the database does not sign anyone in. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer ([A-Za-z0-9_-]{10,200})$/.exec(header ?? '');
  return match?.[1];
}

/** The user behind a token, or undefined when it is unknown, expired, revoked or disabled. */
export async function resolveToken(db: Db, token: string): Promise<AuthUser | undefined> {
  return (await resolveSession(db, token))?.user;
}

/** The user behind a live token and when its session ends (a socket is closed then). */
export async function resolveSession(
  db: Db,
  token: string,
): Promise<{ user: AuthUser; expiresAt: string } | undefined> {
  const session = await db
    .selectFrom('sessions')
    .select(['id', 'user_id', 'expires_at', 'revoked_at'])
    .where('token_hash', '=', tokenHash(token))
    .executeTakeFirst();
  if (!session || session.revoked_at !== null || session.expires_at <= nowIso()) return undefined;
  const profile = await loadProfile(db, session.user_id);
  return profile && { user: { ...profile, sessionId: session.id }, expiresAt: session.expires_at };
}

/** The user of a request's `Authorization: Bearer <token>` header, if it names a live session. */
export async function bearerUser(db: Db, header: string | undefined) {
  const token = bearerToken(header);
  return token ? resolveToken(db, token) : undefined;
}
