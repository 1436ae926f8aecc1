import {
  handleMsOf,
  legOutcome,
  localDayOf,
  localDayStart,
  type LegFacts,
} from '@sidecoach/shared';
import type { Db } from '../store/db.js';
import type { KpiLegRow, KpiLegsTable } from '../store/schema.js';
import type { Trx } from './jobs.js';

// Call legs (kpi_legs) as the CTI webhook writes them and the KPI capability reads them: the
// facts as shared's KPI functions take them, the columns derived from those facts at each write
// (so the figures are sums in SQL), and the local day a leg counts on, in its team's zone.

/** The hub's own time zone: the days of legs whose queue no team has yet. */
export const HUB_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

const DAY_MS = 86_400_000;

/** What shared's KPI functions know of a stored leg. */
export function legFactsOf(
  row: Pick<
    KpiLegRow,
    | 'offered_at'
    | 'answered_at'
    | 'abandoned_at'
    | 'wait_ms'
    | 'transferred_at'
    | 'wrap_start_at'
    | 'wrap_end_at'
    | 'talk_ms'
    | 'hold_ms'
    | 'customer_key'
    | 'next_contact_at'
    | 'complaint'
  >,
): LegFacts {
  return {
    offeredAt: row.offered_at,
    answeredAt: row.answered_at,
    abandonedAt: row.abandoned_at,
    waitMs: row.wait_ms,
    transferredAt: row.transferred_at,
    wrapStartAt: row.wrap_start_at,
    wrapEndAt: row.wrap_end_at,
    talkMs: row.talk_ms,
    holdMs: row.hold_ms,
    customerKey: row.customer_key,
    nextContactAt: row.next_contact_at,
    complaint: row.complaint === 1,
  };
}

/**
 * The wait as the figures count it (shared legSums): the PBX's, else from offered to answered
 * or abandoned; null while the call still waits.
 */
export function countedWaitOf(leg: LegFacts): number | null {
  if (leg.waitMs !== null) return leg.waitMs;
  const end = leg.answeredAt ?? leg.abandonedAt;
  return end === null ? null : Math.max(0, Date.parse(end) - Date.parse(leg.offeredAt));
}

/** The stored outcome codes (short abandons are abandons: the threshold is the team's). */
export const OUTCOME = { waiting: 0, answered: 1, transferred: 2, abandoned: 3 } as const;

/** The derived columns of a leg, from its facts (written with them, read as plain sums). */
export function derivedOf(leg: LegFacts): Pick<
  KpiLegsTable,
  'counted_wait_ms' | 'handle_talk_ms' | 'handle_hold_ms' | 'handle_acw_ms'
> & {
  handled: number;
  outcome: number;
} {
  const handle = handleMsOf(leg);
  const outcome = legOutcome(leg, { shortAbandonSeconds: 0, serviceLevelSeconds: 0, fcrDays: 1 });
  return {
    outcome: OUTCOME[outcome === 'short-abandon' ? 'abandoned' : outcome],
    counted_wait_ms: countedWaitOf(leg),
    handled: handle ? 1 : 0,
    handle_talk_ms: handle?.talkMs ?? null,
    handle_hold_ms: handle?.holdMs ?? null,
    handle_acw_ms: handle?.acwMs ?? null,
  };
}

/** The next day of a YYYY-MM-DD day. */
export function dayAfter(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}

/**
 * Stamps the legs of a queue or of a team with the days of a time zone: one update per local
 * day the legs span (each an indexed range of offered_at), not one per leg. Answers how many
 * legs were stamped.
 */
export async function stampDays(
  db: Db | Trx,
  scope: { queue: string } | { teamId: string },
  timeZone: string,
): Promise<number> {
  const [column, value] = 'queue' in scope ? ['queue', scope.queue] : ['team_id', scope.teamId];
  const span = await db
    .selectFrom('kpi_legs')
    .select((eb) => [eb.fn.min('offered_at').as('first'), eb.fn.max('offered_at').as('last')])
    .where(column as 'queue' | 'team_id', '=', value)
    .executeTakeFirst();
  if (!span?.first || !span.last) return 0;
  let stamped = 0;
  const last = localDayOf(span.last, timeZone);
  for (let day = localDayOf(span.first, timeZone); day <= last; day = dayAfter(day)) {
    const result = await db
      .updateTable('kpi_legs')
      .set({ local_day: day, time_zone: timeZone })
      .where(column as 'queue' | 'team_id', '=', value)
      .where('offered_at', '>=', localDayStart(day, timeZone))
      .where('offered_at', '<', localDayStart(dayAfter(day), timeZone))
      .executeTakeFirst();
    stamped += Number(result.numUpdatedRows);
  }
  return stamped;
}
