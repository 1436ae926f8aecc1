import { randomUUID } from 'node:crypto';
import {
  checkMoveDate,
  localDate,
  mayHoldPermissions,
  teamLimitOf,
  UiLanguageSchema,
  usernameKey,
  type AdminTeam,
  type AdminUser,
  type Permission,
  type TeamMove,
  type UserSave,
  type TeamSave,
  type WorkHours,
} from '@sidecoach/shared';
import type { z } from 'zod';
import type { TeamSaveSchema, UserSaveSchema } from '@sidecoach/shared';
import { insertUser } from '../lib/accounts.js';
import { recordAudit } from '../lib/audit.js';
import type { Trx } from '../lib/jobs.js';
import { nowIso, type Db } from '../store/db.js';
import type { TeamMoveRow, TeamRow, UserRow } from '../store/schema.js';

// The SQL of administration: people, teams, moves, permissions. Every write runs in one
// transaction with its audit entry, and says whose rights changed (lib/rights.ts applies it).

/** A change the hub refuses, with the error code the admin is answered with. */
export class AdminRefusal extends Error {
  constructor(
    readonly code: 'bad_request' | 'conflict' | 'not_found',
    message: string,
  ) {
    super(message);
  }
}

export interface Changed<T> {
  result: T;
  /** Users whose rights changed (their sockets are refreshed). */
  affected: string[];
}

type Reader = Db | Trx;

/** A stored language column as one the UI ships (anything else: none). */
export const uiLanguage = (value: string | null) => {
  const parsed = UiLanguageSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
};

export async function adminUsers(db: Reader, ids?: readonly string[]): Promise<AdminUser[]> {
  if (ids?.length === 0) return [];
  let query = db.selectFrom('users').selectAll().orderBy('display_name').orderBy('username');
  if (ids) query = query.where('id', 'in', ids);
  const users = await query.execute();
  // Everyone's rows when everyone is asked for (no list of thousands of ids in the query).
  let members = db.selectFrom('team_members').select(['user_id', 'team_id']).orderBy('team_id');
  let permissions = db
    .selectFrom('user_permissions')
    .select(['user_id', 'permission'])
    .orderBy('permission');
  if (ids) {
    members = members.where('user_id', 'in', ids);
    permissions = permissions.where('user_id', 'in', ids);
  }
  const [memberRows, permissionRows] = await Promise.all([
    members.execute(),
    permissions.execute(),
  ]);
  const teamsOf = groupBy(memberRows, (m) => m.user_id);
  const rightsOf = groupBy(permissionRows, (p) => p.user_id);
  return users.map((u) => toAdminUser(u, teamsOf.get(u.id) ?? [], rightsOf.get(u.id) ?? []));
}

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(key(row));
    if (group) group.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}

function toAdminUser(
  u: UserRow,
  members: { team_id: string }[],
  permissions: { permission: Permission }[],
): AdminUser {
  return {
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    role: u.role,
    extension: u.extension,
    defaultLang: uiLanguage(u.default_lang),
    lang: uiLanguage(u.ui_lang),
    teamIds: members.map((m) => m.team_id),
    permissions: permissions.map((p) => p.permission),
    disabled: u.disabled === 1,
    createdAt: u.created_at,
  };
}

export async function adminUser(db: Reader, id: string): Promise<AdminUser | undefined> {
  return (await adminUsers(db, [id]))[0];
}

export async function adminTeams(db: Reader, ids?: readonly string[]): Promise<AdminTeam[]> {
  if (ids?.length === 0) return [];
  let query = db.selectFrom('teams').selectAll().orderBy('name');
  if (ids) query = query.where('id', 'in', ids);
  const teams = await query.execute();
  const teamIds = teams.map((t) => t.id);
  const members = teamIds.length
    ? await db
        .selectFrom('team_members')
        .innerJoin('users', 'users.id', 'team_members.user_id')
        .select(['team_members.team_id', 'users.id', 'users.role'])
        .where('team_members.team_id', 'in', teamIds)
        .where('users.disabled', '=', 0)
        .orderBy('users.display_name')
        .execute()
    : [];
  return teams.map((t) => toAdminTeam(t, members));
}

export const hoursOf = (t: TeamRow): WorkHours | null =>
  t.work_start && t.work_end && t.work_days
    ? { start: t.work_start, end: t.work_end, days: t.work_days.split(',').map(Number) }
    : null;

function toAdminTeam(t: TeamRow, members: { team_id: string; id: string; role: string }[]) {
  const mine = members.filter((m) => m.team_id === t.id);
  return {
    id: t.id,
    name: t.name,
    timeZone: t.time_zone,
    hours: hoursOf(t),
    coachIds: mine.filter((m) => m.role === 'supervisor' || m.role === 'lead').map((m) => m.id),
    agentIds: mine.filter((m) => m.role === 'agent').map((m) => m.id),
    createdAt: t.created_at,
  };
}

export async function adminTeam(db: Reader, id: string): Promise<AdminTeam | undefined> {
  return (await adminTeams(db, [id]))[0];
}

/** The audit's view of a user: what they are, never their password hash. */
const audited = (u: AdminUser | undefined) =>
  u && {
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    extension: u.extension,
    defaultLang: u.defaultLang,
    teamIds: u.teamIds,
    permissions: u.permissions,
    disabled: u.disabled,
  };
const auditedTeam = (t: AdminTeam | undefined) =>
  t && { name: t.name, timeZone: t.timeZone, hours: t.hours, coachIds: t.coachIds };

type UserInput = z.output<typeof UserSaveSchema>;
type TeamInput = z.output<typeof TeamSaveSchema>;
export type { UserSave, TeamSave };

export const CALLERS_ELSEWHERE =
  'mystery callers are made and changed under Mystery calls (callers), never as staff';

/** The checks a user's fields must pass against the stored people and teams. */
async function checkUser(trx: Trx, input: UserInput, id: string | undefined) {
  const clash = await trx
    .selectFrom('users')
    .select(['id', 'username', 'username_key', 'extension'])
    .where((eb) =>
      eb.or([
        eb('username_key', '=', usernameKey(input.username)),
        eb('username', '=', input.username),
        ...(input.extension ? [eb('extension', '=', input.extension)] : []),
      ]),
    )
    .execute();
  for (const other of clash) {
    if (other.id === id) continue;
    if (other.username === input.username || other.username_key === usernameKey(input.username))
      throw new AdminRefusal('conflict', `the username ${input.username} is taken`);
    throw new AdminRefusal(
      'conflict',
      `the extension ${input.extension} belongs to another user (${other.username})`,
    );
  }
  const teamIds = [...new Set(input.teamIds)];
  if (teamIds.length > teamLimitOf(input.role))
    throw new AdminRefusal('bad_request', 'an agent is in one team at a time');
  if (teamIds.length > 0) {
    const found = await trx.selectFrom('teams').select('id').where('id', 'in', teamIds).execute();
    const missing = teamIds.filter((t) => !found.some((f) => f.id === t));
    if (missing.length) throw new AdminRefusal('not_found', `no team ${missing.join(', ')}`);
  }
  return teamIds;
}

/** Creates or changes a user, with their teams; an agent changing team is a move dated today. */
export async function saveUser(
  trx: Trx,
  actorId: string,
  input: UserInput,
): Promise<Changed<AdminUser>> {
  const before = input.id ? await adminUser(trx, input.id) : undefined;
  if (input.id && !before) throw new AdminRefusal('not_found', `no user ${input.id}`);
  // Mystery callers are a kind of their own (never staff, never in a team): made and changed
  // with their profile and numbers in mystery-call programmes, never turned into staff here.
  if (input.role === 'caller' || before?.role === 'caller')
    throw new AdminRefusal('bad_request', CALLERS_ELSEWHERE);
  if (before && before.id === actorId && (input.disabled || input.role !== 'admin'))
    throw new AdminRefusal('bad_request', 'you cannot disable yourself or give up your admin role');
  const teamIds = await checkUser(trx, input, input.id);
  const id = input.id ?? randomUUID();
  const coaches: string[] = [];
  if (!before) {
    await insertUser(trx, id, {
      username: input.username,
      displayName: input.displayName,
      role: input.role,
      extension: input.extension,
      defaultLang: input.defaultLang,
      teamIds,
    });
    if (input.disabled)
      await trx.updateTable('users').set({ disabled: 1 }).where('id', '=', id).execute();
  } else {
    await trx
      .updateTable('users')
      .set({
        username: input.username,
        username_key: usernameKey(input.username),
        display_name: input.displayName,
        role: input.role,
        extension: input.extension,
        default_lang: input.defaultLang,
        disabled: input.disabled ? 1 : 0,
      })
      .where('id', '=', id)
      .execute();
    coaches.push(...(await setTeams(trx, actorId, { ...before, role: input.role }, teamIds)));
    if (input.disabled && !before.disabled) {
      // Disabling signs the user out everywhere: no session of theirs opens a socket again.
      await trx
        .updateTable('sessions')
        .set({ revoked_at: nowIso() })
        .where('user_id', '=', id)
        .where('revoked_at', 'is', null)
        .execute();
    }
    // Extra rights are for coaches: a user who becomes an agent loses them.
    if (!mayHoldPermissions(input.role) && before.permissions.length > 0)
      await trx.deleteFrom('user_permissions').where('user_id', '=', id).execute();
  }
  const after = (await adminUser(trx, id))!;
  const rightsMoved =
    !before ||
    before.role !== after.role ||
    before.disabled !== after.disabled ||
    before.teamIds.join() !== after.teamIds.join() ||
    before.permissions.join() !== after.permissions.join();
  if (JSON.stringify(audited(before)) !== JSON.stringify(audited(after)))
    await recordAudit(trx, {
      actorId,
      action: !before
        ? 'user.create'
        : after.disabled && !before.disabled
          ? 'user.disable'
          : !after.disabled && before.disabled
            ? 'user.enable'
            : 'user.update',
      targetType: 'user',
      targetId: id,
      before: audited(before),
      after: audited(after),
    });
  return { result: after, affected: before && rightsMoved ? [id, ...coaches] : coaches };
}

/**
 * A user's teams now. An agent's change of team is recorded as a move dated today in the new
 * team's zone (pending later moves of theirs are cancelled: the admin decided anew).
 */
async function setTeams(
  trx: Trx,
  actorId: string | null,
  user: Pick<AdminUser, 'id' | 'role' | 'teamIds'>,
  teamIds: string[],
): Promise<string[]> {
  const same =
    teamIds.length === user.teamIds.length && teamIds.every((t) => user.teamIds.includes(t));
  if (same) return [];
  if (user.role === 'agent' && teamIds.length === 1)
    return (await moveAgent(trx, actorId, user.id, teamIds[0]!, null)).affected;
  await replaceTeams(trx, user.id, teamIds);
  return user.role === 'agent' ? coachesOf(trx, [...user.teamIds, ...teamIds]) : [];
}

/**
 * The supervisors and leads of these teams: an agent joining or leaving changes whom they
 * coach (and what their open sockets decided about that agent is refreshed with them).
 */
async function coachesOf(trx: Trx, teamIds: readonly string[]): Promise<string[]> {
  if (teamIds.length === 0) return [];
  const rows = await trx
    .selectFrom('team_members')
    .innerJoin('users', 'users.id', 'team_members.user_id')
    .select('users.id')
    .where('team_members.team_id', 'in', teamIds)
    .where('users.role', 'in', ['supervisor', 'lead'])
    .execute();
  return rows.map((r) => r.id);
}

async function replaceTeams(trx: Trx, userId: string, teamIds: string[]) {
  await trx.deleteFrom('team_members').where('user_id', '=', userId).execute();
  for (const teamId of teamIds)
    await trx.insertInto('team_members').values({ team_id: teamId, user_id: userId }).execute();
}

export async function setPermission(
  trx: Trx,
  actorId: string,
  change: { userId: string; permission: Permission; granted: boolean },
): Promise<Changed<AdminUser>> {
  const before = await adminUser(trx, change.userId);
  if (!before) throw new AdminRefusal('not_found', `no user ${change.userId}`);
  if (change.granted && !mayHoldPermissions(before.role))
    throw new AdminRefusal(
      'bad_request',
      `${change.permission} is for supervisors, leads and admins; ${before.username} is an ${before.role}`,
    );
  const has = before.permissions.includes(change.permission);
  if (has === change.granted) return { result: before, affected: [] };
  if (change.granted)
    await trx
      .insertInto('user_permissions')
      .values({
        user_id: change.userId,
        permission: change.permission,
        granted_by: actorId,
        granted_at: nowIso(),
      })
      .execute();
  else
    await trx
      .deleteFrom('user_permissions')
      .where('user_id', '=', change.userId)
      .where('permission', '=', change.permission)
      .execute();
  const after = (await adminUser(trx, change.userId))!;
  await recordAudit(trx, {
    actorId,
    action: change.granted ? 'permission.grant' : 'permission.revoke',
    targetType: 'user',
    targetId: change.userId,
    before: { permissions: before.permissions },
    after: { permissions: after.permissions },
  });
  return { result: after, affected: [change.userId] };
}

/** Creates or changes a team (a shift when it has hours) and sets its supervisors and leads. */
export async function saveTeam(
  trx: Trx,
  actorId: string,
  input: TeamInput,
): Promise<Changed<AdminTeam>> {
  const before = input.id ? await adminTeam(trx, input.id) : undefined;
  if (input.id && !before) throw new AdminRefusal('not_found', `no team ${input.id}`);
  const named = await trx
    .selectFrom('teams')
    .select('id')
    .where('name', '=', input.name)
    .executeTakeFirst();
  if (named && named.id !== input.id)
    throw new AdminRefusal('conflict', `there is already a team named ${input.name}`);
  const coachIds = [...new Set(input.coachIds)];
  const coaches = coachIds.length
    ? await trx
        .selectFrom('users')
        .select(['id', 'username', 'role'])
        .where('id', 'in', coachIds)
        .execute()
    : [];
  for (const id of coachIds) {
    const coach = coaches.find((c) => c.id === id);
    if (!coach) throw new AdminRefusal('not_found', `no user ${id}`);
    if (coach.role !== 'supervisor' && coach.role !== 'lead')
      throw new AdminRefusal(
        'bad_request',
        `${coach.username} is an ${coach.role}: a team's coaches are supervisors and leads`,
      );
  }
  const id = input.id ?? randomUUID();
  const values = {
    name: input.name,
    time_zone: input.timeZone,
    work_start: input.hours?.start ?? null,
    work_end: input.hours?.end ?? null,
    work_days: input.hours ? [...input.hours.days].sort().join(',') : null,
  };
  if (before) await trx.updateTable('teams').set(values).where('id', '=', id).execute();
  else
    await trx
      .insertInto('teams')
      .values({ id, created_at: nowIso(), ...values })
      .execute();
  const current = before?.coachIds ?? [];
  const removed = current.filter((c) => !coachIds.includes(c));
  const added = coachIds.filter((c) => !current.includes(c));
  if (removed.length)
    await trx
      .deleteFrom('team_members')
      .where('team_id', '=', id)
      .where('user_id', 'in', removed)
      .execute();
  for (const userId of added)
    await trx
      .insertInto('team_members')
      .values({ team_id: id, user_id: userId })
      .onConflict((oc) => oc.columns(['team_id', 'user_id']).doNothing())
      .execute();
  const after = (await adminTeam(trx, id))!;
  if (JSON.stringify(auditedTeam(before)) !== JSON.stringify(auditedTeam(after)))
    await recordAudit(trx, {
      actorId,
      action: before ? 'team.update' : 'team.create',
      targetType: 'team',
      targetId: id,
      before: auditedTeam(before),
      after: auditedTeam(after),
    });
  return { result: after, affected: [...removed, ...added] };
}

export const toMove = (r: TeamMoveRow): TeamMove => ({
  id: r.id,
  agentId: r.agent_id,
  fromTeamId: r.from_team_id,
  toTeamId: r.to_team_id,
  effectiveDate: r.effective_date,
  effectiveAt: r.effective_at,
  createdBy: r.created_by,
  createdAt: r.created_at,
  appliedAt: r.applied_at,
  cancelledAt: r.cancelled_at,
});

/**
 * Moves an agent to a team from a date in that team's zone: today applies at once, a later
 * day is stored for the sweep (jobs.ts), never a day in the past. A new move cancels the
 * agent's pending ones. `date` null: today.
 */
export async function moveAgent(
  trx: Trx,
  actorId: string | null,
  agentId: string,
  teamId: string,
  date: string | null,
): Promise<Changed<TeamMove>> {
  const agent = await trx
    .selectFrom('users')
    .select(['id', 'role', 'username'])
    .where('id', '=', agentId)
    .executeTakeFirst();
  if (!agent) throw new AdminRefusal('not_found', `no user ${agentId}`);
  if (agent.role !== 'agent')
    throw new AdminRefusal(
      'bad_request',
      `${agent.username} is a ${agent.role}: only agents move between teams (set a coach's teams instead)`,
    );
  const team = await trx
    .selectFrom('teams')
    .selectAll()
    .where('id', '=', teamId)
    .executeTakeFirst();
  if (!team) throw new AdminRefusal('not_found', `no team ${teamId}`);
  const now = new Date();
  const check = checkMoveDate(date ?? localDate(now, team.time_zone), team.time_zone, now);
  if (!check.ok) throw new AdminRefusal('bad_request', check.reason);
  const from = await trx
    .selectFrom('team_members')
    .select('team_id')
    .where('user_id', '=', agentId)
    .executeTakeFirst();
  const at = now.toISOString();
  const pending = await trx
    .selectFrom('team_moves')
    .selectAll()
    .where('agent_id', '=', agentId)
    .where('applied_at', 'is', null)
    .where('cancelled_at', 'is', null)
    .execute();
  for (const p of pending) {
    await trx.updateTable('team_moves').set({ cancelled_at: at }).where('id', '=', p.id).execute();
    await recordAudit(trx, {
      actorId,
      action: 'team.move-cancel',
      targetType: 'membership',
      targetId: agentId,
      before: toMove(p),
      after: { ...toMove(p), cancelledAt: at },
    });
  }
  const row: TeamMoveRow = {
    id: randomUUID(),
    agent_id: agentId,
    from_team_id: from?.team_id ?? null,
    to_team_id: teamId,
    effective_date: date ?? localDate(now, team.time_zone),
    effective_at: check.effectiveAt.toISOString(),
    created_by: actorId,
    created_at: at,
    applied_at: check.today ? at : null,
    cancelled_at: null,
  };
  await trx.insertInto('team_moves').values(row).execute();
  if (check.today) await replaceTeams(trx, agentId, [teamId]);
  const affected = check.today
    ? [agentId, ...(await coachesOf(trx, [...(from ? [from.team_id] : []), teamId]))]
    : [];
  await recordAudit(trx, {
    actorId,
    action: check.today ? 'team.move' : 'team.move-schedule',
    targetType: 'membership',
    targetId: agentId,
    before: { teamIds: from ? [from.team_id] : [] },
    after: toMove(row),
  });
  return { result: toMove(row), affected };
}

export async function cancelMove(trx: Trx, actorId: string, moveId: string): Promise<TeamMove> {
  const move = await trx
    .selectFrom('team_moves')
    .selectAll()
    .where('id', '=', moveId)
    .executeTakeFirst();
  if (!move) throw new AdminRefusal('not_found', `no move ${moveId}`);
  if (move.applied_at || move.cancelled_at)
    throw new AdminRefusal('conflict', 'this move has already taken effect or been cancelled');
  const at = nowIso();
  const changed = await trx
    .updateTable('team_moves')
    .set({ cancelled_at: at })
    .where('id', '=', moveId)
    .where('applied_at', 'is', null)
    .where('cancelled_at', 'is', null)
    .executeTakeFirst();
  if (Number(changed.numUpdatedRows) !== 1)
    throw new AdminRefusal('conflict', 'this move has just taken effect');
  const after = { ...toMove(move), cancelledAt: at };
  await recordAudit(trx, {
    actorId,
    action: 'team.move-cancel',
    targetType: 'membership',
    targetId: move.agent_id,
    before: toMove(move),
    after,
  });
  return after;
}

export async function listMoves(db: Reader, agentId?: string): Promise<TeamMove[]> {
  let query = db.selectFrom('team_moves').selectAll().orderBy('created_at', 'desc').limit(500);
  if (agentId) query = query.where('agent_id', '=', agentId);
  return (await query.execute()).map(toMove);
}

/**
 * Applies one move whose day has started, if no node did yet: the row is marked applied in the
 * same transaction, `where applied_at is null`, so of several nodes one applies it. Returns
 * whose rights changed, or null when another node had applied it.
 */
export async function applyDueMove(trx: Trx, move: TeamMoveRow): Promise<string[] | null> {
  const at = nowIso();
  const claimed = await trx
    .updateTable('team_moves')
    .set({ applied_at: at })
    .where('id', '=', move.id)
    .where('applied_at', 'is', null)
    .where('cancelled_at', 'is', null)
    .executeTakeFirst();
  if (Number(claimed.numUpdatedRows) !== 1) return null;
  const before = await trx
    .selectFrom('team_members')
    .select('team_id')
    .where('user_id', '=', move.agent_id)
    .execute();
  await replaceTeams(trx, move.agent_id, [move.to_team_id]);
  await recordAudit(trx, {
    actorId: null,
    action: 'team.move-applied',
    targetType: 'membership',
    targetId: move.agent_id,
    before: { teamIds: before.map((b) => b.team_id) },
    after: { ...toMove(move), appliedAt: at },
  });
  return [
    move.agent_id,
    ...(await coachesOf(trx, [...before.map((b) => b.team_id), move.to_team_id])),
  ];
}

/** Pending moves whose day has started. */
export function dueMoves(db: Db, now: string, limit: number) {
  return db
    .selectFrom('team_moves')
    .selectAll()
    .where('applied_at', 'is', null)
    .where('cancelled_at', 'is', null)
    .where('effective_at', '<=', now)
    .orderBy('effective_at')
    .limit(limit)
    .execute();
}

/** The user's own UI language choice. */
export async function setOwnLanguage(db: Db, userId: string, value: string | null) {
  await db.updateTable('users').set({ ui_lang: value }).where('id', '=', userId).execute();
}
