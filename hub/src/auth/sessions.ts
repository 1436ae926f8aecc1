import type { Db } from '../store/db.js';
import { usernameIs } from '../lib/accounts.js';

/**
 * The password hash behind a username, disabled accounts included: sign-in verifies a password
 * before it refuses, so a refusal takes as long whatever the reason.
 */
export async function credentialsOf(db: Db, username: string) {
  return db
    .selectFrom('users')
    .select(['id', 'password_hash', 'disabled', 'break_glass', 'role'])
    .where(usernameIs(username))
    .executeTakeFirst();
}

// Created and revoked in lib/sessions.ts (one-time codes and devices need them too).
export { createSession, revokeSession } from '../lib/sessions.js';
