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
 * Runs `work` for each day of the span (its first instant and the next day's), one after the
 * other, letting the hub's other work run between them: on SQLite a query holds the process while
 * it runs, and a month of a large team read in one would hold every socket for seconds.
 */
export async function eachDay(
  span: DaySpan,
  work: (day: string, from: string, to: string) => Promise<void>,
): Promise<void> {
  for (const [i, day] of span.days.entries()) {
    await work(day, span.starts[i]!, span.starts[i + 1] ?? span.end);
    await new Promise((resolve) => setImmediate(resolve));
  }
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
  // The stored outcome (lib/kpi-legs.ts OUTCOME): 1 answered, 2 transferred on, 3 abandoned.
  const answered = sql`${c('outcome')} in (1, 2)`;
  const abandoned = sql`${c('outcome')} = 3`;
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
    transferred: sql`${c('outcome')} = 2`,
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
 * when asked. Each source is read once, grouped by day, call type and agent, and folded into
 * both here (in place: a month of a large team is hundreds of thousands of groups).
 */
export interface Counted {
  days: DayRow[];
  agents: AgentRow[];
}

/** Folds grouped rows into the two groupings, adding each counter in place. */
class Fold {
  private readonly days = new Map<string, DayRow>();
  private readonly agents = new Map<string | null, AgentRow>();

  constructor(private readonly byAgent: boolean) {}

  add(day: string, callType: string | null, agentId: string | null, sums: Partial<KpiSums>) {
    const dayKey = `${day}|${callType ?? ''}`;
    let d = this.days.get(dayKey);
    if (!d) this.days.set(dayKey, (d = { day, callType: callType ?? '', sums: emptySums() }));
    let a: AgentRow | undefined;
    if (this.byAgent) {
      a = this.agents.get(agentId);
      if (!a) this.agents.set(agentId, (a = { agentId, sums: emptySums() }));
    }
    for (const [key, value] of Object.entries(sums) as [keyof KpiSums, number][]) {
      d.sums[key] += value;
      if (a) a.sums[key] += value;
    }
  }

  /** Grouped rows of a query: their counters under `keys` (and typed complaints, if asked). */
  rows(
    day: string,
    rows: readonly Record<string, unknown>[],
    keys: readonly (keyof KpiSums)[],
    typedComplaints = false,
  ) {
    for (const r of rows) {
      const sums: Partial<KpiSums> = {};
      for (const key of keys) sums[key] = n(r[key]);
      if (typedComplaints) sums.complaints = (sums.complaints ?? 0) + n(r.typedComplaints);
      this.add(
        day,
        (r.call_type as string | null) ?? null,
        (r.agent_id as string | null | undefined) ?? null,
        sums,
      );
    }
  }

  counted(): Counted {
    return { days: [...this.days.values()], agents: [...this.agents.values()] };
  }
}

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
  let base = db.selectFrom('kpi_legs').select(legCounters(t, options.now.getTime()));
  base =
    'teamId' in scope
      ? base.where('team_id', '=', scope.teamId).where('time_zone', '=', span.timeZone)
      : base.where('agent_id', '=', scope.agentId);
  if (options.callType !== undefined) base = base.where('call_type', '=', options.callType);
  const fold = new Fold(options.agents === true);
  await eachDay(span, async (day, lo, hi) => {
    const ofDay =
      'teamId' in scope
        ? base.where('local_day', '=', day)
        : base.where('offered_at', '>=', lo).where('offered_at', '<', hi);
    // Grouped in the order of the team's index (day, call type, agent): read without a sort.
    fold.rows(
      day,
      options.agents
        ? await ofDay.select(['call_type', 'agent_id']).groupBy(['call_type', 'agent_id']).execute()
        : await ofDay.select('call_type').groupBy('call_type').execute(),
      LEG_KEYS,
      options.typed,
    );
  });
  return fold.counted();
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
  const fold = new Fold(options.agents === true);
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
    // A skipped send counts in none of these (nothing was sent, so nothing was answered).
    .where('s.state', '<>', 'skipped')
    .where(notMysteryCall('s.call_id'));
  if (options.callType !== undefined) surveys = surveys.where('s.call_type', '=', options.callType);
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
    .where('c.ended_at', 'is not', null);
  if (options.callType !== undefined) calls = calls.where('c.call_type', '=', options.callType);
  await eachDay(span, async (day, from, to) => {
    const sends = surveys.where('s.decided_at', '>=', from).where('s.decided_at', '<', to);
    fold.rows(
      day,
      options.agents
        ? await sends
            .select(['s.call_type', 's.agent_id'])
            .groupBy(['s.call_type', 's.agent_id'])
            .execute()
        : await sends.select('s.call_type').groupBy('s.call_type').execute(),
      SURVEY_KEYS,
    );
    const started = calls.where('c.started_at', '>=', from).where('c.started_at', '<', to);
    fold.rows(
      day,
      options.agents
        ? await started
            .select(['c.call_type', 'c.agent_id'])
            .groupBy(['c.call_type', 'c.agent_id'])
            .execute()
        : await started.select('c.call_type').groupBy('c.call_type').execute(),
      CALL_KEYS,
    );
  });

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
    fold.add(localDayOf(at, span.timeZone), callType, agentId, {
      qualityCount: 1,
      qualityTotal: percent,
    });
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
  return fold.counted();
}
