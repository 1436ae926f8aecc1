import type { Db } from '../store/db.js';
import type { AuthUser } from '../auth/users.js';
import { activeAgentIds, teammateIds } from '../auth/users.js';

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
export function floorAgentIds(db: Db, user: AuthUser): Promise<string[]> {
  return activeAgentIds(db, user.role === 'admin' ? null : user.teams.map((t) => t.id));
}
