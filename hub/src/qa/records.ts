import {
  RELEASED_EVALUATION_STATUSES,
  type Answer,
  type CallFacts,
  type DisputeRecord,
  type DrawReason,
  type Evaluation,
  type QaAssignment,
  type QaFilters,
  type QaPlan,
  type ScoreResult,
} from '@sidecoach/shared';
import type { Trx } from '../lib/jobs.js';
import type { Db } from '../store/db.js';
import type { QaAssignmentRow, QaDisputeRow, QaEvaluationRow, QaPlanRow } from '../store/schema.js';
import { evaluatorsOf } from './policy.js';

// The reads of quality monitoring and what they become on the wire.

type Reader = Db | Trx;

const json = <T>(text: string) => JSON.parse(text) as T;
const jsonOrNull = <T>(text: string | null) => (text === null ? null : json<T>(text));

export function toPlan(row: QaPlanRow, teamName: string): QaPlan {
  return {
    teamId: row.team_id,
    teamName,
    perAgent: row.per_agent,
    period: row.period,
    filters: json<QaFilters>(row.filters),
    evaluatorIds: evaluatorsOf(row),
    dailyCap: row.daily_cap,
    disputeDays: row.dispute_days,
    arbitratorId: row.arbitrator_id,
    active: row.active === 1,
    seed: row.seed,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}

export function planRow(db: Reader, teamId: string): Promise<QaPlanRow | undefined> {
  return db.selectFrom('qa_plans').selectAll().where('team_id', '=', teamId).executeTakeFirst();
}

export function teamRow(db: Reader, teamId: string) {
  return db
    .selectFrom('teams')
    .select(['id', 'name', 'time_zone', 'behaviours_only'])
    .where('id', '=', teamId)
    .executeTakeFirst();
}

/** The plans of these teams (null: every team's), by team name. */
export async function listPlans(db: Reader, teamIds: readonly string[] | null): Promise<QaPlan[]> {
  if (teamIds?.length === 0) return [];
  let query = db
    .selectFrom('qa_plans')
    .innerJoin('teams', 'teams.id', 'qa_plans.team_id')
    .selectAll('qa_plans')
    .select('teams.name as team_name')
    .orderBy('teams.name');
  if (teamIds) query = query.where('qa_plans.team_id', 'in', teamIds);
  const rows = await query.execute();
  return rows.map((r) => toPlan(r, r.team_name));
}

// ---- assignments ----

/** An assignment with the names and call facts its view shows. */
function assignmentQuery(db: Reader) {
  return db
    .selectFrom('qa_assignments as a')
    .innerJoin('users as agent', 'agent.id', 'a.agent_id')
    .innerJoin('users as evaluator', 'evaluator.id', 'a.evaluator_id')
    .innerJoin('calls as c', 'c.id', 'a.call_id')
    .leftJoin('qa_evaluations as e', 'e.id', 'a.evaluation_id')
    .selectAll('a')
    .select([
      'agent.display_name as agent_name',
      'evaluator.display_name as evaluator_name',
      'c.call_type',
      'c.started_at as call_started_at',
      'c.duration_ms',
      'e.status as evaluation_status',
    ]);
}
type AssignmentJoined = QaAssignmentRow & {
  agent_name: string;
  evaluator_name: string;
  call_type: string;
  call_started_at: string;
  duration_ms: number | null;
  evaluation_status: Evaluation['status'] | null;
};

export function toAssignment(r: AssignmentJoined): QaAssignment {
  return {
    id: r.id,
    teamId: r.team_id,
    periodFrom: r.period_from,
    agentId: r.agent_id,
    agentName: r.agent_name,
    evaluatorId: r.evaluator_id,
    evaluatorName: r.evaluator_name,
    callId: r.call_id,
    callType: r.call_type,
    callStartedAt: r.call_started_at,
    durationMs: r.duration_ms,
    due: r.due,
    status:
      r.evaluation_status === null ? 'open' : r.evaluation_status === 'draft' ? 'draft' : 'done',
    evaluationId: r.evaluation_id,
    reason: json<DrawReason>(r.reason),
    drawnAt: r.drawn_at,
  };
}

export async function assignmentById(db: Reader, id: string): Promise<QaAssignment | undefined> {
  const row = await assignmentQuery(db).where('a.id', '=', id).executeTakeFirst();
  return row && toAssignment(row);
}

export async function assignmentOfCall(
  db: Reader,
  callId: string,
): Promise<QaAssignment | undefined> {
  const row = await assignmentQuery(db)
    .where('a.call_id', '=', callId)
    .orderBy('a.drawn_at')
    .executeTakeFirst();
  return row && toAssignment(row);
}

/** Assignments by id, read a thousand at a time (a large team's draw is thousands). */
export async function assignmentsByIds(db: Reader, ids: readonly string[]) {
  const found: QaAssignment[] = [];
  for (let i = 0; i < ids.length; i += 1000) {
    const rows = await assignmentQuery(db)
      .where('a.id', 'in', ids.slice(i, i + 1000))
      .orderBy('a.due')
      .orderBy('a.id')
      .execute();
    found.push(...rows.map(toAssignment));
  }
  return found;
}

/** QUEUE_LIMIT assignments at most per answer: the oldest due first. */
export const QUEUE_LIMIT = 500;

/**
 * Assignments of one evaluator or one team: open and draft ones due first, then (with
 * `includeDone`) those done, newest due first, drawn in the last `doneDays`.
 */
export async function queue(
  db: Reader,
  by: { evaluatorId: string } | { teamId: string },
  includeDone: boolean,
  doneSince: string,
): Promise<QaAssignment[]> {
  let query = assignmentQuery(db);
  query =
    'evaluatorId' in by
      ? query.where('a.evaluator_id', '=', by.evaluatorId)
      : query.where('a.team_id', '=', by.teamId);
  const open = await query
    .where((eb) => eb.or([eb('e.status', 'is', null), eb('e.status', '=', 'draft')]))
    .orderBy('a.due')
    .orderBy('a.drawn_at')
    .orderBy('a.id')
    .limit(QUEUE_LIMIT)
    .execute();
  const done = includeDone
    ? await query
        .where('e.status', 'is not', null)
        .where('e.status', '!=', 'draft')
        .where('a.drawn_at', '>=', doneSince)
        .orderBy('a.due', 'desc')
        .orderBy('a.id')
        .limit(Math.max(0, QUEUE_LIMIT - open.length))
        .execute()
    : [];
  return [...open, ...done].map(toAssignment);
}

// ---- evaluations ----

export type EvaluationJoined = QaEvaluationRow & {
  agent_name: string;
  call_type: string | null;
};

export function evaluationQuery(db: Reader) {
  return db
    .selectFrom('qa_evaluations as e')
    .innerJoin('users as agent', 'agent.id', 'e.agent_id')
    .leftJoin('calls as c', 'c.id', 'e.call_id')
    .selectAll('e')
    .select(['agent.display_name as agent_name', 'c.call_type']);
}

export function evaluationRow(db: Reader, id: string): Promise<EvaluationJoined | undefined> {
  return evaluationQuery(db).where('e.id', '=', id).executeTakeFirst();
}

/** The call's evaluation made in the app, else its newest imported one. */
export async function evaluationOfCall(
  db: Reader,
  callId: string,
): Promise<EvaluationJoined | undefined> {
  return evaluationQuery(db)
    .where('e.call_id', '=', callId)
    .orderBy((eb) => eb.case().when('e.source', '=', 'app').then(0).else(1).end(), 'asc')
    .orderBy('e.evaluated_at', 'desc')
    .executeTakeFirst();
}

type DisputeJoined = QaDisputeRow & { agent_name: string; arbitrator_name: string };

function disputeQuery(db: Reader) {
  return db
    .selectFrom('qa_disputes as d')
    .innerJoin('users as agent', 'agent.id', 'd.agent_id')
    .innerJoin('users as arbitrator', 'arbitrator.id', 'd.arbitrator_id')
    .selectAll('d')
    .select(['agent.display_name as agent_name', 'arbitrator.display_name as arbitrator_name']);
}

export interface StoredPoint {
  itemId: string | null;
  reason: string;
  proposed: Answer | null;
  accepted: boolean | null;
  answer: Answer | null;
}

export function toDispute(r: DisputeJoined): DisputeRecord {
  return {
    id: r.id,
    evaluationId: r.evaluation_id,
    version: r.version,
    agentId: r.agent_id,
    agentName: r.agent_name,
    points: json<StoredPoint[]>(r.points),
    arbitratorId: r.arbitrator_id,
    arbitratorName: r.arbitrator_name,
    status: r.status,
    resolution: r.resolution,
    createdAt: r.created_at,
    resolvedAt: r.resolved_at,
  };
}

export async function disputeById(db: Reader, id: string): Promise<DisputeRecord | undefined> {
  const row = await disputeQuery(db).where('d.id', '=', id).executeTakeFirst();
  return row && toDispute(row);
}

/** Disputes by the filters, newest first. */
export async function disputes(
  db: Reader,
  filter: {
    evaluationIds?: readonly string[];
    agentIds?: readonly string[] | null;
    openOnly?: boolean;
    since?: string;
    arbitratorId?: string;
  },
): Promise<DisputeRecord[]> {
  if (filter.evaluationIds?.length === 0 || filter.agentIds?.length === 0) return [];
  let query = disputeQuery(db);
  if (filter.evaluationIds) query = query.where('d.evaluation_id', 'in', filter.evaluationIds);
  if (filter.agentIds) query = query.where('d.agent_id', 'in', filter.agentIds);
  if (filter.openOnly) query = query.where('d.status', '=', 'open');
  if (filter.since) query = query.where('d.created_at', '>=', filter.since);
  if (filter.arbitratorId) query = query.where('d.arbitrator_id', '=', filter.arbitratorId);
  const rows = await query.orderBy('d.created_at', 'desc').orderBy('d.id').execute();
  return rows.map(toDispute);
}

/** Evaluations as the wire has them, with their earlier versions and disputes. */
export async function toEvaluations(
  db: Reader,
  rows: readonly EvaluationJoined[],
): Promise<Evaluation[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const versions = await db
    .selectFrom('qa_evaluation_versions')
    .selectAll()
    .where('evaluation_id', 'in', ids)
    .orderBy('version', 'desc')
    .execute();
  const all = await disputes(db, { evaluationIds: ids });
  return rows.map((r) => ({
    id: r.id,
    source: r.source,
    evaluatorName: r.evaluator_name,
    evaluatorId: r.evaluator_id,
    agentId: r.agent_id,
    agentName: r.agent_name,
    callId: r.call_id,
    callType: r.call_type,
    assignmentId: r.assignment_id,
    packId: r.pack_id,
    packVersion: r.pack_version,
    status: r.status,
    version: r.version,
    answers: json<Record<string, Answer>>(r.answers),
    comments: json<Record<string, string>>(r.comments),
    tips: r.tips,
    lang: r.lang,
    score: jsonOrNull<ScoreResult>(r.score),
    evaluatedAt: r.status === 'draft' ? null : r.evaluated_at,
    releasedAt: r.released_at,
    acknowledgedAt: r.acknowledged_at,
    disputeUntil: r.dispute_until,
    previous: versions
      .filter((v) => v.evaluation_id === r.id)
      .map((v) => ({
        version: v.version,
        answers: json<Record<string, Answer>>(v.answers),
        score: jsonOrNull<ScoreResult>(v.score),
        reason: v.reason,
        at: v.at,
      })),
    disputes: all.filter((d) => d.evaluationId === r.id).reverse(),
  }));
}

export async function evaluationById(db: Reader, id: string): Promise<Evaluation | undefined> {
  const row = await evaluationRow(db, id);
  return row && (await toEvaluations(db, [row]))[0];
}

/** The statuses an agent sees (and reflective sessions count): released ones, and imports. */
export const RELEASED_STATUSES = RELEASED_EVALUATION_STATUSES;

// ---- the call's facts ----

export interface CallRowOfFacts {
  id: string;
  agent_id: string;
  agent_name: string;
  call_type: string;
  pack_id: string;
  pack_version: number;
  external_id: string | null;
  started_at: string;
  ended_at: string | null;
  duration_ms: number | null;
  recording_url: string | null;
}

export function callRow(db: Reader, callId: string): Promise<CallRowOfFacts | undefined> {
  return db
    .selectFrom('calls as c')
    .innerJoin('users as u', 'u.id', 'c.agent_id')
    .select([
      'c.id',
      'c.agent_id',
      'u.display_name as agent_name',
      'c.call_type',
      'c.pack_id',
      'c.pack_version',
      'c.external_id',
      'c.started_at',
      'c.ended_at',
      'c.duration_ms',
      'c.recording_url',
    ])
    .where('c.id', '=', callId)
    .executeTakeFirst();
}

/** The recording a CTI event named for the call before its row existed (the PBX was first). */
export async function recordingFromEvents(
  db: Reader,
  call: CallRowOfFacts,
): Promise<string | null> {
  if (!call.external_id) return null;
  const events = await db
    .selectFrom('cti_events')
    .select('event')
    .where('user_id', '=', call.agent_id)
    .where('call_id', '=', call.external_id)
    .orderBy('received_at', 'desc')
    .execute();
  for (const { event } of events) {
    const url = json<{ recordingUrl?: unknown }>(event).recordingUrl;
    if (typeof url === 'string') return url;
  }
  return null;
}

/** Everything an evaluator reads beside the scorecard: the call as every channel saw it. */
export async function callFacts(
  db: Reader,
  call: CallRowOfFacts,
  teamId: string | null,
): Promise<CallFacts> {
  const [ticks, assessment, observations, survey, flag] = await Promise.all([
    db
      .selectFrom('call_ticks')
      .select(['item_id', 'checked'])
      .where('call_id', '=', call.id)
      .execute(),
    db
      .selectFrom('self_assessments')
      .select(['status', 'answers', 'score'])
      .where('call_id', '=', call.id)
      .executeTakeFirst(),
    db
      .selectFrom('observations as o')
      .innerJoin('users as u', 'u.id', 'o.author_id')
      .select([
        'o.id',
        'u.display_name as author_name',
        'o.offset_ms',
        'o.item_id',
        'o.verdict',
        'o.text',
        'o.at',
      ])
      .where('o.call_id', '=', call.id)
      .orderBy('o.at')
      .orderBy('o.id')
      .execute(),
    db
      .selectFrom('survey_responses')
      .select(['csat', 'resolved', 'effort', 'comment', 'submitted_at'])
      .where('call_id', '=', call.id)
      // Answers that look like the agent's own (surveys/self-answer.ts) are not the customer's.
      .where('self_answer', 'is', null)
      .executeTakeFirst(),
    db.selectFrom('qa_flags').select('call_id').where('call_id', '=', call.id).executeTakeFirst(),
  ]);
  return {
    callId: call.id,
    agentId: call.agent_id,
    agentName: call.agent_name,
    teamId,
    callType: call.call_type,
    startedAt: call.started_at,
    endedAt: call.ended_at,
    durationMs: call.duration_ms,
    recordingUrl: call.recording_url ?? (await recordingFromEvents(db, call)),
    ticks: Object.fromEntries(ticks.map((t) => [t.item_id, t.checked === 1])),
    selfAssessment: assessment
      ? {
          status: assessment.status,
          answers: json<Record<string, Answer>>(assessment.answers),
          score: jsonOrNull<ScoreResult>(assessment.score),
        }
      : null,
    observations: observations.map((o) => ({
      id: o.id,
      authorName: o.author_name,
      offsetMs: o.offset_ms,
      itemId: o.item_id,
      verdict: o.verdict,
      text: o.text,
      at: o.at,
    })),
    survey: survey
      ? {
          csat: survey.csat,
          resolved: survey.resolved === null ? null : survey.resolved === 1,
          effort: survey.effort,
          comment: survey.comment,
          submittedAt: survey.submitted_at,
        }
      : null,
    flagged: flag !== undefined,
  };
}
