import { sql } from 'kysely';
import {
  addDays,
  assignDraws,
  drawAgent,
  localDate,
  qaPeriodOf,
  qaSlots,
  type QaAssignment,
  type QaFilters,
  type QaPeriodRange,
  type SampleCall,
  type SamplingPlan,
  type SlotPick,
} from '@sidecoach/shared';
import type { HubContext } from '../lib/context.js';
import { notMysteryCall } from '../lib/mystery-calls.js';
import { repeat } from '../lib/repeat.js';
import { activeAgentIds } from '../lib/people.js';
import type { Db } from '../store/db.js';
import { dialectOf } from '../store/dialect.js';
import type { QaPlanRow } from '../store/schema.js';
import { storeDraw } from './jobs.js';
import { evaluatorsOf } from './policy.js';
import { assignmentsByIds, planRow, teamRow } from './records.js';

// Draws a team's sample for a period with shared's sampler: the calls are read agent by agent
// (one agent's calls in memory at a time, through the calls_agent_started index), the plan's
// filters applied in SQL and again by the sampler, and the draw stored with its reasons.

export interface DrawOutcome {
  period: QaPeriodRange;
  drawn: QaAssignment[];
  kept: number;
  empty: number;
  unassigned: number;
}

/** Which slots are drawn: all that have started (a manager asking), or only ended ones (the sweep). */
export type DrawMode = 'started' | 'ended';

const samplingPlan = (plan: QaPlanRow): SamplingPlan => ({
  seed: plan.seed,
  perAgent: plan.per_agent,
  filters: JSON.parse(plan.filters) as QaFilters,
  evaluatorIds: evaluatorsOf(plan),
  dailyCap: plan.daily_cap,
});

/**
 * Agents whose calls are read in one query: on PostgreSQL a round trip for many, not one per
 * agent; on SQLite (a synchronous read) few, so the hub's event loop is held only briefly (a
 * month of ten agents' calls is a few milliseconds) and live notes go on during a draw.
 */
const agentsPerRead = (db: Db) => (dialectOf(db) === 'postgres' ? 100 : 10);

/**
 * The agents' ended calls started in [from, to), neither evaluated nor assigned, that meet the
 * filters. Never a mystery call (matched to a caller's report): it is scored by its caller, and
 * is no sample of the agent's customers, flagged by a supervisor or not.
 */
export async function candidateCalls(
  db: Db,
  agentIds: readonly string[],
  range: { from: string; to: string },
  filters: QaFilters,
): Promise<SampleCall[]> {
  if (agentIds.length === 0) return [];
  // The survey is read only when a filter asks about it (a lookup per call saved otherwise).
  const bySurvey = filters.surveyed === true || filters.maxCsat !== undefined;
  const answered = sql`select 1 from survey_responses as s where s.call_id = c.id and s.self_answer is null`;
  const csat = sql<
    number | null
  >`(select s.csat from survey_responses as s where s.call_id = c.id and s.self_answer is null)`;
  const surveyed = sql<number>`case when exists (${answered}) then 1 else 0 end`;
  let query = db
    .selectFrom('calls as c')
    .leftJoin('qa_flags as f', 'f.call_id', 'c.id')
    .select([
      'c.id',
      'c.agent_id',
      'c.call_type',
      'c.started_at',
      'c.ended_at',
      'c.duration_ms',
      (bySurvey ? csat : sql<number | null>`null`).as('csat'),
      (bySurvey ? surveyed : sql<number>`0`).as('surveyed'),
      sql<number>`case when f.call_id is null then 0 else 1 end`.as('flagged'),
    ])
    .where('c.agent_id', 'in', agentIds)
    .where('c.started_at', '>=', range.from)
    .where('c.started_at', '<', range.to)
    .where('c.ended_at', 'is not', null)
    .where(notMysteryCall('c.id'))
    .where((eb) =>
      eb.not(
        eb.exists(
          eb.selectFrom('qa_assignments as a').select('a.id').whereRef('a.call_id', '=', 'c.id'),
        ),
      ),
    )
    .where((eb) =>
      eb.not(
        eb.exists(
          eb.selectFrom('qa_evaluations as e').select('e.id').whereRef('e.call_id', '=', 'c.id'),
        ),
      ),
    );
  if (filters.callTypes?.length) query = query.where('c.call_type', 'in', filters.callTypes);
  if (filters.minDurationSec !== undefined)
    query = query.where('c.duration_ms', '>=', filters.minDurationSec * 1000);
  if (filters.maxDurationSec !== undefined)
    query = query.where('c.duration_ms', '<=', filters.maxDurationSec * 1000);
  if (filters.surveyed) query = query.where(sql<boolean>`exists (${answered})`);
  if (filters.maxCsat !== undefined)
    query = query.where(sql<boolean>`${csat} <= ${filters.maxCsat}`);
  if (filters.flaggedOnly) query = query.where('f.call_id', 'is not', null);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    agentId: r.agent_id,
    callType: r.call_type,
    startedAt: r.started_at,
    endedAt: r.ended_at,
    durationMs: r.duration_ms,
    surveyed: Number(r.surveyed) === 1,
    csat: r.csat,
    flagged: Number(r.flagged) === 1,
    taken: false,
  }));
}

/** Evaluations due per evaluator and day from `from` on, every team's: `${id} ${day}` -> n. */
async function dueLoad(db: Db, evaluatorIds: string[], from: string) {
  if (evaluatorIds.length === 0) return new Map<string, number>();
  const rows = await db
    .selectFrom('qa_assignments')
    .select((eb) => ['evaluator_id', 'due', eb.fn.countAll<number>().as('n')])
    .where('evaluator_id', 'in', evaluatorIds)
    .where('due', '>=', from)
    .groupBy(['evaluator_id', 'due'])
    .execute();
  return new Map(rows.map((r) => [`${r.evaluator_id} ${r.due}`, Number(r.n)]));
}

/** Until when slots are drawn: now, or (ended only) the start of the slot under way. */
function drawUntil(period: QaPeriodRange, perAgent: number, mode: DrawMode, now: Date): string {
  const at = now.toISOString();
  if (mode === 'started' || at >= period.end) return at < period.end ? at : period.end;
  const current = qaSlots(period, perAgent).find((s) => s.from <= at && at < s.to);
  return current?.from ?? period.start;
}

/**
 * Draws the team's period holding `day` (its week or month in the team's zone) and stores the
 * draw. Slots drawn before are kept; a slot with no eligible call stays empty until a later draw.
 */
export async function drawTeam(
  ctx: HubContext,
  teamId: string,
  day: string,
  mode: DrawMode,
  now = new Date(),
): Promise<DrawOutcome | { error: string }> {
  const { db } = ctx;
  const [plan, team] = await Promise.all([planRow(db, teamId), teamRow(db, teamId)]);
  if (!team) return { error: `no team ${teamId}` };
  if (!plan) return { error: `team ${team.name} has no QA plan` };
  const sampling = samplingPlan(plan);
  const period = qaPeriodOf(day, plan.period, team.time_zone);
  const until = drawUntil(period, plan.per_agent, mode, now);
  const existing = await db
    .selectFrom('qa_assignments')
    .select(['agent_id', 'slot', 'evaluator_id'])
    .where('team_id', '=', teamId)
    .where('period_from', '=', period.from)
    .execute();
  const drawnOf = new Map<string, Set<number>>();
  for (const a of existing) {
    const slots = drawnOf.get(a.agent_id) ?? new Set<number>();
    slots.add(a.slot);
    drawnOf.set(a.agent_id, slots);
  }
  const slots = qaSlots(period, plan.per_agent).filter((s) => s.from < until);
  let kept = 0;
  let empty = 0;
  const picks: SlotPick[] = [];
  // Agents with a started slot not drawn yet; the others' calls need not be read.
  const pending: { agentId: string; drawn: Set<number>; from: string }[] = [];
  for (const agentId of await activeAgentIds(db, [teamId])) {
    const drawn = drawnOf.get(agentId) ?? new Set<number>();
    const first = slots.find((s) => !drawn.has(s.slot));
    if (first) pending.push({ agentId, drawn, from: first.from });
    else kept += slots.length;
  }
  const perRead = agentsPerRead(db);
  for (let i = 0; i < pending.length; i += perRead) {
    const chunk = pending.slice(i, i + perRead);
    const from = chunk.map((p) => p.from).sort()[0]!;
    const calls = await candidateCalls(
      db,
      chunk.map((p) => p.agentId),
      { from, to: until },
      sampling.filters,
    );
    const callsOf = new Map(chunk.map((p) => [p.agentId, [] as SampleCall[]]));
    for (const c of calls) callsOf.get(c.agentId)?.push(c);
    for (const p of chunk) {
      const agent = drawAgent(sampling, period, p.agentId, callsOf.get(p.agentId)!, p.drawn, until);
      picks.push(...agent.picks);
      kept += agent.kept;
      empty += agent.empty;
    }
  }
  const { drawn, unassigned } = assignDraws(sampling, period, picks, {
    drawn: existing.map((a) => ({
      agentId: a.agent_id,
      slot: a.slot,
      evaluatorId: a.evaluator_id,
    })),
    dueLoad: await dueLoad(db, sampling.evaluatorIds as string[], period.from),
    today: localDate(now, team.time_zone),
  });
  const stored =
    drawn.length > 0 ? await ctx.inbox.submit(storeDraw(teamId, period.from, drawn)) : [];
  return {
    period,
    drawn: await assignmentsByIds(db, stored),
    // A slot another node drew at the same moment is kept as that node drew it.
    kept: kept + drawn.length - stored.length,
    empty,
    unassigned,
  };
}

/**
 * Draws the ended slots of every active plan: the current period and the one before (its last
 * slot ends with it), every `intervalMs` on each node. Idempotent across nodes: the unique slot
 * index stores one draw. One sweep at a time; `stop` ends the timer and waits for a sweep under way.
 */
export function startDrawSweep(ctx: HubContext, intervalMs: number) {
  async function sweep(now = new Date()): Promise<number> {
    const plans = await ctx.db
      .selectFrom('qa_plans')
      .innerJoin('teams', 'teams.id', 'qa_plans.team_id')
      .select(['qa_plans.team_id', 'qa_plans.period', 'teams.time_zone'])
      .where('qa_plans.active', '=', 1)
      .orderBy('qa_plans.team_id')
      .execute();
    let total = 0;
    for (const plan of plans) {
      const today = localDate(now, plan.time_zone);
      const previous = addDays(qaPeriodOf(today, plan.period, plan.time_zone).from, -1);
      for (const day of [previous, today]) {
        // A sweep under way ends early once the hub stops.
        if (repeating.stopped) return total;
        const outcome = await drawTeam(ctx, plan.team_id, day, 'ended', now);
        if ('error' in outcome || outcome.drawn.length === 0) continue;
        total += outcome.drawn.length;
        ctx.log.info(
          {
            teamId: plan.team_id,
            period: outcome.period.from,
            drawn: outcome.drawn.length,
            empty: outcome.empty,
          },
          'QA sample drawn',
        );
      }
    }
    return total;
  }

  const repeating = repeat(
    intervalMs,
    () => sweep(),
    (err) => ctx.log.warn({ err }, 'QA draw sweep failed; retried'),
  );
  return { sweep, stop: repeating.stop };
}
