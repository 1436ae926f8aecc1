import { KPI_IDS, KPI_PERIODS, type KpiId, type KpiPeriod } from '@sidecoach/shared';

// Where in the Figures area the user is, read from the view's path (the address after
// `#/figures/`) and written back to it. Anything unknown or malformed is the first team's
// dashboard; a team without its days is that team's dashboard over the default days.

/** A team's dashboard request: the days (the team's calendar, both included) and their buckets. */
export interface FiguresQuery {
  teamId: string;
  period: KpiPeriod;
  from: string;
  to: string;
}

/** The calls behind a number: which KPI they count for, and whose (an agent, a call type, days). */
export interface DrillScope {
  kpi: KpiId;
  agentId?: string;
  callType?: string;
  /** A trend bucket's days (within the dashboard's). */
  days?: { from: string; to: string };
}

export type FiguresRoute =
  | { screen: 'dashboard'; teamId: string | null; query: FiguresQuery | null }
  | { screen: 'calls'; query: FiguresQuery; scope: DrillScope }
  | { screen: 'settings' };

/** The hub's limit on a dashboard's days. */
export const MAX_DAYS = 400;
const DAY_MS = 86_400_000;
const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** Whether a text is a real calendar day (YYYY-MM-DD). */
export const isDay = (day: string | undefined): day is string =>
  day !== undefined && DAY.test(day) && new Date(`${day}T00:00:00Z`).toISOString().startsWith(day);

/** Days from `from` to `to`, both counted. */
export const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;

/** A day `n` days after (before, when negative) another. */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** What is wrong with a range of days, if anything. */
export function rangeProblem(from: string, to: string): 'order' | 'tooLong' | 'invalid' | null {
  if (!isDay(from) || !isDay(to)) return 'invalid';
  if (from > to) return 'order';
  return daysBetween(from, to) > MAX_DAYS ? 'tooLong' : null;
}

/** The Monday of the day's ISO week (its trend bucket, as the hub's bucketOf gives it). */
export function mondayOf(day: string): string {
  return addDays(day, -((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7));
}

/** The days a period shows by default up to `today`: 14 days, 8 weeks or 6 months. */
export function defaultRange(period: KpiPeriod, today: string): { from: string; to: string } {
  if (period === 'day') return { from: addDays(today, -13), to: today };
  if (period === 'week') return { from: addDays(mondayOf(today), -7 * 7), to: today };
  const [y, m] = today.split('-').map(Number) as [number, number];
  const first = new Date(Date.UTC(y, m - 1 - 5, 1)).toISOString().slice(0, 10);
  return { from: first, to: today };
}

/** The last day of a trend bucket (a day, a week from its Monday, a month from its first). */
export function bucketEnd(bucket: string, period: KpiPeriod): string {
  if (period === 'day') return bucket;
  if (period === 'week') return addDays(bucket, 6);
  const [y, m] = bucket.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/** A bucket's days within the dashboard's (the first and last buckets may be cut). */
export function bucketDays(
  bucket: string,
  query: Pick<FiguresQuery, 'period' | 'from' | 'to'>,
): { from: string; to: string } {
  const end = bucketEnd(bucket, query.period);
  return { from: bucket < query.from ? query.from : bucket, to: end > query.to ? query.to : end };
}

const isKpi = (id: string | undefined): id is KpiId => KPI_IDS.some((k) => k === id);
const isPeriod = (p: string | undefined): p is KpiPeriod => KPI_PERIODS.some((k) => k === p);

function queryOf(path: readonly string[]): FiguresQuery | null {
  const [teamId, period, from, to] = path;
  if (!teamId || !isPeriod(period) || !from || !to || rangeProblem(from, to)) return null;
  return { teamId, period, from, to };
}

/** What follows `calls/<kpi>`: `agent/<id>` or `type/<call type>`, then `days/<from>/<to>`. */
function scopeOf(kpi: KpiId, rest: readonly string[], query: FiguresQuery): DrillScope | null {
  const scope: DrillScope = { kpi };
  let i = 0;
  if ((rest[i] === 'agent' || rest[i] === 'type') && rest[i + 1]) {
    if (rest[i] === 'agent') scope.agentId = rest[i + 1];
    else scope.callType = rest[i + 1];
    i += 2;
  }
  if (rest[i] === 'days') {
    const [from, to] = [rest[i + 1], rest[i + 2]];
    if (!from || !to || rangeProblem(from, to) || from < query.from || to > query.to) return null;
    scope.days = { from, to };
    i += 3;
  }
  return i === rest.length ? scope : null;
}

export function routeOf(path: readonly string[]): FiguresRoute {
  if (path.length === 1 && path[0] === 'settings') return { screen: 'settings' };
  const teamId = path[0] ?? null;
  const query = queryOf(path);
  if (query && path.length === 4) return { screen: 'dashboard', teamId, query };
  if (query && path[4] === 'calls' && isKpi(path[5])) {
    const scope = scopeOf(path[5], path.slice(6), query);
    if (scope) return { screen: 'calls', query, scope };
  }
  return { screen: 'dashboard', teamId, query };
}

export function pathOf(route: FiguresRoute): string[] {
  if (route.screen === 'settings') return ['settings'];
  if (route.screen === 'dashboard') {
    const q = route.query;
    return q ? [q.teamId, q.period, q.from, q.to] : route.teamId ? [route.teamId] : [];
  }
  const { query: q, scope: s } = route;
  return [
    q.teamId,
    q.period,
    q.from,
    q.to,
    'calls',
    s.kpi,
    ...(s.agentId ? ['agent', s.agentId] : s.callType ? ['type', s.callType] : []),
    ...(s.days ? ['days', s.days.from, s.days.to] : []),
  ];
}
