import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { usernameKey, type Role } from '@sidecoach/shared';
import { nowIso, type Db } from '../store/db.js';
import { hashPassword, unusableHash } from './passwords.js';
import type { Trx } from './jobs.js';

// Creating accounts and teams: the first admin (cli), the demo floor, tests and benchmarks.

/**
 * The `users` row a typed username names (in any query with `users`): by its key, so every
 * spelling of it finds the one account; an old account without a key only by its exact name.
 */
export function usernameIs(typed: string) {
  return sql<boolean>`(users.username_key = ${usernameKey(typed)} or (users.username_key is null and users.username = ${typed.trim()}))`;
}

export async function countUsers(db: Db): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  /** None: the account has no usable password until one is set (a one-time code). */
  password?: string;
  teamIds?: string[];
  /** Phone extension, for CTI call events. */
  extension?: string | null;
  /** The admin's default UI language for the user. */
  defaultLang?: string | null;
}

export async function createUser(db: Db, user: NewUser): Promise<string> {
  const id = randomUUID();
  const passwordHash = user.password === undefined ? undefined : await hashPassword(user.password);
  await db.transaction().execute((trx) => insertUser(trx, id, { ...user, passwordHash }));
  return id;
}

/** Writes a new user and their teams in the caller's transaction (admin changes audit with it). */
export async function insertUser(
  trx: Trx,
  id: string,
  user: Omit<NewUser, 'password'> & { passwordHash?: string | undefined },
): Promise<void> {
  await trx
    .insertInto('users')
    .values({
      id,
      username: user.username,
      username_key: usernameKey(user.username),
      display_name: user.displayName,
      role: user.role,
      password_hash: user.passwordHash ?? unusableHash(),
      created_at: nowIso(),
      extension: user.extension ?? null,
      default_lang: user.defaultLang ?? null,
    })
    .execute();
  for (const teamId of user.teamIds ?? []) {
    await trx.insertInto('team_members').values({ team_id: teamId, user_id: id }).execute();
  }
}

export async function createTeam(db: Db, id: string, name: string): Promise<void> {
  await db.insertInto('teams').values({ id, name, created_at: nowIso() }).execute();
}
