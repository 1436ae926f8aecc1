import {
  allItems,
  localize,
  qaPeriodOf,
  type DisputeRecord,
  type Evaluation,
  type OutcomeRates,
  type QaEvaluatorStats,
  type QaPeriod,
  type ScoreResult,
  type StandardsPack,
} from '@sidecoach/shared';
import type { Db } from '../store/db.js';
import { disputes, evaluationQuery, toEvaluations, RELEASED_STATUSES } from './records.js';
import { evaluatorsOf } from './policy.js';

// The QA views managers and agents read: lists of evaluations, disputes with their outcome
// rates, and how each evaluator is doing. Who may read what is decided by the handlers; these
// take the scope they are given.

/** Whose evaluations a list may hold: agents (null: every agent), and drafts of one evaluator. */
export interface ListScope {
  agentIds: readonly string[] | null;
  /** Drafts are their evaluator's only: this user's drafts are listed, nobody else's. */
  draftsOf: string | null;
  /** Only what the agent may see (released, and imports). */
  releasedOnly: boolean;
}

export async function listEvaluations(
  db: Db,
  scope: ListScope,
  filter: { agentId?: string; teamId?: string; evaluatorId?: string; since: string; limit: number },
): Promise<Evaluation[]> {
  if (scope.agentIds?.length === 0) return [];
  let query = evaluationQuery(db).where('e.evaluated_at', '>=', filter.since);
  if (scope.agentIds) query = query.where('e.agent_id', 'in', scope.agentIds);
  if (filter.agentId) query = query.where('e.agent_id', '=', filter.agentId);
  if (filter.evaluatorId) query = query.where('e.evaluator_id', '=', filter.evaluatorId);
  if (filter.teamId) {
    const teamId = filter.teamId;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('team_members as m')
          .select('m.user_id')
          .whereRef('m.user_id', '=', 'e.agent_id')
          .where('m.team_id', '=', teamId),
      ),
    );
  }
  if (scope.releasedOnly) query = query.where('e.status', 'in', RELEASED_STATUSES);
  else {
    const draftsOf = scope.draftsOf;
    query = query.where((eb) =>
      draftsOf === null
        ? eb('e.status', '!=', 'draft')
        : eb.or([eb('e.status', '!=', 'draft'), eb('e.evaluator_id', '=', draftsOf)]),
    );
  }
  const rows = await query
    .orderBy('e.evaluated_at', 'desc')
    .orderBy('e.id')
    .limit(filter.limit)
    .execute();
  return toEvaluations(db, rows);
}

/** The agent's own evaluations they may see, newest first. */
export function myEvaluations(db: Db, agentId: string, since: string, limit: number) {
  return listEvaluations(
    db,
    { agentIds: [agentId], draftsOf: null, releasedOnly: true },
    { since, limit },
  );
}

const rates = (key: string, name: string): OutcomeRates => ({
  key,
  name,
  disputes: 0,
  accepted: 0,
  partly: 0,
  rejected: 0,
});

/**
 * Disputes in the scope since `since` (open ones only, unless `includeClosed`), with outcome
 * rates over every dispute of the period: per evaluator by the dispute's outcome, per item by
 * each point's decision (accepted or rejected; open points count as disputes only).
 */
export async function disputesView(
  db: Db,
  pack: StandardsPack,
  lang: string,
  scope: { agentIds: readonly string[] | null; arbitratorId: string | null },
  since: string,
  includeClosed: boolean,
) {
  const byScope = async (): Promise<DisputeRecord[]> => {
    const mine = scope.arbitratorId
      ? await disputes(db, { arbitratorId: scope.arbitratorId, since })
      : [];
    const theirs =
      scope.agentIds === null || scope.agentIds.length > 0
        ? await disputes(db, { agentIds: scope.agentIds, since })
        : [];
    const seen = new Set<string>();
    return [...theirs, ...mine]
      .filter((d) => !seen.has(d.id) && seen.add(d.id))
      .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
  };
  const all = await byScope();
  const evaluations = all.length
    ? await db
        .selectFrom('qa_evaluations')
        .select(['id', 'evaluator_id', 'evaluator_name'])
        .where(
          'id',
          'in',
          all.map((d) => d.evaluationId),
        )
        .execute()
    : [];
  const evaluatorOf = new Map(evaluations.map((e) => [e.id, e]));
  const itemName = new Map(allItems(pack).map((i) => [i.id, localize(i.text, lang)]));
  const byEvaluator = new Map<string, OutcomeRates>();
  const byItem = new Map<string, OutcomeRates>();
  for (const d of all) {
    const e = evaluatorOf.get(d.evaluationId);
    const key = e?.evaluator_id ?? e?.evaluator_name ?? '';
    const ev = byEvaluator.get(key) ?? rates(key, e?.evaluator_name ?? '');
    byEvaluator.set(key, ev);
    ev.disputes++;
    if (d.status !== 'open') ev[d.status]++;
    for (const p of d.points) {
      if (p.itemId === null) continue;
      const it = byItem.get(p.itemId) ?? rates(p.itemId, itemName.get(p.itemId) ?? p.itemId);
      byItem.set(p.itemId, it);
      it.disputes++;
      if (p.accepted === true) it.accepted++;
      else if (p.accepted === false) it.rejected++;
    }
  }
  const byCount = (a: OutcomeRates, b: OutcomeRates) =>
    b.disputes - a.disputes || (a.name < b.name ? -1 : 1);
  return {
    disputes: includeClosed ? all : all.filter((d) => d.status === 'open'),
    byEvaluator: [...byEvaluator.values()].sort(byCount),
    byItem: [...byItem.values()].sort(byCount),
  };
}

/**
 * Each evaluator's period (the week or month holding `day`, in `zone`): assignments due in it
 * and how many are done, the mean score of the evaluations they submitted in it, the disputes
 * raised on those and the share of resolved ones overturned (accepted or partly).
 */
export async function evaluatorStats(
  db: Db,
  scope: { teamId: string | null; teamIds: readonly string[] | null },
  period: { day: string; kind: QaPeriod; zone: string },
): Promise<QaEvaluatorStats> {
  const range = qaPeriodOf(period.day, period.kind, period.zone);
  const teams = scope.teamId ? [scope.teamId] : scope.teamIds;
  const result: QaEvaluatorStats = { from: range.from, to: range.to, evaluators: [] };
  if (teams?.length === 0) return result;
  let assignments = db
    .selectFrom('qa_assignments as a')
    .leftJoin('qa_evaluations as e', 'e.id', 'a.evaluation_id')
    .select(['a.evaluator_id', 'e.status'])
    .where('a.due', '>=', range.from)
    .where('a.due', '<', range.to);
  if (teams) assignments = assignments.where('a.team_id', 'in', teams);
  let evaluations = db
    .selectFrom('qa_evaluations as e')
    .select(['e.id', 'e.evaluator_id', 'e.score'])
    .where('e.source', '=', 'app')
    .where('e.status', '!=', 'draft')
    .where('e.evaluator_id', 'is not', null)
    .where('e.evaluated_at', '>=', range.start)
    .where('e.evaluated_at', '<', range.end);
  if (teams)
    evaluations = evaluations.where((eb) =>
      eb.exists(
        eb
          .selectFrom('team_members as m')
          .select('m.user_id')
          .whereRef('m.user_id', '=', 'e.agent_id')
          .where('m.team_id', 'in', teams),
      ),
    );
  let plans = db.selectFrom('qa_plans').select('evaluator_ids');
  if (teams) plans = plans.where('team_id', 'in', teams);
  const [assigned, evaluated, planRows] = await Promise.all([
    assignments.execute(),
    evaluations.execute(),
    plans.execute(),
  ]);
  const raised = evaluated.length
    ? await db
        .selectFrom('qa_disputes')
        .select(['evaluation_id', 'status'])
        .where(
          'evaluation_id',
          'in',
          evaluated.map((e) => e.id),
        )
        .execute()
    : [];
  const ids = new Set<string>([
    ...planRows.flatMap((p) => evaluatorsOf(p)),
    ...assigned.map((a) => a.evaluator_id),
    ...evaluated.map((e) => e.evaluator_id!),
  ]);
  if (ids.size === 0) return result;
  const names = await db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('id', 'in', [...ids])
    .execute();
  const evaluatorOf = new Map(evaluated.map((e) => [e.id, e.evaluator_id!]));
  result.evaluators = names
    .map((u) => {
      const mine = assigned.filter((a) => a.evaluator_id === u.id);
      const percents = evaluated
        .filter((e) => e.evaluator_id === u.id && e.score !== null)
        .map((e) => (JSON.parse(e.score!) as ScoreResult).percent)
        .filter((p): p is number => p !== null);
      const disputed = raised.filter((d) => evaluatorOf.get(d.evaluation_id) === u.id);
      const resolved = disputed.filter((d) => d.status !== 'open');
      const overturned = resolved.filter((d) => d.status === 'accepted' || d.status === 'partly');
      return {
        evaluatorId: u.id,
        name: u.display_name,
        assigned: mine.length,
        done: mine.filter((a) => a.status !== null && a.status !== 'draft').length,
        averageScore: percents.length
          ? Math.round((percents.reduce((a, b) => a + b, 0) / percents.length) * 10) / 10
          : null,
        disputes: disputed.length,
        overturnRate: resolved.length
          ? Math.round((overturned.length / resolved.length) * 1000) / 1000
          : null,
      };
    })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return result;
}
