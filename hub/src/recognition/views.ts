import {
  BADGE_KINDS,
  badgeMonthOf,
  qaPeriodOf,
  type Badge,
  type MyRecognition,
  type RecognitionSummary,
  type RecognitionWall,
  type Shoutout,
} from '@sidecoach/shared';
import type { AuthUser } from '../lib/people.js';
import type { Db } from '../store/db.js';
import { readsAllPrivate } from './policy.js';
import {
  badgesQuery,
  shoutoutsQuery,
  teamAgents,
  toBadge,
  toShoutout,
  type teamRow,
} from './records.js';

// What people read of recognition: the team wall, the agent's own, the lead's monthly summary.

type Team = NonNullable<Awaited<ReturnType<typeof teamRow>>>;

/** The agent's own badges and shout-outs the sidebar lists, newest first, at most. */
const MINE_MAX = 200;

const newestFirst = (a: { at: string; id: string }, b: { at: string; id: string }) =>
  a.at < b.at ? 1 : a.at > b.at ? -1 : a.id < b.id ? 1 : -1;

/**
 * The team's badges and shout-outs, newest first, before `before`: team shout-outs for every
 * reader; private ones only for their agent, their giver and the team's leads and supervisors.
 */
export async function wallOf(
  db: Db,
  user: AuthUser,
  team: Team,
  request: { before?: string | undefined; limit: number },
  now = new Date(),
): Promise<RecognitionWall> {
  const before = request.before && new Date(request.before).toISOString();
  let badges = badgesQuery(db).where('b.team_id', '=', team.id);
  let shoutouts = shoutoutsQuery(db).where('s.team_id', '=', team.id);
  if (before) {
    badges = badges.where('b.awarded_at', '<', before);
    shoutouts = shoutouts.where('s.at', '<', before);
  }
  if (!readsAllPrivate(user, team.id))
    shoutouts = shoutouts.where((eb) =>
      eb.or([
        eb('s.visibility', '=', 'team'),
        eb('s.agent_id', '=', user.id),
        eb('s.from_id', '=', user.id),
      ]),
    );
  const [badgeRows, shoutoutRows, members] = await Promise.all([
    badges.orderBy('b.awarded_at', 'desc').orderBy('b.id', 'desc').limit(request.limit).execute(),
    shoutouts.orderBy('s.at', 'desc').orderBy('s.id', 'desc').limit(request.limit).execute(),
    teamAgents(db, team.id),
  ]);
  const entries = [
    ...badgeRows.map((r) => ({ at: r.awarded_at, id: r.id, entry: badgeEntry(toBadge(r)) })),
    ...shoutoutRows.map((r) => ({ at: r.at, id: r.id, entry: shoutoutEntry(toShoutout(r)) })),
  ]
    .sort(newestFirst)
    .slice(0, request.limit)
    .map((e) => e.entry);
  const leaderboardOn = team.leaderboard === 1 && team.behaviours_only === 0;
  return {
    teamId: team.id,
    teamName: team.name,
    members: members.map((m) => ({ agentId: m.id, agentName: m.display_name })),
    entries,
    leaderboard: leaderboardOn ? await leaderboardOf(db, team, members, now) : null,
  };
}

const badgeEntry = (badge: Badge) => ({ kind: 'badge' as const, badge });
const shoutoutEntry = (shoutout: Shoutout) => ({ kind: 'shoutout' as const, shoutout });

/**
 * This month's (the team's calendar) badges and team shout-outs per agent of the team, most
 * first; agents with neither are left out. Private shout-outs are not counted: a count would
 * tell the team they exist.
 */
async function leaderboardOf(
  db: Db,
  team: Team,
  members: Awaited<ReturnType<typeof teamAgents>>,
  now: Date,
): Promise<NonNullable<RecognitionWall['leaderboard']>> {
  const month = badgeMonthOf(now.toISOString(), team.time_zone);
  const [badges, shoutouts] = await Promise.all([
    db
      .selectFrom('recognition_badges')
      .select(['agent_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('team_id', '=', team.id)
      .where('awarded_at', '>=', month.start)
      .where('awarded_at', '<', month.end)
      .groupBy('agent_id')
      .execute(),
    db
      .selectFrom('recognition_shoutouts')
      .select(['agent_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('team_id', '=', team.id)
      .where('visibility', '=', 'team')
      .where('at', '>=', month.start)
      .where('at', '<', month.end)
      .groupBy('agent_id')
      .execute(),
  ]);
  const badgesOf = new Map(badges.map((b) => [b.agent_id, Number(b.n)]));
  const shoutoutsOf = new Map(shoutouts.map((s) => [s.agent_id, Number(s.n)]));
  return members
    .map((m) => ({
      agentId: m.id,
      agentName: m.display_name,
      badges: badgesOf.get(m.id) ?? 0,
      shoutouts: shoutoutsOf.get(m.id) ?? 0,
    }))
    .filter((r) => r.badges + r.shoutouts > 0)
    .sort(
      (a, b) =>
        b.badges + b.shoutouts - (a.badges + a.shoutouts) ||
        b.badges - a.badges ||
        a.agentName.localeCompare(b.agentName),
    );
}

/** The user's own badges and the shout-outs they received (private ones too). */
export async function mineOf(db: Db, userId: string): Promise<MyRecognition> {
  const [badges, shoutouts] = await Promise.all([
    badgesQuery(db)
      .where('b.agent_id', '=', userId)
      .orderBy('b.awarded_at', 'desc')
      .orderBy('b.id', 'desc')
      .limit(MINE_MAX)
      .execute(),
    shoutoutsQuery(db)
      .where('s.agent_id', '=', userId)
      .orderBy('s.at', 'desc')
      .orderBy('s.id', 'desc')
      .limit(MINE_MAX)
      .execute(),
  ]);
  return { badges: badges.map(toBadge), shoutouts: shoutouts.map(toShoutout) };
}

const mostFirst = (counts: Map<string, number>) =>
  [...counts].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1));
const bump = (counts: Map<string, number>, key: string) =>
  counts.set(key, (counts.get(key) ?? 0) + 1);

/**
 * A month of the team's recognition (YYYY-MM of its calendar): badges for periods in the month
 * (the week's Monday, the month, a streak's first day), shout-outs given in it; each agent's
 * tally with the standards most recognised, and the agents nobody recognised.
 */
export async function summaryOf(db: Db, team: Team, month: string): Promise<RecognitionSummary> {
  const period = qaPeriodOf(`${month}-01`, 'month', team.time_zone);
  const [badgeRows, shoutoutRows, members] = await Promise.all([
    badgesQuery(db)
      .where('b.team_id', '=', team.id)
      .where('b.period', '>=', period.from)
      .where('b.period', '<', period.to)
      .execute(),
    shoutoutsQuery(db)
      .where('s.team_id', '=', team.id)
      .where('s.at', '>=', period.start)
      .where('s.at', '<', period.end)
      .execute(),
    teamAgents(db, team.id),
  ]);
  const names = new Map(members.map((m) => [m.id, m.display_name]));
  // Agents who were recognised here this month and have left the team since are listed too.
  for (const b of badgeRows) if (!names.has(b.agent_id)) names.set(b.agent_id, b.agent_name);
  for (const s of shoutoutRows) if (!names.has(s.agent_id)) names.set(s.agent_id, s.agent_name);
  const tally = new Map(
    [...names.keys()].map((id) => [
      id,
      { badges: 0, received: 0, given: 0, standards: new Map<string, number>() },
    ]),
  );
  const kinds = new Map<string, number>();
  const standards = new Map<string, number>();
  for (const b of badgeRows) {
    const t = tally.get(b.agent_id)!;
    t.badges += 1;
    bump(kinds, b.kind);
    if (b.item_id !== '') {
      bump(t.standards, b.item_id);
      bump(standards, b.item_id);
    }
  }
  for (const s of shoutoutRows) {
    const t = tally.get(s.agent_id)!;
    t.received += 1;
    bump(t.standards, s.item_id);
    bump(standards, s.item_id);
    const giver = tally.get(s.from_id);
    if (giver) giver.given += 1;
  }
  const agents = [...names]
    .sort(([a, x], [b, y]) => x.localeCompare(y) || (a < b ? -1 : 1))
    .map(([agentId, agentName]) => {
      const t = tally.get(agentId)!;
      return {
        agentId,
        agentName,
        badges: t.badges,
        shoutoutsReceived: t.received,
        shoutoutsGiven: t.given,
        standards: mostFirst(t.standards).map(([itemId]) => itemId),
      };
    });
  return {
    teamId: team.id,
    teamName: team.name,
    month,
    agents,
    unrecognised: members
      .filter((m) => {
        const t = tally.get(m.id)!;
        return t.badges === 0 && t.received === 0;
      })
      .map((m) => ({ agentId: m.id, agentName: m.display_name })),
    badgesByKind: BADGE_KINDS.map((kind) => ({ kind, count: kinds.get(kind) ?? 0 })),
    standards: mostFirst(standards).map(([itemId, count]) => ({ itemId, count })),
  };
}
