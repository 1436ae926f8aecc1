import type { EvaluationActor } from '@sidecoach/shared';
import { canCoach, isCoach, type AuthUser } from '../lib/people.js';
import type { Db } from '../store/db.js';
import type { QaEvaluationRow, QaPlanRow } from '../store/schema.js';

// Who may do what in quality monitoring, from the authenticated user only:
// - quality managers (admins) save plans, draw, and may evaluate, release and read everything;
// - evaluators (the 'evaluator' permission, named in a team's plan) evaluate that team's calls;
// - leads and supervisors read their teams' plans, draws and evaluations, and flag the calls
//   of the agents they coach;
// - the agent sees their own evaluations once released, acknowledges or disputes them;
// - the arbitrator (the plan's, else the original evaluator) resolves disputes.

export { canCoach, isCoach };

export const isAdmin = (user: Pick<AuthUser, 'role'>) => user.role === 'admin';

/** A lead or supervisor of the team (admins are not members: they see every team). */
export const coachesTeam = (user: AuthUser, teamId: string) =>
  (user.role === 'lead' || user.role === 'supervisor') && user.teams.some((t) => t.id === teamId);

/** Reads the team's plan evaluators (JSON array of user ids). */
export const evaluatorsOf = (plan: Pick<QaPlanRow, 'evaluator_ids'>) =>
  JSON.parse(plan.evaluator_ids) as string[];

/** Whether the user evaluates the team's calls: an admin, or an evaluator in its plan. */
export function evaluatesFor(user: AuthUser, plan: QaPlanRow | undefined): boolean {
  if (isAdmin(user)) return true;
  return (
    plan !== undefined &&
    user.permissions.includes('evaluator') &&
    evaluatorsOf(plan).includes(user.id)
  );
}

/** The team an agent is in now (an agent is in one team at a time), with its settings. */
export async function teamOfAgent(db: Db, agentId: string) {
  return db
    .selectFrom('team_members')
    .innerJoin('teams', 'teams.id', 'team_members.team_id')
    .select(['teams.id', 'teams.name', 'teams.time_zone', 'teams.behaviours_only'])
    .where('team_members.user_id', '=', agentId)
    .orderBy('teams.id')
    .executeTakeFirst();
}

/** Who the caller is to an evaluation, for shared's state machine. */
export function actorOf(
  user: AuthUser,
  evaluation: Pick<QaEvaluationRow, 'evaluator_id' | 'agent_id'> | null,
  arbitratorId: string | null = null,
): EvaluationActor {
  return {
    evaluator: evaluation === null || evaluation.evaluator_id === user.id,
    admin: isAdmin(user),
    agent: evaluation !== null && user.role === 'agent' && evaluation.agent_id === user.id,
    arbitrator: arbitratorId !== null && arbitratorId === user.id,
  };
}

/** Users among `ids` who are enabled and hold the permission (admins hold every one). */
export async function holders(
  db: Db,
  ids: readonly string[],
  permission: 'evaluator' | 'arbitrator',
  adminsToo: boolean,
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const users = await db
    .selectFrom('users')
    .leftJoin('user_permissions as p', (join) =>
      join.onRef('p.user_id', '=', 'users.id').on('p.permission', '=', permission),
    )
    .select(['users.id', 'users.role', 'p.permission'])
    .where('users.id', 'in', ids)
    .where('users.disabled', '=', 0)
    .execute();
  return new Set(
    users
      .filter((u) => u.permission !== null || (adminsToo && u.role === 'admin'))
      .map((u) => u.id),
  );
}

export const NOT_ADMIN = 'only quality managers (admins) change QA plans and draw samples';
export const NOT_EVALUATOR =
  'you do not evaluate this team’s calls (evaluators hold the evaluator permission and are named in the team’s QA plan)';
