import type { Db } from '../store/db.js';
import type { AuthUser } from '../auth/users.js';
import { teammateIds } from '../auth/users.js';

// Authorization for observation and coaching notes, in one place, from the authenticated user
// only (never from a field the client sent).

export const COACH_ROLES = ['supervisor', 'lead', 'admin'] as const;

export function isCoach(user: AuthUser): boolean {
  return (COACH_ROLES as readonly string[]).includes(user.role);
}

/**
 * Supervisors and leads observe, note and coach the agents of their teams; admins (quality
 * managers) any agent; agents nobody. The target must be an active agent.
 */
export async function canObserve(db: Db, user: AuthUser, agentId: string): Promise<boolean> {
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
export async function floorAgentIds(db: Db, user: AuthUser): Promise<string[]> {
  let query = db
    .selectFrom('users')
    .select(['users.id'])
    .where('users.role', '=', 'agent')
    .where('users.disabled', '=', 0);
  if (user.role !== 'admin') {
    const teams = user.teams.map((t) => t.id);
    if (teams.length === 0) return [];
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('team_members')
          .select('team_members.user_id')
          .whereRef('team_members.user_id', '=', 'users.id')
          .where('team_members.team_id', 'in', teams),
      ),
    );
  }
  const rows = await query.orderBy('users.display_name').execute();
  return rows.map((r) => r.id);
}
