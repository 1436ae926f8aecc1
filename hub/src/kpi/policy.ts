import type { AuthUser } from '../lib/people.js';

// Who may do what with the KPIs, from the authenticated user only:
// - admins (quality managers) map the PBX's queues to teams, set every team's KPI settings and
//   read every team's figures, drill-downs and legs;
// - leads set their own teams' KPI settings; leads and supervisors read their teams' figures,
//   drill-downs and legs;
// - an agent reads their own figures (beside their team's), unless the team coaches on
//   behaviours, not scores: then no figure at all.

export const isAdmin = (user: Pick<AuthUser, 'role'>) => user.role === 'admin';

const inTeam = (user: AuthUser, teamId: string) => user.teams.some((t) => t.id === teamId);

/** Reads the team's figures: an admin, or a lead or supervisor of the team. */
export const readsTeam = (user: AuthUser, teamId: string) =>
  isAdmin(user) || ((user.role === 'lead' || user.role === 'supervisor') && inTeam(user, teamId));

/** Sets the team's KPI settings (targets, thresholds, leaderboard): an admin, or its lead. */
export const setsTeam = (user: AuthUser, teamId: string) =>
  isAdmin(user) || (user.role === 'lead' && inTeam(user, teamId));

/** The teams whose settings the user sees (null: every team). */
export const settingsTeams = (user: AuthUser): string[] | null =>
  isAdmin(user) ? null : user.role === 'lead' ? user.teams.map((t) => t.id) : [];

export const NOT_ADMIN = 'only admins (quality managers) map the PBX’s queues to teams';
export const NOT_SETTER =
  'only admins (quality managers) and the team’s leads change a team’s KPI settings';
export const NOT_READER =
  'only admins (quality managers) and the team’s leads and supervisors read its figures';
export const NOT_AGENT = 'your own figures are for agents: leads and supervisors read their teams’';
export const BEHAVIOURS_ONLY =
  'your team coaches on behaviours, not scores: figures are not shown to its agents';
export const LEADERBOARD_REFUSED =
  'this team coaches on behaviours, not scores: it never shows a leaderboard (turn the team’s "behaviours only" setting off first)';
