import { randomUUID } from 'node:crypto';
import type { Role } from '@sidecoach/shared';
import { nowIso, type Db } from '../store/db.js';
import { hashPassword } from './passwords.js';

// Creating accounts and teams: the first admin (cli), the demo floor, tests and benchmarks.

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
  password: string;
  teamIds?: string[];
  /** Phone extension, for CTI call events. */
  extension?: string;
}

export async function createUser(db: Db, user: NewUser): Promise<string> {
  const id = randomUUID();
  const passwordHash = await hashPassword(user.password);
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('users')
      .values({
        id,
        username: user.username,
        display_name: user.displayName,
        role: user.role,
        password_hash: passwordHash,
        created_at: nowIso(),
        extension: user.extension ?? null,
      })
      .execute();
    for (const teamId of user.teamIds ?? []) {
      await trx.insertInto('team_members').values({ team_id: teamId, user_id: id }).execute();
    }
  });
  return id;
}

export async function createTeam(db: Db, id: string, name: string): Promise<void> {
  await db.insertInto('teams').values({ id, name, created_at: nowIso() }).execute();
}
