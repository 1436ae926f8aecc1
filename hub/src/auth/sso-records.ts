import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Insertable } from 'kysely';
import { usernameKey, type Role } from '@sidecoach/shared';
import { nowIso, type Db } from '../store/db.js';
import type { SsoLoginsTable } from '../store/schema.js';
import type { Trx } from '../lib/jobs.js';
import { recordAudit } from '../lib/audit.js';
import { unusableHash } from '../lib/passwords.js';
import { tokenHash } from '../lib/tokens.js';
import { usernameIs } from '../lib/accounts.js';

// The SQL of single sign-on: sign-ins on their way through the provider, the one-time codes
// handed to the sidebar, and people at the provider linked to users.

/** How long a sign-in may stay at the provider (typing a password, a second factor). */
export const LOGIN_TTL_MS = 10 * 60_000;
/** How long the sidebar has to exchange its one-time code. */
export const CODE_TTL_MS = 60_000;

const later = (ms: number) => new Date(Date.now() + ms).toISOString();

export type PendingLogin = Omit<Insertable<SsoLoginsTable>, 'created_at' | 'expires_at'>;

export async function savePendingLogin(db: Db, login: PendingLogin): Promise<void> {
  await db
    .insertInto('sso_logins')
    .values({ ...login, created_at: nowIso(), expires_at: later(LOGIN_TTL_MS) })
    .execute();
}

/**
 * Takes the sign-in the provider sent back (deleted: a replayed callback finds nothing), and
 * clears others that expired. `expired` when it was there but too old.
 */
export async function takePendingLogin(db: Db, state: string) {
  const now = nowIso();
  const row = await db
    .deleteFrom('sso_logins')
    .where('state', '=', state)
    .returningAll()
    .executeTakeFirst();
  await db.deleteFrom('sso_logins').where('expires_at', '<=', now).execute();
  if (!row) return undefined;
  return { ...row, expired: row.expires_at <= now };
}

/** BASE64URL(SHA-256(verifier)): the S256 challenge of RFC 7636. */
export const s256 = (verifier: string) => createHash('sha256').update(verifier).digest('base64url');

/** A one-time code for the user, exchanged only with the verifier of `challenge`. */
export async function issueCode(db: Db | Trx, userId: string, challenge: string) {
  const code = randomBytes(32).toString('base64url');
  await db
    .insertInto('sso_codes')
    .values({
      code_hash: tokenHash(code),
      user_id: userId,
      client_challenge: challenge,
      created_at: nowIso(),
      expires_at: later(CODE_TTL_MS),
      used_at: null,
    })
    .execute();
  return code;
}

/**
 * Uses a one-time code: the user it was issued for, or undefined when it is unknown, used,
 * expired or the verifier does not match (the code is spent all the same: one try).
 */
export async function redeemCode(db: Db, code: string, verifier: string) {
  const now = nowIso();
  const row = await db
    .updateTable('sso_codes')
    .set({ used_at: now })
    .where('code_hash', '=', tokenHash(code))
    .where('used_at', 'is', null)
    .returning(['user_id', 'client_challenge', 'expires_at'])
    .executeTakeFirst();
  await db.deleteFrom('sso_codes').where('expires_at', '<=', later(-3_600_000)).execute();
  if (!row || row.expires_at <= now) return undefined;
  const expected = Buffer.from(row.client_challenge);
  const given = Buffer.from(s256(verifier));
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
  return row.user_id;
}

/** A person as the provider described them, after the library validated the response. */
export interface ProviderPerson {
  issuer: string;
  subject: string;
  /** The value of the match claim (a username), when the provider sent it. */
  username: string | undefined;
  displayName: string | undefined;
  /** What their groups give (null: no mapping, or none of their groups is mapped). */
  access: { role: Role | null; teamIds: string[] } | null;
}

export interface LinkOptions {
  createUsers: boolean;
  defaultRole: Role;
  ip: string;
}

export type LinkResult =
  | {
      ok: true;
      userId: string;
      created: boolean;
      linked: boolean;
      /** The group mapping changed the role or teams of an existing user. */
      accessChanged: boolean;
      missingTeams: string[];
    }
  | { ok: false; reason: 'disabled' | 'unknown_user'; userId?: string };

/**
 * Finds the user of a person at the provider, in one transaction: by the linked issuer and
 * subject; else, once, by the match claim to a username not linked at this issuer yet (then
 * linked); else created when allowed. Group mapping then sets role and teams. Every change is
 * audited with the hub as actor, the sign-in with the user.
 */
export async function linkPerson(
  db: Db,
  person: ProviderPerson,
  options: LinkOptions,
): Promise<LinkResult> {
  return db.transaction().execute(async (trx): Promise<LinkResult> => {
    const ip = options.ip;
    let userId = (
      await trx
        .selectFrom('user_identities')
        .select('user_id')
        .where('issuer', '=', person.issuer)
        .where('subject', '=', person.subject)
        .executeTakeFirst()
    )?.user_id;
    let created = false;
    let linked = false;
    if (!userId && person.username) {
      // Only a user nobody at this provider is linked to yet: a linked user whose email or
      // username someone else now carries is never taken over by it. Never a mystery caller:
      // callers are not staff, and the provider's groups would put them in teams.
      const candidate = await trx
        .selectFrom('users')
        .select('id')
        .where(usernameIs(person.username))
        .where('role', '!=', 'caller')
        .where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom('user_identities')
                .select('user_id')
                .whereRef('user_identities.user_id', '=', 'users.id')
                .where('user_identities.issuer', '=', person.issuer),
            ),
          ),
        )
        .executeTakeFirst();
      const taken = await trx
        .selectFrom('users')
        .select('id')
        .where(usernameIs(person.username))
        .executeTakeFirst();
      if (candidate) {
        userId = candidate.id;
        linked = true;
      } else if (!taken && options.createUsers) {
        userId = randomUUID();
        created = true;
        linked = true;
        const user = {
          id: userId,
          username: person.username,
          username_key: usernameKey(person.username),
          display_name: person.displayName ?? person.username,
          role: person.access?.role ?? options.defaultRole,
          password_hash: unusableHash(),
          created_at: nowIso(),
        };
        await trx.insertInto('users').values(user).execute();
        await recordAudit(trx, {
          actorId: null,
          action: 'sso.user-create',
          targetType: 'user',
          targetId: userId,
          after: { username: user.username, displayName: user.display_name, role: user.role },
          ip,
        });
      }
    }
    if (!userId) return { ok: false, reason: 'unknown_user' };
    const user = await trx
      .selectFrom('users')
      .select(['role', 'disabled'])
      .where('id', '=', userId)
      .executeTakeFirstOrThrow();
    if (user.disabled) return { ok: false, reason: 'disabled', userId };
    if (linked) {
      await trx
        .insertInto('user_identities')
        .values({
          issuer: person.issuer,
          subject: person.subject,
          user_id: userId,
          linked_at: nowIso(),
        })
        .execute();
      await recordAudit(trx, {
        actorId: null,
        action: 'sso.link',
        targetType: 'user',
        targetId: userId,
        after: { issuer: person.issuer, subject: person.subject },
        ip,
      });
    }
    const applied = person.access
      ? await applyAccess(trx, userId, user.role, person.access, ip)
      : { missing: [], changed: false };
    await recordAudit(trx, {
      actorId: userId,
      action: 'sso.sign-in',
      targetType: 'user',
      targetId: userId,
      after: { issuer: person.issuer },
      ip,
    });
    return {
      ok: true,
      userId,
      created,
      linked,
      accessChanged: applied.changed && !created,
      missingTeams: applied.missing,
    };
  });
}

/**
 * Sets the role and team memberships the person's mapped groups give (teams that do not exist
 * are skipped and returned); audits each change with the hub as actor.
 */
async function applyAccess(
  trx: Trx,
  userId: string,
  role: Role,
  access: { role: Role | null; teamIds: string[] },
  ip: string,
): Promise<{ missing: string[]; changed: boolean }> {
  const roleChanged = access.role !== null && access.role !== role;
  if (access.role && roleChanged) {
    await trx.updateTable('users').set({ role: access.role }).where('id', '=', userId).execute();
    await recordAudit(trx, {
      actorId: null,
      action: 'sso.role-change',
      targetType: 'user',
      targetId: userId,
      before: { role },
      after: { role: access.role },
      ip,
    });
  }
  const existing =
    access.teamIds.length === 0
      ? []
      : (
          await trx.selectFrom('teams').select('id').where('id', 'in', access.teamIds).execute()
        ).map((t) => t.id);
  const missing = access.teamIds.filter((t) => !existing.includes(t));
  const current = (
    await trx.selectFrom('team_members').select('team_id').where('user_id', '=', userId).execute()
  ).map((m) => m.team_id);
  const added = existing.filter((t) => !current.includes(t));
  const removed = current.filter((t) => !existing.includes(t));
  for (const teamId of added)
    await trx.insertInto('team_members').values({ team_id: teamId, user_id: userId }).execute();
  if (removed.length > 0)
    await trx
      .deleteFrom('team_members')
      .where('user_id', '=', userId)
      .where('team_id', 'in', removed)
      .execute();
  if (added.length > 0 || removed.length > 0)
    await recordAudit(trx, {
      actorId: null,
      action: 'sso.teams-change',
      targetType: 'user',
      targetId: userId,
      before: { teams: [...current].sort() },
      after: { teams: [...existing].sort() },
      ip,
    });
  return { missing, changed: roleChanged || added.length > 0 || removed.length > 0 };
}
