import { sql } from 'kysely';
import {
  addTallies,
  csatMean,
  csatShare,
  compareItem,
  EMPTY_TALLY,
  proposeAgenda,
  RELEASED_EVALUATION_STATUSES,
  scorecardItems,
  weekStart,
  weeksBetween,
  type ActionRecord,
  type ItemEvidence,
  type Answer,
  type ItemTallies,
  type MysteryEvidence,
  type Rating,
  type ReflectionPrep,
  type ScoreResult,
  type StandardsPack,
  type SurveyEvidence,
  type Tally,
} from '@sidecoach/shared';
import { notMysteryCall } from '../lib/mystery-calls.js';
import type { Db } from '../store/db.js';
import { jsonObjectRows } from '../store/dialect.js';

// The evidence of one agent's period, read once per request with index-driven queries (every
// source by agent and time) and counted in SQL; the comparison itself is shared's.

export interface Period {
  from: string;
  to: string;
}

/** Whom the evidence is for: the agent sees supervisors' shared observations only. */
export type Audience = 'coach' | 'agent';

const MAX_OBSERVATIONS = 5;
const MAX_COMMENTS = 10;

type WeekTallies = Map<string, Map<string, Tally>>; // item -> week -> tally

interface CountRow {
  item_id: string;
  day: string;
  yes: number;
  no: number;
}

function tallyByWeek(rows: CountRow[]): WeekTallies {
  const byItem: WeekTallies = new Map();
  for (const r of rows) {
    const weeks = byItem.get(r.item_id) ?? new Map<string, Tally>();
    byItem.set(r.item_id, weeks);
    const week = weekStart(r.day);
    const t = weeks.get(week) ?? EMPTY_TALLY;
    weeks.set(week, { positive: t.positive + Number(r.yes), negative: t.negative + Number(r.no) });
  }
  return byItem;
}

/**
 * Yes and no answers per item and day of the agent's self-assessments or QA evaluations (both
 * keep answers as a JSON object item -> yes/no/na), counted per key of the JSON in SQL.
 */
async function answerCounts(
  db: Db,
  source: 'self' | 'qa',
  agentId: string,
  { from, to }: Period,
): Promise<CountRow[]> {
  const table = source === 'self' ? sql.table('self_assessments') : sql.table('qa_evaluations');
  const at = sql.ref(source === 'self' ? 'submitted_at' : 'evaluated_at');
  // Self-assessments submitted (not skipped); evaluations once the agent may see them: released
  // (acknowledged, disputed, resolved) or imported, never drafts nor unreleased ones.
  const submitted =
    source === 'self'
      ? sql`and t.status = 'submitted'`
      : sql`and t.status in (${sql.join(RELEASED_EVALUATION_STATUSES.map((s) => sql.lit(s)))})`;
  const { rows } = await sql<CountRow>`
    select j.key as item_id, substr(t.${at}, 1, 10) as day,
      sum(case when j.value = 'yes' then 1 else 0 end) as yes,
      sum(case when j.value = 'no' then 1 else 0 end) as no
    from ${table} as t, ${jsonObjectRows(db, sql.ref('t.answers'))} as j
    where t.agent_id = ${agentId} and t.${at} >= ${from} and t.${at} < ${to} ${submitted}
    group by j.key, day`.execute(db);
  return rows;
}

/** Met and missed per item and day from observations; `shared` rows are the agent's to see. */
async function verdictCounts(db: Db, agentId: string, { from, to }: Period) {
  return db
    .selectFrom('observations')
    .select((eb) => [
      'item_id',
      sql<string>`substr(at, 1, 10)`.as('day'),
      sql<number>`case when visibility = 'shared' and released_at is not null then 1 else 0 end`.as(
        'shared',
      ),
      eb.fn.sum<number>(sql`case when verdict = 'met' then 1 else 0 end`).as('yes'),
      eb.fn.sum<number>(sql`case when verdict = 'missed' then 1 else 0 end`).as('no'),
    ])
    .where('agent_id', '=', agentId)
    .where('at', '>=', from)
    .where('at', '<', to)
    .where('item_id', 'is not', null)
    .where('verdict', 'is not', null)
    .groupBy(['item_id', 'day', 'shared'])
    .execute();
}

/** Up to five newest shared (released) observations with text per item. */
async function sharedObservations(db: Db, agentId: string, { from, to }: Period) {
  const ranked = db
    .selectFrom('observations as o')
    .innerJoin('users as u', 'u.id', 'o.author_id')
    .select([
      'o.id',
      'o.item_id',
      'o.text',
      'o.at',
      'u.display_name as author_name',
      sql<number>`row_number() over (partition by o.item_id order by o.at desc, o.id)`.as('n'),
    ])
    .where('o.agent_id', '=', agentId)
    .where('o.at', '>=', from)
    .where('o.at', '<', to)
    .where('o.item_id', 'is not', null)
    .where('o.visibility', '=', 'shared')
    .where('o.released_at', 'is not', null)
    .where('o.text', '!=', '');
  return db
    .selectFrom(ranked.as('r'))
    .selectAll()
    .where('r.n', '<=', MAX_OBSERVATIONS)
    .orderBy('r.at', 'desc')
    .execute();
}

async function surveyEvidence(db: Db, agentId: string, period: Period, weeks: string[]) {
  const { from, to } = period;
  const rows = await db
    .selectFrom('survey_responses')
    .select((eb) => [
      sql<string>`substr(submitted_at, 1, 10)`.as('day'),
      'csat',
      eb.fn.countAll<number>().as('n'),
      eb.fn.sum<number | null>('resolved').as('resolved_yes'),
      eb.fn.count<number>('resolved').as('resolved_n'),
      eb.fn.sum<number | null>('effort').as('effort_sum'),
      eb.fn.count<number>('effort').as('effort_n'),
    ])
    .where('agent_id', '=', agentId)
    .where('submitted_at', '>=', from)
    .where('submitted_at', '<', to)
    // Answers that look like the agent's own (surveys/self-answer.ts) are no evidence, nor
    // answers on a mystery call (no customer's).
    .where('self_answer', 'is', null)
    .where(notMysteryCall('survey_responses.call_id'))
    .groupBy(['day', 'csat'])
    .execute();
  const comments = await db
    .selectFrom('survey_responses')
    .select(['comment', 'call_type', 'submitted_at'])
    .where('agent_id', '=', agentId)
    .where('submitted_at', '>=', from)
    .where('submitted_at', '<', to)
    .where('self_answer', 'is', null)
    .where(notMysteryCall('survey_responses.call_id'))
    .where('comment', 'is not', null)
    .orderBy('submitted_at', 'desc')
    .limit(MAX_COMMENTS)
    .execute();
  const distribution = [0, 0, 0, 0, 0];
  const perWeek = new Map(weeks.map((w) => [w, { responses: 0, csat: [0, 0, 0, 0, 0] }]));
  let responses = 0;
  let resolvedYes = 0;
  let resolvedN = 0;
  let effortSum = 0;
  let effortN = 0;
  for (const r of rows) {
    const n = Number(r.n);
    responses += n;
    resolvedYes += Number(r.resolved_yes ?? 0);
    resolvedN += Number(r.resolved_n);
    effortSum += Number(r.effort_sum ?? 0);
    effortN += Number(r.effort_n);
    const week = perWeek.get(weekStart(r.day));
    if (week) week.responses += n;
    if (r.csat !== null) {
      distribution[r.csat - 1] = (distribution[r.csat - 1] ?? 0) + n;
      if (week) week.csat[r.csat - 1] = (week.csat[r.csat - 1] ?? 0) + n;
    }
  }
  const ratio = (a: number, b: number) => (b === 0 ? null : Math.round((a / b) * 1000) / 1000);
  const rounded = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 1000);
  // CSAT is the share of 4 and 5, the mean the labelled second figure (shared/domain/kpi.ts).
  const answersOf = (counts: number[]) => counts.flatMap((n, i) => Array<number>(n).fill(i + 1));
  const all = answersOf(distribution);
  const evidence: SurveyEvidence = {
    responses,
    csat: rounded(csatShare(all)),
    meanCsat: rounded(csatMean(all)),
    csatDistribution: distribution,
    resolvedShare: ratio(resolvedYes, resolvedN),
    meanEffort: ratio(effortSum, effortN),
    weeks: [...perWeek].map(([week, w]) => ({
      week,
      responses: w.responses,
      csat: rounded(csatShare(answersOf(w.csat))),
      meanCsat: rounded(csatMean(answersOf(w.csat))),
    })),
    comments: comments.map((c) => ({
      text: c.comment!,
      callType: c.call_type,
      at: c.submitted_at,
    })),
  };
  return evidence;
}

/** At most this many mystery calls in one preparation (a period has a handful at most). */
const MAX_MYSTERY_CALLS = 20;

/**
 * The agent's mystery calls in the period, once they count and may be told: the report approved
 * and its wave's results released (before that nothing here says a call was a mystery call).
 * What the caller found, item by item in the scorecard's order: "no" with the caller's comment
 * (missed), "yes" with a comment (praised), the ratings and the impression.
 */
async function mysteryEvidence(
  db: Db,
  pack: StandardsPack,
  agentId: string,
  { from, to }: Period,
): Promise<MysteryEvidence> {
  const rows = await db
    .selectFrom('mystery_reports as r')
    .innerJoin('mystery_assignments as a', 'a.id', 'r.assignment_id')
    .innerJoin('mystery_waves as w', 'w.id', 'r.wave_id')
    .innerJoin('mystery_programmes as p', 'p.id', 'w.programme_id')
    .leftJoin('calls as c', 'c.id', 'r.call_id')
    .select([
      'w.name as wave_name',
      'r.call_id',
      'c.call_type',
      'a.call_type as scenario_call_type',
      'r.called_at',
      'r.score',
      'r.answers',
      'r.comments',
      'r.ratings',
      'p.ratings as questions',
      'r.impression',
    ])
    .where('r.agent_id', '=', agentId)
    .where('r.called_at', '>=', from)
    .where('r.called_at', '<', to)
    .where('a.status', '=', 'approved')
    .where('w.released_at', 'is not', null)
    .orderBy('r.called_at', 'desc')
    .limit(MAX_MYSTERY_CALLS)
    .execute();
  const order = new Map(scorecardItems(pack).map(({ item }, i) => [item.id, i]));
  const byPack = (a: string, b: string) =>
    (order.get(a) ?? order.size) - (order.get(b) ?? order.size) || a.localeCompare(b);
  return {
    calls: rows.map((r) => {
      const answers = JSON.parse(r.answers) as Record<string, Answer>;
      const comments = JSON.parse(r.comments) as Record<string, string>;
      const items = Object.keys(answers).sort(byPack);
      const said = (itemId: string) => ({ itemId, comment: comments[itemId] ?? '' });
      return {
        waveName: r.wave_name,
        callId: r.call_id,
        callType: r.call_type ?? r.scenario_call_type,
        calledAt: r.called_at,
        score: r.score === null ? null : (JSON.parse(r.score) as ScoreResult).percent,
        missed: items.filter((i) => answers[i] === 'no').map(said),
        praised: items.filter((i) => answers[i] === 'yes' && comments[i]).map(said),
        ratings: JSON.parse(r.ratings) as Record<string, number>,
        ratingLabels: Object.fromEntries(
          (JSON.parse(r.questions) as Rating[]).map((q) => [q.id, q.label]),
        ),
        impression: r.impression,
      };
    }),
  };
}

async function counts(db: Db, agentId: string, { from, to }: Period) {
  const calls = await db
    .selectFrom('calls')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('agent_id', '=', agentId)
    .where('started_at', '>=', from)
    .where('started_at', '<', to)
    .executeTakeFirstOrThrow();
  const assessments = await db
    .selectFrom('self_assessments')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('agent_id', '=', agentId)
    .where('submitted_at', '>=', from)
    .where('submitted_at', '<', to)
    .where('status', '=', 'submitted')
    .executeTakeFirstOrThrow();
  return { calls: Number(calls.n), assessments: Number(assessments.n) };
}

/** Everything read for one agent and period, from which each audience's view is built. */
export interface Evidence {
  agentId: string;
  agentName: string;
  period: Period;
  pack: StandardsPack;
  weeks: string[];
  calls: number;
  assessments: number;
  self: WeekTallies;
  qa: WeekTallies;
  /** Every verdict (the coach's view) and the shared ones (the agent's). */
  observed: { all: WeekTallies; shared: WeekTallies };
  observations: Awaited<ReturnType<typeof sharedObservations>>;
  surveys: SurveyEvidence;
  mystery: MysteryEvidence;
  behavioursOnly: boolean;
}

export async function loadEvidence(
  db: Db,
  pack: StandardsPack,
  agent: { id: string; name: string; behavioursOnly: boolean },
  period: Period,
): Promise<Evidence> {
  const weeks = weeksBetween(period.from, period.to);
  const verdicts = await verdictCounts(db, agent.id, period);
  const asCounts = (rows: typeof verdicts): CountRow[] =>
    rows.map((r) => ({ item_id: r.item_id!, day: r.day, yes: r.yes, no: r.no }));
  return {
    agentId: agent.id,
    agentName: agent.name,
    period,
    pack,
    weeks,
    ...(await counts(db, agent.id, period)),
    self: tallyByWeek(await answerCounts(db, 'self', agent.id, period)),
    qa: tallyByWeek(await answerCounts(db, 'qa', agent.id, period)),
    observed: {
      all: tallyByWeek(asCounts(verdicts)),
      shared: tallyByWeek(asCounts(verdicts.filter((v) => Number(v.shared) === 1))),
    },
    observations: await sharedObservations(db, agent.id, period),
    surveys: await surveyEvidence(db, agent.id, period, weeks),
    mystery: await mysteryEvidence(db, pack, agent.id, period),
    behavioursOnly: agent.behavioursOnly,
  };
}

const sum = (weeks: Map<string, Tally> | undefined) => addTallies(...(weeks?.values() ?? []));

/**
 * The preparation as one audience sees it, with every figure; numbers are taken out for agents
 * coached on behaviours by the hub's score visibility, not here.
 */
export function prepFor(
  e: Evidence,
  audience: Audience,
  openActions: ActionRecord[],
): ReflectionPrep {
  const observed = audience === 'coach' ? e.observed.all : e.observed.shared;
  const tallied = scorecardItems(e.pack).map(({ area, item }) => {
    const tallies: ItemTallies = {
      self: sum(e.self.get(item.id)),
      observed: sum(observed.get(item.id)),
      qa: sum(e.qa.get(item.id)),
    };
    return { itemId: item.id, area, tallies };
  });
  const items = tallied.map(({ itemId, area, tallies }): ItemEvidence => {
    const { gap, finding } = compareItem(tallies);
    return {
      itemId,
      area,
      finding,
      ...tallies,
      gap,
      weeks: e.weeks.map((week) => ({
        week,
        self: e.self.get(itemId)?.get(week) ?? EMPTY_TALLY,
        observed: observed.get(itemId)?.get(week) ?? EMPTY_TALLY,
        qa: e.qa.get(itemId)?.get(week) ?? EMPTY_TALLY,
      })),
      observations: e.observations
        .filter((o) => o.item_id === itemId)
        .map((o) => ({ id: o.id, text: o.text, authorName: o.author_name, at: o.at })),
    };
  });
  return {
    agentId: e.agentId,
    agentName: e.agentName,
    from: e.period.from,
    to: e.period.to,
    packId: e.pack.id,
    packVersion: e.pack.version,
    weeks: e.weeks,
    calls: e.calls,
    assessments: e.assessments,
    items,
    surveys: e.surveys,
    mystery: e.mystery,
    agenda: proposeAgenda(tallied, openActions),
    openActions,
    behavioursOnly: e.behavioursOnly,
  };
}
