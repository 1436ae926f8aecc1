import { randomUUID } from 'node:crypto';
import {
  addDays,
  evaluationTransition,
  localDate,
  resolveDispute,
  type Answer,
  type ErrorBody,
  type EvaluationAction,
  type QaDisputeSchema,
  type QaPlan,
  type QaPlanSaveSchema,
  type QaResolveSchema,
  type QaSaveSchema,
  type SampleDraw,
  type ScoreResult,
} from '@sidecoach/shared';
import type { z } from 'zod';
import { recordAudit } from '../lib/audit.js';
import type { Job, Trx } from '../lib/jobs.js';
import type { AuthUser } from '../lib/people.js';
import { nowIso } from '../store/db.js';
import { forUpdate } from '../store/dialect.js';
import type { QaEvaluationRow } from '../store/schema.js';
import { actorOf } from './policy.js';
import { planRow, toPlan, type StoredPoint } from './records.js';

// The writes of quality monitoring, as inbox jobs (committed before they are acknowledged). Each
// reads the rows it changes again in its own transaction and checks the move there, with
// shared's state machine: two requests at once cannot both take an evaluation somewhere.

export type Outcome<T> = { ok: T } | { error: ErrorBody };
export const refused = <T>(code: ErrorBody['code'], message: string, problems?: string[]) => ({
  result: {
    error: problems ? { code, message, problems } : { code, message },
  } as Outcome<T>,
  messages: [],
});
export const done = <T>(value: T) => ({ result: { ok: value } as Outcome<T>, messages: [] });

type PlanInput = z.output<typeof QaPlanSaveSchema>;

/**
 * Creates or changes a team's plan with its audit entry. A new plan gets a random seed; an edit
 * keeps it (so a plan's draws stay reproducible), also when two admins save the first one at once.
 */
export function savePlan(actorId: string, input: PlanInput, teamName: string): Job<QaPlan> {
  return async (trx) => {
    const before = await planRow(trx, input.teamId);
    const now = nowIso();
    const values = {
      per_agent: input.perAgent,
      period: input.period,
      filters: JSON.stringify(input.filters),
      evaluator_ids: JSON.stringify(input.evaluatorIds),
      daily_cap: input.dailyCap,
      dispute_days: input.disputeDays,
      arbitrator_id: input.arbitratorId,
      active: input.active ? 1 : 0,
      updated_by: actorId,
      updated_at: now,
    };
    await trx
      .insertInto('qa_plans')
      .values({ team_id: input.teamId, seed: randomUUID(), ...values })
      .onConflict((oc) => oc.column('team_id').doUpdateSet(values))
      .execute();
    const after = toPlan((await planRow(trx, input.teamId))!, teamName);
    await recordAudit(trx, {
      actorId,
      action: before ? 'qa-plan.update' : 'qa-plan.create',
      targetType: 'team',
      targetId: input.teamId,
      before: before && toPlan(before, teamName),
      after,
    });
    return { result: after, messages: [] };
  };
}

/** Assignments written by one statement (11 values each, well under either database's limit). */
const DRAW_ROWS_PER_INSERT = 500;

/**
 * Stores a draw's assignments; a slot another node drew meanwhile keeps that node's (the unique
 * index on team, period, agent and slot decides). Answers the ids stored by this draw.
 */
export function storeDraw(teamId: string, periodFrom: string, draws: SampleDraw[]): Job<string[]> {
  return async (trx) => {
    const drawnAt = nowIso();
    const stored: string[] = [];
    // In rows of a few hundred: a month of a large team is thousands (one round trip each, else).
    for (let i = 0; i < draws.length; i += DRAW_ROWS_PER_INSERT) {
      const rows = draws.slice(i, i + DRAW_ROWS_PER_INSERT).map((d) => ({
        id: randomUUID(),
        team_id: teamId,
        period_from: periodFrom,
        slot: d.slot,
        agent_id: d.agentId,
        call_id: d.callId,
        evaluator_id: d.evaluatorId,
        due: d.due,
        reason: JSON.stringify(d.reason),
        evaluation_id: null,
        drawn_at: drawnAt,
      }));
      const inserted = await trx
        .insertInto('qa_assignments')
        .values(rows)
        .onConflict((oc) => oc.columns(['team_id', 'period_from', 'agent_id', 'slot']).doNothing())
        .returning('id')
        .execute();
      stored.push(...inserted.map((r) => r.id));
    }
    return { result: stored, messages: [] };
  };
}

/** A coach's flag on a call (or its removal); flagging again keeps the first flag. */
export function setFlag(callId: string, by: string, note: string, flagged: boolean): Job<null> {
  return async (trx) => {
    if (flagged)
      await trx
        .insertInto('qa_flags')
        .values({ call_id: callId, flagged_by: by, note, at: nowIso() })
        .onConflict((oc) => oc.column('call_id').doUpdateSet({ note }))
        .execute();
    else await trx.deleteFrom('qa_flags').where('call_id', '=', callId).execute();
    return { result: null, messages: [] };
  };
}

const lockedEvaluation = (trx: Trx, id: string) =>
  forUpdate(
    trx,
    trx.selectFrom('qa_evaluations').selectAll().where('id', '=', id),
  ).executeTakeFirst();

export type SaveInput = z.output<typeof QaSaveSchema>;

/** What the handler worked out before the save: who, against which pack, with which score. */
export interface SaveContext {
  user: AuthUser;
  agentId: string;
  packId: string;
  packVersion: number;
  /** The assignment the evaluation answers (the one given, else the call's). */
  assignmentId: string | null;
  score: ScoreResult | null;
}

const sameContent = (row: QaEvaluationRow, input: SaveInput) =>
  row.answers === JSON.stringify(input.answers) &&
  row.comments === JSON.stringify(input.comments) &&
  row.tips === input.tips &&
  row.lang === input.lang;

/**
 * Saves a draft or submits an evaluation, once per id: a retry of a submission is answered with
 * what was stored; saving a submitted, unreleased one as a draft reopens it. A call has one
 * evaluation made in the app.
 */
export function saveEvaluation(
  input: SaveInput,
  c: SaveContext,
): Job<Outcome<{ changed: boolean }>> {
  return async (trx) => {
    const existing = await lockedEvaluation(trx, input.id);
    if (existing && (existing.call_id !== input.callId || existing.source !== 'app'))
      return existing.source === 'import'
        ? refused('conflict', 'the evaluation was imported from a QA tool: it is read-only here')
        : refused('conflict', `evaluation id ${input.id} is taken by another call`);
    if (
      existing?.status === 'submitted' &&
      existing.evaluator_id === c.user.id &&
      input.submit &&
      sameContent(existing, input)
    )
      return done({ changed: false });
    const action: EvaluationAction = input.submit ? 'submit' : 'save';
    const check = evaluationTransition({
      status: existing?.status ?? null,
      action,
      who: actorOf(c.user, existing ?? null),
      today: '',
      disputeUntil: null,
      versionDisputed: false,
    });
    if (!check.ok) return refused(check.code, check.reason);
    const other = await trx
      .selectFrom('qa_evaluations')
      .select(['id', 'evaluator_name'])
      .where('call_id', '=', input.callId)
      .where('source', '=', 'app')
      .where('id', '!=', input.id)
      .executeTakeFirst();
    if (other)
      return refused(
        'conflict',
        `this call has an evaluation already (${other.evaluator_name}'s, ${other.id})`,
      );
    const now = nowIso();
    const values = {
      answers: JSON.stringify(input.answers),
      comments: JSON.stringify(input.comments),
      tips: input.tips,
      lang: input.lang,
      status: check.to,
      score: c.score === null ? null : JSON.stringify(c.score),
      evaluated_at: now,
      updated_at: now,
      assignment_id: c.assignmentId,
    };
    if (existing)
      await trx.updateTable('qa_evaluations').set(values).where('id', '=', input.id).execute();
    else
      await trx
        .insertInto('qa_evaluations')
        .values({
          id: input.id,
          agent_id: c.agentId,
          call_id: input.callId,
          evaluator_name: c.user.displayName,
          evaluator_id: c.user.id,
          pack_id: c.packId,
          pack_version: c.packVersion,
          source: 'app',
          version: 1,
          created_at: now,
          ...values,
        })
        .execute();
    if (c.assignmentId)
      await trx
        .updateTable('qa_assignments')
        .set({ evaluation_id: input.id })
        .where('id', '=', c.assignmentId)
        .execute();
    return done({ changed: true });
  };
}

/**
 * Releases a submitted evaluation to the agent; the dispute window runs `disputeDays` days
 * from today in the team's zone (0: no disputes). Releasing again changes nothing.
 */
export function release(
  evaluationId: string,
  user: AuthUser,
  team: { zone: string; disputeDays: number },
): Job<Outcome<{ changed: boolean }>> {
  return async (trx) => {
    const row = await lockedEvaluation(trx, evaluationId);
    if (!row) return refused('not_found', `no evaluation ${evaluationId}`);
    const check = evaluationTransition({
      status: row.status,
      action: 'release',
      who: actorOf(user, row),
      today: '',
      disputeUntil: null,
      versionDisputed: false,
    });
    if (!check.ok) {
      if (check.code === 'conflict' && row.released_at !== null && row.status !== 'imported')
        return done({ changed: false });
      return refused(check.code, check.reason);
    }
    const now = new Date();
    await trx
      .updateTable('qa_evaluations')
      .set({
        status: check.to,
        released_at: now.toISOString(),
        updated_at: now.toISOString(),
        dispute_until:
          team.disputeDays > 0 ? addDays(localDate(now, team.zone), team.disputeDays) : null,
      })
      .where('id', '=', evaluationId)
      .execute();
    return done({ changed: true });
  };
}

/** The agent's acknowledgement; acknowledging again changes nothing. */
export function acknowledge(
  evaluationId: string,
  user: AuthUser,
): Job<Outcome<{ changed: boolean }>> {
  return async (trx) => {
    const row = await lockedEvaluation(trx, evaluationId);
    if (!row) return refused('not_found', `no evaluation ${evaluationId}`);
    if (row.status === 'acknowledged' && row.agent_id === user.id) return done({ changed: false });
    const check = evaluationTransition({
      status: row.status,
      action: 'acknowledge',
      who: actorOf(user, row),
      today: '',
      disputeUntil: row.dispute_until,
      versionDisputed: false,
    });
    if (!check.ok) return refused(check.code, check.reason);
    const now = nowIso();
    await trx
      .updateTable('qa_evaluations')
      .set({ status: check.to, acknowledged_at: now, updated_at: now })
      .where('id', '=', evaluationId)
      .execute();
    return done({ changed: true });
  };
}

export type DisputeInput = z.output<typeof QaDisputeSchema>;

/**
 * The agent's dispute of the evaluation's current version, once per dispute id, within the
 * window (today in the team's zone) and once per version; the arbitrator is the plan's, else
 * the evaluator.
 */
export function raiseDispute(
  input: DisputeInput,
  user: AuthUser,
  context: { today: string; arbitratorId: string | null },
): Job<Outcome<{ changed: boolean }>> {
  return async (trx) => {
    const again = await trx
      .selectFrom('qa_disputes')
      .select(['evaluation_id', 'agent_id'])
      .where('id', '=', input.id)
      .executeTakeFirst();
    if (again)
      return again.evaluation_id === input.evaluationId && again.agent_id === user.id
        ? done({ changed: false })
        : refused('conflict', `dispute id ${input.id} is taken`);
    const row = await lockedEvaluation(trx, input.evaluationId);
    if (!row) return refused('not_found', `no evaluation ${input.evaluationId}`);
    const disputed = await trx
      .selectFrom('qa_disputes')
      .select('id')
      .where('evaluation_id', '=', row.id)
      .where('version', '=', row.version)
      .executeTakeFirst();
    const check = evaluationTransition({
      status: row.status,
      action: 'dispute',
      who: actorOf(user, row),
      today: context.today,
      disputeUntil: row.dispute_until,
      versionDisputed: disputed !== undefined,
    });
    if (!check.ok) return refused(check.code, check.reason);
    const arbitrator = context.arbitratorId ?? row.evaluator_id;
    if (arbitrator === null)
      return refused('conflict', 'the evaluation has no evaluator to answer');
    const points: StoredPoint[] = input.points.map((p) => ({
      itemId: p.itemId,
      reason: p.reason,
      proposed: p.proposed,
      accepted: null,
      answer: null,
    }));
    const now = nowIso();
    await trx
      .insertInto('qa_disputes')
      .values({
        id: input.id,
        evaluation_id: row.id,
        version: row.version,
        agent_id: user.id,
        arbitrator_id: arbitrator,
        points: JSON.stringify(points),
        status: 'open',
        resolution: null,
        created_at: now,
        resolved_at: null,
      })
      .execute();
    await trx
      .updateTable('qa_evaluations')
      .set({ status: check.to, updated_at: now })
      .where('id', '=', row.id)
      .execute();
    return done({ changed: true });
  };
}

export type ResolveInput = z.output<typeof QaResolveSchema>;

/** Checks and scores answers after a resolution, against the evaluation's own pack version. */
export type Rescore = (
  answers: Record<string, Answer>,
) => { score: ScoreResult; problems: string[] } | { score: null; problems: string[] };

/**
 * The arbitrator's resolution: the outcome, each point's decision, and when accepted points
 * change answers, a new version of the evaluation re-scored (the old one kept in
 * qa_evaluation_versions). Resolving again with the same decisions changes nothing.
 */
export function resolve(
  input: ResolveInput,
  user: AuthUser,
  rescore: Rescore,
): Job<Outcome<{ changed: boolean; evaluationId: string }>> {
  return async (trx) => {
    const dispute = await forUpdate(
      trx,
      trx.selectFrom('qa_disputes').selectAll().where('id', '=', input.disputeId),
    ).executeTakeFirst();
    if (!dispute) return refused('not_found', `no dispute ${input.disputeId}`);
    const stored = JSON.parse(dispute.points) as StoredPoint[];
    if (dispute.status !== 'open') {
      const same =
        dispute.arbitrator_id === user.id &&
        stored.length === input.points.length &&
        stored.every((p, i) => p.accepted === input.points[i]!.accept);
      return same
        ? done({ changed: false, evaluationId: dispute.evaluation_id })
        : refused('conflict', `the dispute was resolved already (${dispute.status})`);
    }
    const row = (await lockedEvaluation(trx, dispute.evaluation_id))!;
    const check = evaluationTransition({
      status: row.status,
      action: 'resolve',
      who: actorOf(user, row, dispute.arbitrator_id),
      today: '',
      disputeUntil: row.dispute_until,
      versionDisputed: true,
    });
    if (!check.ok) return refused(check.code, check.reason);
    const answers = JSON.parse(row.answers) as Record<string, Answer>;
    const resolution = resolveDispute(answers, stored, input.points);
    if (!resolution.ok) return refused('bad_request', resolution.reason);
    const now = nowIso();
    if (resolution.changed.length > 0) {
      const scored = rescore(resolution.answers);
      if (scored.problems.length > 0)
        return refused(
          'bad_request',
          `the answers after this resolution cannot be scored: ${scored.problems.join(', ')}`,
          scored.problems,
        );
      await trx
        .insertInto('qa_evaluation_versions')
        .values({
          evaluation_id: row.id,
          version: row.version,
          answers: row.answers,
          comments: row.comments,
          score: row.score,
          reason: input.reason,
          at: now,
        })
        .execute();
      // An item whose answer changed no longer carries the evaluator's comment on the old answer
      // (the earlier version keeps it): the arbitrator's reason is what explains the new one.
      const comments = JSON.parse(row.comments) as Record<string, string>;
      for (const itemId of resolution.changed) comments[itemId] = input.reason;
      await trx
        .updateTable('qa_evaluations')
        .set({
          answers: JSON.stringify(resolution.answers),
          comments: JSON.stringify(comments),
          score: scored.score === null ? null : JSON.stringify(scored.score),
          version: row.version + 1,
        })
        .where('id', '=', row.id)
        .execute();
    }
    await trx
      .updateTable('qa_evaluations')
      .set({ status: check.to, updated_at: now })
      .where('id', '=', row.id)
      .execute();
    const points = stored.map((p, i) => ({ ...p, ...resolution.points[i]! }));
    await trx
      .updateTable('qa_disputes')
      .set({
        status: resolution.outcome,
        points: JSON.stringify(points),
        resolution: input.reason,
        resolved_at: now,
      })
      .where('id', '=', dispute.id)
      .execute();
    return done({ changed: true, evaluationId: row.id });
  };
}
