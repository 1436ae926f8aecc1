import { activeAgentIds, isCoach, type AuthUser } from '../lib/people.js';
import type { Db } from '../store/db.js';

// Who may see which survey results, from the authenticated user only.

/** Coaches (supervisors, leads, admins) read survey results. */
export const isSurveyCoach = isCoach;

export type Scope = { ok: true; agentIds: string[] } | { ok: false; message: string };

/**
 * The agents whose survey results a coach sees: the agents of their teams (one team when
 * `teamId` is given, which must be theirs); admins (quality managers) every agent.
 */
export async function coachedAgents(db: Db, user: AuthUser, teamId?: string): Promise<Scope> {
  if (!isSurveyCoach(user))
    return {
      ok: false,
      message: 'survey results are for team leads, supervisors and quality managers',
    };
  if (teamId && user.role !== 'admin' && !user.teams.some((t) => t.id === teamId))
    return { ok: false, message: `you are not in team ${teamId}` };
  const teams = teamId ? [teamId] : user.role === 'admin' ? null : user.teams.map((t) => t.id);
  return { ok: true, agentIds: await activeAgentIds(db, teams) };
}

/** Whether an agent's teams share customers' responses with their agents. */
export async function agentSeesSurveys(db: Db, agentId: string): Promise<boolean> {
  const row = await db
    .selectFrom('team_members')
    .innerJoin('teams', 'teams.id', 'team_members.team_id')
    .select('teams.id')
    .where('team_members.user_id', '=', agentId)
    .where('teams.agents_see_surveys', '=', 1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Team settings: leads of the team and admins change them; members read them. */
export function teamSettingsAccess(user: AuthUser, teamId: string): 'write' | 'read' | 'none' {
  if (user.role === 'admin') return 'write';
  if (!user.teams.some((t) => t.id === teamId)) return 'none';
  return user.role === 'lead' ? 'write' : 'read';
}
