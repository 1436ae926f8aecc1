import type { Badge, Shoutout } from '@sidecoach/shared';
import type { Trx } from '../lib/jobs.js';
import type { Db } from '../store/db.js';
import type { RecognitionBadgeRow, RecognitionShoutoutRow } from '../store/schema.js';

// The reads of recognition: badges and shout-outs as the protocol carries them, and whom they
// are about. The evidence the badge rules read is in evidence.ts.

type Reader = Db | Trx;

/** The hub's own zone (the site's): the calendar of agents in no team. */
export const HUB_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

export type BadgeRowNamed = RecognitionBadgeRow & { agent_name: string };
export type ShoutoutRowNamed = RecognitionShoutoutRow & { agent_name: string; from_name: string };

export function toBadge(row: BadgeRowNamed): Badge {
  return {
    id: row.id,
    agentId: row.agent_id,
    agentName: row.agent_name,
    teamId: row.team_id,
    kind: row.kind,
    itemId: row.item_id === '' ? null : row.item_id,
    period: row.period,
    count: row.count,
    awardedAt: row.awarded_at,
  };
}

export function toShoutout(row: ShoutoutRowNamed): Shoutout {
  return {
    id: row.id,
    agentId: row.agent_id,
    agentName: row.agent_name,
    fromId: row.from_id,
    fromName: row.from_name,
    fromRole: row.from_role,
    teamId: row.team_id,
    itemId: row.item_id,
    behaviour: row.behaviour,
    lang: row.lang,
    callId: row.call_id,
    visibility: row.visibility,
    at: row.at,
  };
}

/** Badges with their agent's name. */
export const badgesQuery = (db: Reader) =>
  db
    .selectFrom('recognition_badges as b')
    .innerJoin('users as agent', 'agent.id', 'b.agent_id')
    .selectAll('b')
    .select('agent.display_name as agent_name');

/** Shout-outs with their agent's and giver's names. */
export const shoutoutsQuery = (db: Reader) =>
  db
    .selectFrom('recognition_shoutouts as s')
    .innerJoin('users as agent', 'agent.id', 's.agent_id')
    .innerJoin('users as giver', 'giver.id', 's.from_id')
    .selectAll('s')
    .select(['agent.display_name as agent_name', 'giver.display_name as from_name']);

export async function shoutoutById(db: Reader, id: string): Promise<Shoutout | undefined> {
  const row = await shoutoutsQuery(db).where('s.id', '=', id).executeTakeFirst();
  return row && toShoutout(row);
}

/** An active agent's account and team now (an agent is in one team at a time), if any. */
export async function agentOf(db: Reader, agentId: string) {
  const agent = await db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('id', '=', agentId)
    .where('role', '=', 'agent')
    .where('disabled', '=', 0)
    .executeTakeFirst();
  if (!agent) return undefined;
  const team = await db
    .selectFrom('team_members')
    .innerJoin('teams', 'teams.id', 'team_members.team_id')
    .select(['teams.id', 'teams.time_zone', 'teams.behaviours_only'])
    .where('team_members.user_id', '=', agentId)
    .orderBy('teams.id')
    .executeTakeFirst();
  return { id: agent.id, name: agent.display_name, team: team ?? null };
}

export async function teamRow(db: Reader, teamId: string) {
  return db
    .selectFrom('teams')
    .leftJoin('kpi_settings', 'kpi_settings.team_id', 'teams.id')
    .select([
      'teams.id',
      'teams.name',
      'teams.time_zone',
      'teams.behaviours_only',
      'kpi_settings.leaderboard',
    ])
    .where('teams.id', '=', teamId)
    .executeTakeFirst();
}

/** The team's active agents, by name. */
export async function teamAgents(db: Reader, teamId: string) {
  return db
    .selectFrom('team_members')
    .innerJoin('users', 'users.id', 'team_members.user_id')
    .select(['users.id', 'users.display_name'])
    .where('team_members.team_id', '=', teamId)
    .where('users.role', '=', 'agent')
    .where('users.disabled', '=', 0)
    .orderBy('users.display_name')
    .orderBy('users.id')
    .execute();
}

/** Every active agent with their team's calendar (the hub's for agents in no team). */
export async function agentCalendars(db: Reader, agentIds?: readonly string[]) {
  if (agentIds?.length === 0) return [];
  let query = db
    .selectFrom('users')
    .leftJoin('team_members', 'team_members.user_id', 'users.id')
    .leftJoin('teams', 'teams.id', 'team_members.team_id')
    .select(['users.id', 'teams.id as team_id', 'teams.time_zone', 'teams.behaviours_only'])
    .where('users.role', '=', 'agent')
    .where('users.disabled', '=', 0);
  if (agentIds) query = query.where('users.id', 'in', agentIds);
  const rows = await query.orderBy('users.id').orderBy('teams.id').execute();
  // An agent is in one team at a time; should a row list two, the first team counts.
  const seen = new Set<string>();
  return rows
    .filter((r) => !seen.has(r.id) && seen.add(r.id))
    .map((r) => ({
      agentId: r.id,
      teamId: r.team_id,
      zone: r.time_zone ?? HUB_ZONE,
      behavioursOnly: r.behaviours_only === 1,
    }));
}
export type AgentCalendar = Awaited<ReturnType<typeof agentCalendars>>[number];
