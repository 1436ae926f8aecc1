import {
  emptySums,
  localDayOf,
  localDayStart,
  RELEASED_EVALUATION_STATUSES,
  ScoreResultSchema,
  type KpiSums,
  type KpiThresholds,
} from '@sidecoach/shared';
import { sql, type RawBuilder } from 'kysely';
import { dayAfter } from '../lib/kpi-legs.js';
import { notMysteryCall } from '../lib/mystery-calls.js';
import type { Db } from '../store/db.js';

// The counters (KpiSums) behind every figure, per day, agent and call type: the queue side from
// the legs (the same sums as shared's legSums over each leg, but summed by the database), and
// Sidecoach's own records (surveys, self-assessments, complaints, quality). Every row is a sum;
// ratios are made only after summing (figuresOf), never averaged.

const DAY_MS = 86_400_000;

/** A range of a team's days: each day's first instant (UTC), and the instant after the last. */
export interface DaySpan {
  from: string;
  to: string;
  timeZone: string;
  days: string[];
  starts: string[];
  end: string;
}

export function daySpan(from: string, to: string, timeZone: string): DaySpan {
  const days: string[] = [];
  for (let day = from; day <= to; day = dayAfter(day)) days.push(day);
  return {
    from,
    to,
    timeZone,
    days,
    starts: days.map((d) => localDayStart(d, timeZone)),
    end: localDayStart(dayAfter(to), timeZone),
  };
}

/**
 * SQL for the day of the span an instant column falls on (rows are within the span): a binary
 * search over the days' first instants, as literals (the same text in SELECT and GROUP BY, which
 * PostgreSQL needs to see that they are one expression). Days and instants are our own text.
 */
export function dayOfColumn(column: string, span: DaySpan): RawBuilder<string> {
  const ref = sql.ref(column);
  const tree = (lo: number, hi: number): RawBuilder<string> => {
    if (hi - lo === 1) return sql.lit(span.days[lo]!);
    const mid = (lo + hi) >> 1;
    return sql<string>`case when ${ref} < ${sql.lit(span.starts[mid]!)} then ${tree(lo, mid)} else ${tree(mid, hi)} end`;
  };
  // PostgreSQL refuses a constant in GROUP BY: a one-day span is a CASE too.
  if (span.days.length === 1)
    return sql<string>`case when ${ref} is not null then ${sql.lit(span.days[0]!)} end`;
  return tree(0, span.days.length);
}

/** Who the counters are of: a team's legs (its queues) and members, or one agent's. */
export type Scope = { teamId: string } | { agentId: string };

const n = (value: unknown) => Number(value ?? 0);

/**
 * What a leg is, in SQL, as shared's legOutcome, handleMsOf and firstContactOf decide it (from
 * the columns derived at each write), for the leg table under `alias` (or unqualified).
 */
export function legConditions(t: KpiThresholds, nowMs: number, alias?: string) {
  const c = (column: string) => sql.ref(alias ? `${alias}.${column}` : column);
  const window = t.fcrDays * DAY_MS;
  const answered = sql`${c('answered_at')} is not null`;
  const abandoned = sql`(${c('answered_at')} is null and ${c('abandoned_at')} is not null)`;
  const short = sql`(${abandoned} and coalesce(${c('counted_wait_ms')}, 0) < ${t.shortAbandonSeconds * 1000})`;
  const repeat = sql`(${c('next_contact_ms')} is not null and ${c('next_contact_ms')} < ${c('offered_ms')} + ${window})`;
  const known = sql`(${c('customer_key')} is not null and ${c('handled')} = 1)`;
  const passed = sql`(${c('offered_ms')} + ${window} <= ${nowMs})`;
  return {
    answered,
    abandoned,
    short,
    inSl: sql`(${answered} and ${c('counted_wait_ms')} <= ${t.serviceLevelSeconds * 1000})`,
    handled: sql`${c('handled')} = 1`,
    transferred: sql`(${answered} and ${c('transferred_at')} is not null)`,
    fcrEligible: sql`(${known} and (${repeat} or ${passed}))`,
    fcrResolved: sql`(${known} and not ${repeat} and ${passed})`,
    /** A complaint once: flagged, or of the complaint call type. */
    complaint: sql`(${c('complaint')} = 1 or ${c('call_type')} = 'complaint')`,
  };
}

/**
 * The queue-side counters of legs in SQL, one expression per counter of shared's legSums (the
 * test compares the two over the same legs). `typedComplaints`: legs of the complaint call type
 * the agent did not also flag (complaints count once per call).
 */
function legCounters(t: KpiThresholds, nowMs: number) {
  const is = legConditions(t, nowMs);
  const count = (when: RawBuilder<unknown>) =>
    sql<number>`sum(case when ${when} then 1 else 0 end)`;
  return [
    sql<number>`count(*)`.as('offered'),
    count(is.answered).as('answered'),
    count(is.inSl).as('answeredInSl'),
    count(is.abandoned).as('abandoned'),
    count(is.short).as('shortAbandoned'),
    sql<number>`sum(case when ${is.answered} then counted_wait_ms else 0 end)`.as('waitMs'),
    sql<number>`sum(handled)`.as('handled'),
    sql<number>`sum(coalesce(handle_talk_ms, 0))`.as('talkMs'),
    sql<number>`sum(coalesce(handle_hold_ms, 0))`.as('holdMs'),
    sql<number>`sum(coalesce(handle_acw_ms, 0))`.as('acwMs'),
    count(is.transferred).as('transferred'),
    count(is.fcrEligible).as('fcrEligible'),
    count(is.fcrResolved).as('fcrResolved'),
    sql<number>`sum(complaint)`.as('complaints'),
    count(sql`complaint = 0 and call_type = 'complaint'`).as('typedComplaints'),
  ] as const;
}

const LEG_KEYS = [
  'offered',
  'answered',
  'answeredInSl',
  'abandoned',
  'shortAbandoned',
  'waitMs',
  'handled',
  'talkMs',
  'holdMs',
  'acwMs',
  'transferred',
  'fcrEligible',
  'fcrResolved',
  'complaints',
] as const satisfies readonly (keyof KpiSums)[];

/** Counters of one day and call type ('' when nobody typed the call). */
export interface DayRow {
  day: string;
  callType: string;
  sums: KpiSums;
}
/** Counters of one agent (null: legs no agent answered). */
export interface AgentRow {
  agentId: string | null;
  sums: KpiSums;
}
/**
 * Counters two ways: by day and call type (the trend, the call types, the total), and by agent
 * when asked. Two small groupings rather than one by day, agent and call type: a month of a large
 * team is hundreds of thousands of those, each a row for the hub to read.
 */
export interface Counted {
  days: DayRow[];
  agents: AgentRow[];
}

const sumsOf = (r: Record<string, unknown>, keys: readonly (keyof KpiSums)[]) => {
  const sums = emptySums();
  for (const key of keys) sums[key] = n(r[key]);
  return sums;
};

/**
 * The legs' counters: a team's legs by their stamped local day (the caller has made sure they
 * are stamped in the team's zone), or an agent's by the instant they were offered, in the span's
 * zone. With `typed`, complaints include the complaint-typed legs nobody flagged; without, the
 * counters are exactly shared's legSums summed.
 */
export async function legCounted(
  db: Db,
  scope: Scope,
  span: DaySpan,
  t: KpiThresholds,
  options: { now: Date; callType?: string | undefined; typed?: boolean; agents?: boolean },
): Promise<Counted> {
  const day = 'teamId' in scope ? sql<string>`local_day` : dayOfColumn('offered_at', span);
  let base = db.selectFrom('kpi_legs').select(legCounters(t, options.now.getTime()));
  base =
    'teamId' in scope
      ? base
          .where('team_id', '=', scope.teamId)
          .where('time_zone', '=', span.timeZone)
          .where('local_day', '>=', span.from)
          .where('local_day', '<=', span.to)
      : base
          .where('agent_id', '=', scope.agentId)
          .where('offered_at', '>=', span.starts[0]!)
          .where('offered_at', '<', span.end);
  if (options.callType !== undefined) base = base.where('call_type', '=', options.callType);
  const sums = (r: Record<string, unknown>) => {
    const out = sumsOf(r, LEG_KEYS);
    if (options.typed) out.complaints += n(r.typedComplaints);
    return out;
  };
  const days = await base
    .select([day.as('day'), 'call_type'])
    .groupBy([day, 'call_type'])
    .execute();
  const agents = options.agents ? await base.select('agent_id').groupBy('agent_id').execute() : [];
  return {
    days: days.map((r) => ({ day: r.day, callType: r.call_type ?? '', sums: sums(r) })),
    agents: agents.map((r) => ({ agentId: r.agent_id, sums: sums(r) })),
  };
}

/** The agents whose own records count: the team's members, or the one agent. */
function agentsOf(scope: Scope, column: string) {
  const ref = sql.ref(column);
  return 'teamId' in scope
    ? sql<boolean>`${ref} in (select team_members.user_id from team_members where team_members.team_id = ${scope.teamId})`
    : sql<boolean>`${ref} = ${scope.agentId}`;
}

const SURVEY_KEYS = [
  'surveysSent',
  'surveyResponses',
  'csatAnswers',
  'csatTopTwo',
  'csatTotal',
  'resolvedAnswers',
  'resolvedYes',
] as const satisfies readonly (keyof KpiSums)[];
const CALL_KEYS = [
  'calls',
  'selfAssessed',
  'complaints',
] as const satisfies readonly (keyof KpiSums)[];

/**
 * Sidecoach's own counters by day (the span's zone) and call type, and by agent when asked:
 * survey sends and answers (mystery calls left out, and answers that look like staff gave them,
 * as the survey report does), ended calls and their self-assessments, complaint calls no leg
 * counted already, and quality scores (released QA evaluations; approved mystery reports, only
 * once their wave is released unless `unreleasedMystery`).
 */
export async function recordCounted(
  db: Db,
  scope: Scope,
  span: DaySpan,
  options: { callType?: string | undefined; unreleasedMystery: boolean; agents?: boolean },
): Promise<Counted> {
  const out: Counted = { days: [], agents: [] };
  const lo = span.starts[0]!;
  const { end } = span;
  const count = (when: RawBuilder<unknown>) =>
    sql<number>`sum(case when ${when} then 1 else 0 end)`;

  const sent = sql`s.state <> 'skipped'`;
  const customer = sql`r.call_id is not null and r.self_answer is null`;
  const rated = sql`${customer} and r.csat between 1 and 5`;
  let surveys = db
    .selectFrom('survey_sends as s')
    .leftJoin('survey_responses as r', 'r.call_id', 's.call_id')
    .select([
      count(sent).as('surveysSent'),
      count(sql`${sent} and ${customer}`).as('surveyResponses'),
      count(rated).as('csatAnswers'),
      count(sql`${rated} and r.csat >= 4`).as('csatTopTwo'),
      sql<number>`sum(case when ${rated} then r.csat else 0 end)`.as('csatTotal'),
      count(sql`${customer} and r.resolved is not null`).as('resolvedAnswers'),
      count(sql`${customer} and r.resolved = 1`).as('resolvedYes'),
    ])
    .where(agentsOf(scope, 's.agent_id'))
    .where('s.decided_at', '>=', lo)
    .where('s.decided_at', '<', end)
    .where(notMysteryCall('s.call_id'));
  if (options.callType !== undefined) surveys = surveys.where('s.call_type', '=', options.callType);
  const sendDay = dayOfColumn('s.decided_at', span);
  for (const r of await surveys
    .select([sendDay.as('day'), 's.call_type'])
    .groupBy([sendDay, 's.call_type'])
    .execute())
    out.days.push({ day: r.day, callType: r.call_type, sums: sumsOf(r, SURVEY_KEYS) });
  if (options.agents)
    for (const r of await surveys.select('s.agent_id').groupBy('s.agent_id').execute())
      out.agents.push({ agentId: r.agent_id, sums: sumsOf(r, SURVEY_KEYS) });

  let calls = db
    .selectFrom('calls as c')
    .leftJoin('self_assessments as sa', 'sa.call_id', 'c.id')
    .select([
      sql<number>`count(*)`.as('calls'),
      count(sql`sa.status = 'submitted'`).as('selfAssessed'),
      // Counted once per call: not when a leg of it counts as a complaint already.
      count(
        sql`c.call_type = 'complaint' and not exists (select 1 from kpi_legs as l where l.call_id = c.id and (l.complaint = 1 or l.call_type = 'complaint'))`,
      ).as('complaints'),
    ])
    .where(agentsOf(scope, 'c.agent_id'))
    .where('c.started_at', '>=', lo)
    .where('c.started_at', '<', end)
    .where('c.ended_at', 'is not', null);
  if (options.callType !== undefined) calls = calls.where('c.call_type', '=', options.callType);
  const callDay = dayOfColumn('c.started_at', span);
  for (const r of await calls
    .select([callDay.as('day'), 'c.call_type'])
    .groupBy([callDay, 'c.call_type'])
    .execute())
    out.days.push({ day: r.day, callType: r.call_type, sums: sumsOf(r, CALL_KEYS) });
  if (options.agents)
    for (const r of await calls.select('c.agent_id').groupBy('c.agent_id').execute())
      out.agents.push({ agentId: r.agent_id, sums: sumsOf(r, CALL_KEYS) });

  // Quality: few rows (a handful of evaluations per agent a month), read and scored here.
  const percentOf = (score: string | null) => {
    if (score === null) return null;
    const parsed = ScoreResultSchema.safeParse(JSON.parse(score));
    return parsed.success ? parsed.data.percent : null;
  };
  const scored = (at: string, agentId: string, callType: string | null, score: string | null) => {
    const percent = percentOf(score);
    if (percent === null) return;
    if (options.callType !== undefined && callType !== options.callType) return;
    const sums = () => ({ ...emptySums(), qualityCount: 1, qualityTotal: percent });
    out.days.push({ day: localDayOf(at, span.timeZone), callType: callType ?? '', sums: sums() });
    if (options.agents) out.agents.push({ agentId, sums: sums() });
  };
  const evaluations = await db
    .selectFrom('qa_evaluations as e')
    .leftJoin('calls as c', 'c.id', 'e.call_id')
    .select(['e.agent_id', 'e.released_at', 'e.evaluated_at', 'e.score', 'c.call_type'])
    .where(agentsOf(scope, 'e.agent_id'))
    .where('e.status', 'in', RELEASED_EVALUATION_STATUSES)
    .where(sql<string>`coalesce(e.released_at, e.evaluated_at)`, '>=', lo)
    .where(sql<string>`coalesce(e.released_at, e.evaluated_at)`, '<', end)
    .execute();
  for (const e of evaluations)
    scored(e.released_at ?? e.evaluated_at, e.agent_id, e.call_type, e.score);
  let mystery = db
    .selectFrom('mystery_reports as r')
    .innerJoin('mystery_assignments as a', 'a.id', 'r.assignment_id')
    .innerJoin('mystery_waves as w', 'w.id', 'r.wave_id')
    .select(['r.agent_id', 'r.called_at', 'r.score', 'a.call_type'])
    .where('a.status', '=', 'approved')
    .where('r.agent_id', 'is not', null)
    .where(agentsOf(scope, 'r.agent_id'))
    .where('r.called_at', '>=', lo)
    .where('r.called_at', '<', end);
  if (!options.unreleasedMystery) mystery = mystery.where('w.released_at', 'is not', null);
  for (const m of await mystery.execute()) scored(m.called_at, m.agent_id!, m.call_type, m.score);
  return out;
}
