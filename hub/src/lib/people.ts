import { UiLanguageSchema, type Permission, type UserProfile } from '@sidecoach/shared';
import type { Db } from '../store/db.js';

// Who people are and whom they coach: the reads each capability's policy is built from.

/** The authenticated user a socket or request acts as; never built from client fields. */
export interface AuthUser extends UserProfile {
  sessionId: string;
}

export async function loadProfile(db: Db, userId: string): Promise<UserProfile | undefined> {
  const user = await db
    .selectFrom('users')
    .select(['id', 'username', 'display_name', 'role', 'ui_lang', 'default_lang'])
    .where('id', '=', userId)
    .where('disabled', '=', 0)
    .executeTakeFirst();
  if (!user) return undefined;
  const teams = await db
    .selectFrom('team_members')
    .innerJoin('teams', 'teams.id', 'team_members.team_id')
    .select(['teams.id', 'teams.name', 'teams.behaviours_only'])
    .where('team_members.user_id', '=', userId)
    .orderBy('teams.name')
    .execute();
  const permissions = await db
    .selectFrom('user_permissions')
    .select('permission')
    .where('user_id', '=', userId)
    .orderBy('permission')
    .execute();
  // The user's own choice wins over the admin's default; neither: the device decides.
  const lang = UiLanguageSchema.safeParse(user.ui_lang ?? user.default_lang);
  return {
    id: user.id,
    username: user.username,
    displayName: user.display_name,
    role: user.role,
    teams: teams.map((t) => ({ id: t.id, name: t.name })),
    behavioursOnly: teams.some((t) => t.behaviours_only === 1),
    lang: lang.success ? lang.data : null,
    permissions: permissions.map((p): Permission => p.permission),
  };
}

/** Who coaches: supervisors, leads and admins (quality managers). */
export const COACH_ROLES = ['supervisor', 'lead', 'admin'] as const;

export function isCoach(user: Pick<AuthUser, 'role'>): boolean {
  return (COACH_ROLES as readonly string[]).includes(user.role);
}

/** Ids of the users who share a team with the given user (the people they may coach). */
export async function teammateIds(db: Db, userId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('team_members as mine')
    .innerJoin('team_members as theirs', 'theirs.team_id', 'mine.team_id')
    .select('theirs.user_id')
    .where('mine.user_id', '=', userId)
    .execute();
  return new Set(rows.map((r) => r.user_id));
}

/**
 * Active agents, ordered by name: every one (`teams` null), or the members of these teams.
 * Who may see whom is the callers' policy; this only reads.
 */
export async function activeAgentIds(db: Db, teams: readonly string[] | null): Promise<string[]> {
  if (teams?.length === 0) return [];
  let query = db
    .selectFrom('users')
    .select(['users.id'])
    .where('users.role', '=', 'agent')
    .where('users.disabled', '=', 0);
  if (teams)
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('team_members')
          .select('team_members.user_id')
          .whereRef('team_members.user_id', '=', 'users.id')
          .where('team_members.team_id', 'in', teams),
      ),
    );
  const rows = await query.orderBy('users.display_name').execute();
  return rows.map((r) => r.id);
}

/**
 * Supervisors and leads observe and coach the agents of their teams; admins (quality
 * managers) any agent; agents nobody. The target must be an active agent.
 */
export async function canCoach(db: Db, user: AuthUser, agentId: string): Promise<boolean> {
  if (!isCoach(user) || agentId === user.id) return false;
  const target = await db
    .selectFrom('users')
    .select('role')
    .where('id', '=', agentId)
    .where('disabled', '=', 0)
    .executeTakeFirst();
  if (target?.role !== 'agent') return false;
  if (user.role === 'admin') return true;
  return (await teammateIds(db, user.id)).has(agentId);
}

/** Agents on the user's floor view: their teams' agents (admins: every agent). */
export function coachedAgentIds(db: Db, user: AuthUser): Promise<string[]> {
  return activeAgentIds(db, user.role === 'admin' ? null : user.teams.map((t) => t.id));
}

/** Each agent's team names ("; " between two), read a thousand agents at a time (exports). */
export async function teamNamesOf(
  db: Db,
  agentIds: readonly string[],
): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (let i = 0; i < agentIds.length; i += 1000) {
    const rows = await db
      .selectFrom('team_members')
      .innerJoin('teams', 'teams.id', 'team_members.team_id')
      .select(['team_members.user_id', 'teams.name'])
      .where('team_members.user_id', 'in', agentIds.slice(i, i + 1000))
      .orderBy('teams.name')
      .execute();
    for (const r of rows) {
      const before = names.get(r.user_id);
      names.set(r.user_id, before === undefined ? r.name : `${before}; ${r.name}`);
    }
  }
  return names;
}
