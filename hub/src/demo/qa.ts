import { randomUUID } from 'node:crypto';
import {
  addDays,
  drawSample,
  localDate,
  qaPeriodOf,
  scorecardItemsFor,
  scoreScorecard,
  type Answer,
  type SampleDraw,
  type SamplingPlan,
  type StandardsPack,
} from '@sidecoach/shared';
import type { Trx } from '../lib/jobs.js';
import { notMysteryCall } from '../lib/mystery-calls.js';

// The demo team's quality monitoring, so a quality manager signing in has something to read: a
// monthly plan (Sam and Nia evaluate, Lina arbitrates), last month's and this month's draws of
// Ava's calls (drawn by shared's sampler, as the hub draws them), one evaluation released to Ava
// (her summary missed again, as her supervisor and the QA tool saw it) and one still a draft.

const TEAM = 'team-demo';
const BLIND_SPOT = 'proc-summarise';
const EVALUATORS = ['supervisor', 'night-supervisor'];
const ARBITRATOR = 'lead';

const idOf = async (trx: Trx, username: string) =>
  (
    await trx
      .selectFrom('users')
      .select('id')
      .where('username', '=', username)
      .executeTakeFirstOrThrow()
  ).id;

/** Seeds the demo's QA plan, its draws and two evaluations, once, after the agent's history. */
export async function seedDemoQa(trx: Trx, pack: StandardsPack, now = new Date()): Promise<void> {
  const evaluators = await Promise.all(EVALUATORS.map((u) => idOf(trx, u)));
  const [arbitrator, quality] = [await idOf(trx, ARBITRATOR), await idOf(trx, 'quality')];
  const at = now.toISOString();
  await trx
    .insertInto('user_permissions')
    .values(
      [
        ...evaluators.map((user_id) => ({ user_id, permission: 'evaluator' as const })),
        { user_id: arbitrator, permission: 'arbitrator' as const },
      ].map((p) => ({ ...p, granted_by: quality, granted_at: at })),
    )
    .onConflict((oc) => oc.columns(['user_id', 'permission']).doNothing())
    .execute();
  const plan: SamplingPlan = {
    seed: randomUUID(),
    perAgent: 4,
    filters: {},
    evaluatorIds: evaluators,
    dailyCap: 5,
  };
  await trx
    .insertInto('qa_plans')
    .values({
      team_id: TEAM,
      per_agent: plan.perAgent,
      period: 'month',
      filters: JSON.stringify(plan.filters),
      evaluator_ids: JSON.stringify(plan.evaluatorIds),
      daily_cap: plan.dailyCap,
      dispute_days: 7,
      arbitrator_id: arbitrator,
      active: 1,
      seed: plan.seed,
      updated_by: quality,
      updated_at: at,
    })
    .execute();
  const team = await trx
    .selectFrom('teams')
    .select('time_zone')
    .where('id', '=', TEAM)
    .executeTakeFirstOrThrow();
  const agents = await trx
    .selectFrom('team_members')
    .innerJoin('users', 'users.id', 'team_members.user_id')
    .select('users.id')
    .where('team_members.team_id', '=', TEAM)
    .where('users.role', '=', 'agent')
    .orderBy('users.display_name')
    .execute();
  const today = localDate(now, team.time_zone);
  const thisMonth = qaPeriodOf(today, 'month', team.time_zone);
  const draws: { periodFrom: string; draw: SampleDraw }[] = [];
  for (const period of [
    qaPeriodOf(addDays(thisMonth.from, -1), 'month', team.time_zone),
    thisMonth,
  ]) {
    const calls = await trx
      .selectFrom('calls as c')
      .leftJoin('qa_evaluations as e', 'e.call_id', 'c.id')
      .select([
        'c.id',
        'c.agent_id',
        'c.call_type',
        'c.started_at',
        'c.ended_at',
        'c.duration_ms',
        'e.id as evaluation_id',
      ])
      .where('c.started_at', '>=', period.start)
      .where('c.started_at', '<', period.end)
      // As the hub draws (qa/draw.ts): never a mystery call.
      .where(notMysteryCall('c.id'))
      .execute();
    const { drawn } = drawSample({
      plan,
      period,
      agents: agents.map((a) => a.id),
      calls: calls.map((c) => ({
        id: c.id,
        agentId: c.agent_id,
        callType: c.call_type,
        startedAt: c.started_at,
        endedAt: c.ended_at,
        durationMs: c.duration_ms,
        surveyed: false,
        csat: null,
        flagged: false,
        taken: c.evaluation_id !== null,
      })),
      drawn: [],
      dueLoad: new Map(),
      until: at,
      today,
    });
    draws.push(...drawn.map((draw) => ({ periodFrom: period.from, draw })));
  }
  const assignments = [];
  for (const { periodFrom, draw } of draws) {
    const id = randomUUID();
    assignments.push({ id, draw });
    await trx
      .insertInto('qa_assignments')
      .values({
        id,
        team_id: TEAM,
        period_from: periodFrom,
        slot: draw.slot,
        agent_id: draw.agentId,
        call_id: draw.callId,
        evaluator_id: draw.evaluatorId,
        due: draw.due,
        reason: JSON.stringify(draw.reason),
        evaluation_id: null,
        drawn_at: at,
      })
      .execute();
  }
  // The two earliest draws: one evaluated and released to the agent, one a draft.
  const [first, second] = assignments;
  if (first) await evaluate(trx, pack, first, 'released', now, team.time_zone);
  if (second) await evaluate(trx, pack, second, 'draft', now, team.time_zone);
}

async function evaluate(
  trx: Trx,
  pack: StandardsPack,
  { id: assignmentId, draw }: { id: string; draw: SampleDraw },
  status: 'released' | 'draft',
  now: Date,
  zone: string,
): Promise<void> {
  const evaluator = await trx
    .selectFrom('users')
    .select('display_name')
    .where('id', '=', draw.evaluatorId)
    .executeTakeFirstOrThrow();
  const call = await trx
    .selectFrom('calls')
    .select(['call_type', 'started_at', 'ended_at'])
    .where('id', '=', draw.callId)
    .executeTakeFirstOrThrow();
  const items = scorecardItemsFor(pack, call.call_type);
  const all = Object.fromEntries(items.map((i): [string, Answer] => [i.id, 'yes']));
  const answers: Record<string, Answer> =
    status === 'released'
      ? { ...all, [BLIND_SPOT]: 'no' }
      : Object.fromEntries(Object.entries(all).slice(0, 3));
  // Evaluated the day after the call (two hours ago at the latest), released an hour later.
  const evaluated = Math.min(
    Date.parse(call.ended_at ?? call.started_at) + 86_400_000,
    now.getTime() - 2 * 3_600_000,
  );
  const evaluatedAt = new Date(evaluated).toISOString();
  const releasedAt = new Date(evaluated + 3_600_000).toISOString();
  const id = randomUUID();
  await trx
    .insertInto('qa_evaluations')
    .values({
      id,
      agent_id: draw.agentId,
      call_id: draw.callId,
      evaluator_name: evaluator.display_name,
      evaluator_id: draw.evaluatorId,
      assignment_id: assignmentId,
      pack_id: pack.id,
      pack_version: pack.version,
      source: 'app',
      status,
      version: 1,
      answers: JSON.stringify(answers),
      comments: JSON.stringify(
        status === 'released' ? { [BLIND_SPOT]: 'Closed without recapping the dates.' } : {},
      ),
      tips:
        status === 'released'
          ? 'Your tone is warm all through. Before you close, how about recapping the dates and the reference number?'
          : '',
      lang: 'en',
      score:
        status === 'released'
          ? JSON.stringify(scoreScorecard(pack, call.call_type, answers))
          : null,
      evaluated_at: evaluatedAt,
      updated_at: evaluatedAt,
      released_at: status === 'released' ? releasedAt : null,
      dispute_until:
        status === 'released' ? addDays(localDate(new Date(releasedAt), zone), 7) : null,
      created_at: evaluatedAt,
    })
    .execute();
  await trx
    .updateTable('qa_assignments')
    .set({ evaluation_id: id })
    .where('id', '=', assignmentId)
    .execute();
}
