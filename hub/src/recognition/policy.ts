import type { AuthUser } from '../lib/people.js';

// Who may do what with recognition, from the authenticated user only:
// - a shout-out comes from a lead or supervisor of the agent's team, or from a teammate (an
//   agent of the same team); never to oneself, never from a mystery caller (not staff: the
//   caller gate refuses them every recognition event first);
// - the team wall is read by the team's members (agents, leads, supervisors) and by admins
//   (quality managers); a private shout-out only by its agent, its giver and the team's leads
//   and supervisors;
// - the monthly summary is for admins and the team's leads.

const inTeam = (user: AuthUser, teamId: string) => user.teams.some((t) => t.id === teamId);
const coachesTeam = (user: AuthUser, teamId: string) =>
  (user.role === 'lead' || user.role === 'supervisor') && inTeam(user, teamId);

/** How the user gives a shout-out to an agent of the team: as a lead, as a peer, or not at all. */
export function giverRole(user: AuthUser, teamId: string | null): 'lead' | 'peer' | null {
  if (teamId === null) return null;
  if (coachesTeam(user, teamId)) return 'lead';
  if (user.role === 'agent' && inTeam(user, teamId)) return 'peer';
  return null;
}

export const canReadWall = (user: AuthUser, teamId: string) =>
  user.role === 'admin' || inTeam(user, teamId);

/** Whether the user reads every private shout-out of the team (its coaches). */
export const readsAllPrivate = (user: AuthUser, teamId: string) => coachesTeam(user, teamId);

export const canReadSummary = (user: AuthUser, teamId: string) =>
  user.role === 'admin' || (user.role === 'lead' && inTeam(user, teamId));

export const NOT_GIVER =
  'shout-outs come from the agent’s leads and supervisors or from a teammate in the same team';
export const NOT_SELF = 'a shout-out recognises someone else: not oneself';
export const NOT_WALL_READER =
  'the team wall is for the team’s members, its leads and supervisors, and quality managers';
export const NOT_SUMMARY_READER =
  'the monthly recognition summary is for the team’s leads and quality managers';
