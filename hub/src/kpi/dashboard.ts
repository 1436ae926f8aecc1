import {
  bucketOf,
  bucketsBetween,
  emptySums,
  figuresOf,
  localDayOf,
  type KpiDashboard,
  type KpiDashboardRequest,
  type KpiMine,
  type KpiPeriod,
  type KpiRow,
  type KpiSettings,
  type KpiSums,
} from '@sidecoach/shared';
import { stampDays } from '../lib/kpi-legs.js';
import type { Db } from '../store/db.js';
import {
  daySpan,
  legCounted,
  recordCounted,
  type AgentRow,
  type Counted,
  type DayRow,
  type DaySpan,
} from './figures.js';

// The figures as the screens read them: a team's dashboard (total, trend, agents, call types)
// and an agent's own figures beside their team's, all from summed counters.

const DAY_MS = 86_400_000;

const rowOf = (sums: KpiSums): KpiRow => ({ sums, figures: figuresOf(sums) });

/** Adds b into a, counter by counter (a is the fold's own object, never a row's). */
function addInto(a: KpiSums, b: KpiSums): void {
  for (const key of Object.keys(b) as (keyof KpiSums)[]) a[key] += b[key];
}

/**
 * Sums of the rows by a key, in first-seen order. In place: a team's month is hundreds of
 * thousands of rows (day, agent, call type), and a new object per addition would be as many.
 */
function foldBy<R extends { sums: KpiSums }>(
  rows: readonly R[],
  keyOf: (r: R) => string,
): Map<string, KpiSums> {
  const out = new Map<string, KpiSums>();
  for (const r of rows) {
    const key = keyOf(r);
    let sums = out.get(key);
    if (!sums) out.set(key, (sums = emptySums()));
    addInto(sums, r.sums);
  }
  return out;
}

function total(rows: readonly { sums: KpiSums }[]): KpiSums {
  const sums = emptySums();
  for (const r of rows) addInto(sums, r.sums);
  return sums;
}

/** One row per bucket of the period from `from` to `to`, oldest first, empty ones included. */
function trendOf(rows: readonly DayRow[], span: DaySpan, period: KpiPeriod) {
  const byBucket = foldBy(rows, (r) => bucketOf(r.day, period));
  return bucketsBetween(span.from, span.to, period).map((bucket) => ({
    bucket,
    ...rowOf(byBucket.get(bucket) ?? emptySums()),
  }));
}

/**
 * The team's legs are stamped with days of the zone they were counted in; after the team's time
 * zone changed, they are stamped again (once) before they are read.
 */
export async function stampedIn(db: Db, teamId: string, timeZone: string): Promise<void> {
  const other = async (op: '<' | '>') =>
    db
      .selectFrom('kpi_legs')
      .select('id')
      .where('team_id', '=', teamId)
      .where('time_zone', op, timeZone)
      .limit(1)
      .executeTakeFirst();
  if (!(await other('<')) && !(await other('>'))) return;
  await db.transaction().execute((trx) => stampDays(trx, { teamId }, timeZone));
}

/** The first day whose FCR windows are still open (its figures may change), if in the range. */
function provisionalFrom(span: DaySpan, fcrDays: number, now: Date): string | null {
  const day = localDayOf(new Date(now.getTime() - fcrDays * DAY_MS).toISOString(), span.timeZone);
  if (day > span.to) return null;
  return day < span.from ? span.from : day;
}

interface TeamInfo {
  id: string;
  name: string;
  time_zone: string;
}

/** Every counter of the team's days: its queues' legs, and its members' own records. */
export async function teamCounted(
  db: Db,
  team: TeamInfo,
  span: DaySpan,
  settings: KpiSettings,
  options: {
    now: Date;
    callType?: string | undefined;
    unreleasedMystery: boolean;
    agents: boolean;
  },
): Promise<Counted> {
  await stampedIn(db, team.id, team.time_zone);
  const scope = { teamId: team.id };
  const legs = await legCounted(db, scope, span, settings, { ...options, typed: true });
  const records = await recordCounted(db, scope, span, options);
  return {
    days: [...legs.days, ...records.days],
    agents: [...legs.agents, ...records.agents],
  };
}

/** The team's dashboard for the request's days. */
export async function teamDashboard(
  db: Db,
  team: TeamInfo,
  request: KpiDashboardRequest,
  settings: KpiSettings,
  options: { now: Date; unreleasedMystery: boolean },
): Promise<KpiDashboard> {
  const span = daySpan(request.from, request.to, team.time_zone);
  const { days, agents: agentRows } = await teamCounted(db, team, span, settings, {
    ...options,
    callType: request.callType,
    agents: true,
  });
  const members = await db
    .selectFrom('team_members')
    .innerJoin('users', 'users.id', 'team_members.user_id')
    .select(['users.id', 'users.display_name'])
    .where('team_members.team_id', '=', team.id)
    .where('users.role', '=', 'agent')
    .where('users.disabled', '=', 0)
    .execute();
  const byAgent = foldBy(
    agentRows.filter((r): r is AgentRow & { agentId: string } => r.agentId !== null),
    (r) => r.agentId,
  );
  const names = new Map(members.map((m) => [m.id, m.display_name]));
  // Agents of other teams who answered the team's queues are listed too, by name.
  const others = [...byAgent.keys()].filter((id) => !names.has(id));
  if (others.length > 0)
    for (const u of await db
      .selectFrom('users')
      .select(['id', 'display_name'])
      .where('id', 'in', others)
      .execute())
      names.set(u.id, u.display_name);
  const agents = [...names]
    .map(([agentId, agentName]) => ({
      agentId,
      agentName,
      ...rowOf(byAgent.get(agentId) ?? emptySums()),
    }))
    .sort((a, b) => a.agentName.localeCompare(b.agentName) || a.agentId.localeCompare(b.agentId));
  const byType = foldBy(days, (r) => r.callType);
  const queues = await db
    .selectFrom('kpi_queues')
    .select('queue')
    .where('team_id', '=', team.id)
    .orderBy('queue')
    .execute();
  return {
    teamId: team.id,
    teamName: team.name,
    timeZone: team.time_zone,
    settings,
    from: request.from,
    to: request.to,
    period: request.period,
    total: rowOf(total(days)),
    trend: trendOf(days, span, request.period),
    agents,
    callTypes: [...byType]
      .map(([callType, sums]) => ({ callType, ...rowOf(sums) }))
      .sort((a, b) => a.callType.localeCompare(b.callType)),
    fcrProvisionalFrom: provisionalFrom(span, settings.fcrDays, options.now),
    queues: queues.map((q) => q.queue),
  };
}

/** How many buckets of its period the agent's trend shows (the current one last). */
const TREND_BUCKETS: Record<KpiPeriod, number> = { day: 14, week: 8, month: 6 };

/** The days of the agent's current period (from its start to today) and of their trend. */
export function minePeriod(period: KpiPeriod, timeZone: string, now: Date) {
  const today = localDayOf(now.toISOString(), timeZone);
  const from = bucketOf(today, period);
  const back = TREND_BUCKETS[period] - 1;
  const [y, m, d] = from.split('-').map(Number) as [number, number, number];
  const trendFrom =
    period === 'month'
      ? new Date(Date.UTC(y, m - 1 - back, 1)).toISOString().slice(0, 10)
      : new Date(Date.UTC(y, m - 1, d - back * (period === 'week' ? 7 : 1)))
          .toISOString()
          .slice(0, 10);
  return { from, to: today, trendFrom };
}

/**
 * The agent's own figures for the current period (their trend over the last few), beside their
 * team's for the same days (`teamRow`, which the caller may cache: it is the same for every
 * agent of the team).
 */
export async function agentFigures(
  db: Db,
  agentId: string,
  team: TeamInfo,
  period: KpiPeriod,
  settings: KpiSettings,
  options: { now: Date; teamRow: (from: string, to: string) => Promise<KpiRow> },
): Promise<KpiMine> {
  const { from, to, trendFrom } = minePeriod(period, team.time_zone, options.now);
  const span = daySpan(trendFrom, to, team.time_zone);
  const scope = { agentId };
  const rows = [
    ...(await legCounted(db, scope, span, settings, { now: options.now, typed: true })).days,
    ...(await recordCounted(db, scope, span, { unreleasedMystery: false })).days,
  ];
  return {
    period,
    from,
    to,
    mine: rowOf(total(rows.filter((r) => r.day >= from))),
    team: await options.teamRow(from, to),
    targets: settings.targets,
    trend: trendOf(rows, span, period),
  };
}

export { rowOf, total };
