import {
  badgeMonthOf,
  badgeWeekOf,
  RELEASED_EVALUATION_STATUSES,
  SATISFIED_CSAT,
  type BadgeAnswer,
  type BadgeCall,
  type BadgeEvaluation,
  type ScoreResult,
  type StandardsPack,
} from '@sidecoach/shared';
import type { Standards } from '../lib/context.js';
import { notMysteryCall } from '../lib/mystery-calls.js';
import type { Db } from '../store/db.js';

// What the badge rules read, for a few agents of one calendar at a time: their calls of the
// last complete weeks, the evaluations released to them in the last complete months, and their
// customers' answers since the streak under way began. Mystery-call data is never read: no
// mystery report, no mystery score; answers on a call a mystery caller made are left out as the
// survey report leaves them out of CSAT (the caller is not a customer).

/** Complete weeks looked back over: a week closes every Monday, so five give a month's slack. */
export const WEEKS_BACK = 5;
/** Complete months looked back over: last month and the one before (late re-scores). */
export const MONTHS_BACK = 2;
/**
 * Answers are read from the last answer that broke a streak at least this long ago (or from
 * the first answer): so a streak under way is always read from its first answer, whose id is
 * its key, and the reads stay bounded by the agent's breaks.
 */
export const STREAK_DAYS_BACK = 90;

const DAY_MS = 86_400_000;

export interface Evidence {
  calls: BadgeCall[];
  evaluations: BadgeEvaluation[];
  answers: BadgeAnswer[];
}

/** The window of complete weeks and months before `now` in the zone. */
export function windows(zone: string, now: Date) {
  const thisWeek = badgeWeekOf(now.toISOString(), zone);
  const firstWeek = badgeWeekOf(
    new Date(Date.parse(thisWeek.start) - WEEKS_BACK * 7 * DAY_MS).toISOString(),
    zone,
  );
  const thisMonth = badgeMonthOf(now.toISOString(), zone);
  let firstMonth = thisMonth;
  for (let i = 0; i < MONTHS_BACK; i++)
    firstMonth = badgeMonthOf(new Date(Date.parse(firstMonth.start) - DAY_MS).toISOString(), zone);
  return {
    weeks: { from: firstWeek.start, to: thisWeek.start },
    months: { from: firstMonth.start, to: thisMonth.start },
  };
}

const json = <T>(text: string) => JSON.parse(text) as T;

/** Which evidence a pass reads: a change of calls needs only calls, an answer only answers. */
export interface Scope {
  calls: boolean;
  evaluations: boolean;
  /** The agents whose answers are read (none: no streak is computed). */
  answersOf: ReadonlySet<string>;
}

/** Each agent's evidence in the scope (agents with none get empty lists). */
export async function evidenceOf(
  db: Db,
  standards: Standards,
  agentIds: readonly string[],
  zone: string,
  now: Date,
  scope: Scope,
): Promise<Map<string, Evidence>> {
  const out = new Map<string, Evidence>(
    agentIds.map((id) => [id, { calls: [], evaluations: [], answers: [] }]),
  );
  if (agentIds.length === 0) return out;
  const { weeks, months } = windows(zone, now);
  await Promise.all([
    scope.calls && callsOf(db, standards, agentIds, weeks, out),
    scope.evaluations && evaluationsOf(db, agentIds, months, out),
    answersOf(db, [...scope.answersOf], now, out),
  ]);
  return out;
}

async function callsOf(
  db: Db,
  standards: Standards,
  agentIds: readonly string[],
  window: { from: string; to: string },
  out: Map<string, Evidence>,
) {
  const calls = await db
    .selectFrom('calls as c')
    .select([
      'c.id',
      'c.agent_id',
      'c.started_at',
      'c.ended_at',
      'c.call_type',
      'c.pack_id',
      'c.pack_version',
    ])
    .where('c.agent_id', 'in', agentIds)
    .where('c.started_at', '>=', window.from)
    .where('c.started_at', '<', window.to)
    .execute();
  if (calls.length === 0) return;
  const ticks = await db
    .selectFrom('call_ticks as t')
    .innerJoin('calls as c', 'c.id', 't.call_id')
    .select(['t.call_id', 't.item_id'])
    .where('c.agent_id', 'in', agentIds)
    .where('c.started_at', '>=', window.from)
    .where('c.started_at', '<', window.to)
    .where('t.checked', '=', 1)
    .execute();
  const assessed = await db
    .selectFrom('self_assessments as a')
    .innerJoin('calls as c', 'c.id', 'a.call_id')
    .select('a.call_id')
    .where('c.agent_id', 'in', agentIds)
    .where('c.started_at', '>=', window.from)
    .where('c.started_at', '<', window.to)
    .where('a.status', '=', 'submitted')
    .execute();
  const done = new Map<string, string[]>();
  for (const t of ticks) {
    const list = done.get(t.call_id);
    if (list) list.push(t.item_id);
    else done.set(t.call_id, [t.item_id]);
  }
  const submitted = new Set(assessed.map((a) => a.call_id));
  const packs = new Map<string, StandardsPack | undefined>();
  for (const c of calls) {
    const key = `${c.pack_id}@${c.pack_version}`;
    if (!packs.has(key)) packs.set(key, await standards.version(c.pack_id, c.pack_version));
    const pack = packs.get(key);
    // A call of a pack version no longer stored cannot say which items applied: left out.
    if (!pack) continue;
    out.get(c.agent_id)?.calls.push({
      id: c.id,
      startedAt: c.started_at,
      endedAt: c.ended_at,
      callType: c.call_type,
      pack,
      done: done.get(c.id) ?? [],
      assessed: submitted.has(c.id),
    });
  }
}

async function evaluationsOf(
  db: Db,
  agentIds: readonly string[],
  window: { from: string; to: string },
  out: Map<string, Evidence>,
) {
  // Released ones by their release; imports (released by the QA tool) by their arrival here.
  const rows = await db
    .selectFrom('qa_evaluations')
    .select(['id', 'agent_id', 'released_at', 'created_at', 'score'])
    .where('agent_id', 'in', agentIds)
    .where('status', 'in', RELEASED_EVALUATION_STATUSES)
    .where((eb) =>
      eb.or([
        eb.and([
          eb('released_at', 'is not', null),
          eb('released_at', '>=', window.from),
          eb('released_at', '<', window.to),
        ]),
        eb.and([
          eb('released_at', 'is', null),
          eb('status', '=', 'imported'),
          eb('created_at', '>=', window.from),
          eb('created_at', '<', window.to),
        ]),
      ]),
    )
    .execute();
  for (const r of rows)
    out.get(r.agent_id)?.evaluations.push({
      id: r.id,
      releasedAt: r.released_at ?? r.created_at,
      score: r.score === null ? null : json<ScoreResult>(r.score),
    });
}

async function answersOf(db: Db, agentIds: string[], now: Date, out: Map<string, Evidence>) {
  if (agentIds.length === 0) return;
  // Answers that count in CSAT: with a CSAT, not given by staff, not on a mystery caller's call.
  const counted = () =>
    db
      .selectFrom('survey_responses as s')
      .where('s.agent_id', 'in', agentIds)
      .where('s.csat', 'is not', null)
      .where('s.self_answer', 'is', null)
      .where(notMysteryCall('s.call_id'));
  const before = new Date(now.getTime() - STREAK_DAYS_BACK * DAY_MS).toISOString();
  const breaks = await counted()
    .select(['s.agent_id', (eb) => eb.fn.max('s.submitted_at').as('at')])
    .where('s.csat', '<', SATISFIED_CSAT)
    .where('s.submitted_at', '<', before)
    .groupBy('s.agent_id')
    .execute();
  const from = new Map(breaks.map((b) => [b.agent_id, String(b.at)]));
  // Each agent from their own last break (an agent with none: from their first answer).
  const unbroken = agentIds.filter((id) => !from.has(id));
  const rows = await counted()
    .select(['s.agent_id', 's.call_id', 's.submitted_at', 's.csat'])
    .where((eb) =>
      eb.or([
        ...(unbroken.length > 0 ? [eb('s.agent_id', 'in', unbroken)] : []),
        ...[...from].map(([agentId, at]) =>
          eb.and([eb('s.agent_id', '=', agentId), eb('s.submitted_at', '>=', at)]),
        ),
      ]),
    )
    .execute();
  for (const r of rows)
    out.get(r.agent_id)?.answers.push({ id: r.call_id, submittedAt: r.submitted_at, csat: r.csat });
}
