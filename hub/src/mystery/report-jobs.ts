import {
  phoneKey,
  type MysteryReviewSchema,
  type Rating,
  type Scenario,
  type StandardsPack,
} from '@sidecoach/shared';
import type { z } from 'zod';
import { recordAudit } from '../lib/audit.js';
import type { Job, Trx } from '../lib/jobs.js';
import { nowIso, type Db } from '../store/db.js';
import { forUpdate } from '../store/dialect.js';
import { callOfAgent, matchReport } from './match.js';
import { blockedByGap, fitsProfile, type CallerVisit } from './policy.js';
import { askedItems, reportProblems, scoreReport, type ReportInput } from './questionnaire.js';
import { callerProfile, waveRow, waveSettings } from './records.js';
import { done, refused, type Outcome } from './jobs.js';

// The writes of a mystery call's assignment and report: claiming (first claim wins), the
// manager's assignment, the caller's report (draft, submit: scored and matched), the review.
// Each locks the assignment row (PostgreSQL) and checks its status in its own transaction.

type ReviewInput = z.output<typeof MysteryReviewSchema>;

export const TAKEN = 'already taken: choose another call on the board';
const GONE = 'no such assignment on your board';

const lockedAssignment = (trx: Trx, id: string) =>
  forUpdate(
    trx,
    trx.selectFrom('mystery_assignments').selectAll().where('id', '=', id),
  ).executeTakeFirst();

/** The caller's calls to teams (claimed or made, any wave): what the gap rule reads. */
export async function callerVisits(
  db: Db | Trx,
  callerId: string,
  except?: string,
): Promise<CallerVisit[]> {
  const rows = await db
    .selectFrom('mystery_assignments as a')
    .leftJoin('mystery_reports as r', 'r.assignment_id', 'a.id')
    .select(['a.id', 'a.team_id', 'a.window_from', 'r.called_at'])
    .where('a.caller_id', '=', callerId)
    .where('a.status', '!=', 'open')
    .execute();
  return rows
    .filter((r) => r.id !== except)
    .map((r) => ({ teamId: r.team_id, at: r.called_at ?? r.window_from }));
}

/** A caller takes an open call from the board: the first claim wins. */
export function claimAssignment(
  callerId: string,
  assignmentId: string,
  now = new Date(),
): Job<Outcome<{ changed: boolean }>> {
  return async (trx) => {
    const row = await lockedAssignment(trx, assignmentId);
    if (!row) return refused('not_found', GONE);
    if (row.caller_id === callerId && row.status !== 'open') return done({ changed: false });
    if (row.status !== 'open') return refused('conflict', TAKEN);
    const wave = (await waveRow(trx, row.wave_id))!;
    if (wave.status !== 'live') return refused('conflict', 'the wave takes no more calls');
    if (Date.parse(row.window_to) <= now.getTime())
      return refused('conflict', 'the time window of this call has passed');
    const caller = await callerProfile(trx, callerId);
    if (!caller || caller.disabled) return refused('forbidden', 'your caller account is off');
    if (!fitsProfile(caller.profile, JSON.parse(row.profile) as object))
      return refused('forbidden', 'this call is for a caller of another profile');
    const visits = await callerVisits(trx, callerId, row.id);
    if (
      blockedByGap(
        { teamId: row.team_id, windowFrom: row.window_from },
        visits,
        wave.caller_gap_days,
      )
    )
      return refused(
        'conflict',
        `you called this number less than ${wave.caller_gap_days} days before: choose another call`,
      );
    const at = nowIso();
    await trx
      .updateTable('mystery_assignments')
      .set({
        caller_id: callerId,
        status: 'claimed',
        claimed_at: at,
        assigned_by: null,
        updated_at: at,
      })
      .where('id', '=', assignmentId)
      .execute();
    return done({ changed: true });
  };
}

/**
 * The manager gives a call to a caller (the gap rule holds; the profile is the manager's call),
 * or takes it back to the board (null). Only before the caller has filed a report on it.
 */
export function assignCaller(
  managerId: string,
  assignmentId: string,
  callerId: string | null,
): Job<Outcome<{ changed: boolean; previousCallerId: string | null }>> {
  return async (trx) => {
    const row = await lockedAssignment(trx, assignmentId);
    if (!row) return refused('not_found', `no assignment ${assignmentId}`);
    const previousCallerId = row.caller_id;
    if (row.caller_id === callerId) return done({ changed: false, previousCallerId });
    if (row.status !== 'open' && row.status !== 'claimed')
      return refused('conflict', 'the caller has reported on this call: it is theirs');
    const wave = (await waveRow(trx, row.wave_id))!;
    if (wave.status !== 'live') return refused('conflict', 'the wave is not live');
    const at = nowIso();
    if (callerId === null) {
      await trx
        .updateTable('mystery_assignments')
        .set({
          caller_id: null,
          status: 'open',
          claimed_at: null,
          assigned_by: null,
          updated_at: at,
        })
        .where('id', '=', assignmentId)
        .execute();
    } else {
      const caller = await callerProfile(trx, callerId);
      if (!caller) return refused('not_found', `no mystery caller ${callerId}`);
      if (caller.disabled) return refused('conflict', `${caller.name}'s caller account is off`);
      const visits = await callerVisits(trx, callerId, row.id);
      if (
        blockedByGap(
          { teamId: row.team_id, windowFrom: row.window_from },
          visits,
          wave.caller_gap_days,
        )
      )
        return refused(
          'conflict',
          `${caller.name} called this team less than ${wave.caller_gap_days} days before (the wave's gap): choose another caller`,
        );
      await trx
        .updateTable('mystery_assignments')
        .set({
          caller_id: callerId,
          status: 'claimed',
          claimed_at: at,
          assigned_by: managerId,
          updated_at: at,
        })
        .where('id', '=', assignmentId)
        .execute();
    }
    await recordAudit(trx, {
      actorId: managerId,
      action: 'mystery.assign',
      targetType: 'mystery',
      targetId: assignmentId,
      before: { callerId: previousCallerId },
      after: { callerId },
    });
    return done({ changed: true, previousCallerId });
  };
}

/**
 * The over-the-limit flags of the agents' reports in a wave, recounted: in the order they were
 * filed (then by assignment), a report is over the limit when the agent already has the wave's
 * limit of counted reports (filed and waiting for review, or approved) before it. A report
 * returned or rejected no longer counts, so a later report of the same agent may come back under
 * the limit; one matched to another agent leaves this one's count, and `subject` (the report
 * just filed or decided), matched to no agent, is over no limit. Returns the assignments whose
 * flag changed (the managers' lists show it).
 */
async function recountAgentLimit(
  trx: Trx,
  waveId: string,
  subject: string,
  agentIds: readonly (string | null)[],
  perAgentMax: number,
): Promise<string[]> {
  const agents = [...new Set(agentIds.filter((id): id is string => id !== null))];
  const rows = await trx
    .selectFrom('mystery_reports as r')
    .innerJoin('mystery_assignments as a', 'a.id', 'r.assignment_id')
    .select(['r.assignment_id', 'r.agent_id', 'r.over_agent_limit', 'a.status'])
    .where('r.wave_id', '=', waveId)
    .where((eb) =>
      eb.or([
        eb('r.assignment_id', '=', subject),
        ...(agents.length > 0 ? [eb('r.agent_id', 'in', agents)] : []),
      ]),
    )
    .where('r.submitted_at', 'is not', null)
    .orderBy('r.submitted_at')
    .orderBy('r.assignment_id')
    .execute();
  const counted = new Map<string, number>();
  const changed: string[] = [];
  for (const r of rows) {
    const before = r.agent_id === null ? 0 : (counted.get(r.agent_id) ?? 0);
    const over = r.agent_id !== null && before >= perAgentMax ? 1 : 0;
    if (r.agent_id !== null && (r.status === 'reported' || r.status === 'approved'))
      counted.set(r.agent_id, before + 1);
    if (over === r.over_agent_limit) continue;
    await trx
      .updateTable('mystery_reports')
      .set({ over_agent_limit: over })
      .where('assignment_id', '=', r.assignment_id)
      .execute();
    changed.push(r.assignment_id);
  }
  return changed;
}

export interface QuestionnaireOf {
  pack: StandardsPack;
  itemIds: string[];
  ratings: Rating[];
}

/**
 * The caller's report: a draft, or filed (every asked item answered, every rating given, the
 * call's facts right), then scored with the programme's pack version and matched to the agent's
 * call. A returned report is changed and filed again with the caller's reply.
 */
export function saveReport(
  callerId: string,
  input: ReportInput,
  questionnaire: QuestionnaireOf,
  now = new Date(),
): Job<Outcome<{ submitted: boolean; flagged: string[] }>> {
  return async (trx) => {
    const row = await lockedAssignment(trx, input.assignmentId);
    if (!row || row.caller_id !== callerId) return refused('not_found', GONE);
    if (row.status === 'reported')
      return refused('conflict', 'the report is filed and waits for the quality manager’s review');
    if (row.status === 'approved' || row.status === 'rejected')
      return refused('conflict', `the report has been ${row.status}: it is final`);
    const wave = (await waveRow(trx, row.wave_id))!;
    const settings = waveSettings(wave);
    const scenario: Scenario = settings.scenarios.find((s) => s.id === row.scenario_id)!;
    const caller = (await callerProfile(trx, callerId))!;
    const { pack } = questionnaire;
    const asked = askedItems(pack, questionnaire.itemIds, scenario.callType);
    const problems = reportProblems(pack, scenario.callType, asked, input, {
      windowFrom: row.window_from,
      windowTo: row.window_to,
      numberToCall: settings.numbers[row.team_id] ?? '',
      phones: caller.phones,
      returned: row.status === 'returned',
      ratingIds: questionnaire.ratings.map((r) => r.id),
      now,
    });
    if (problems) return refused('bad_request', problems.message, problems.problems);
    const before = await trx
      .selectFrom('mystery_reports')
      .selectAll()
      .where('assignment_id', '=', row.id)
      .executeTakeFirst();
    const at = nowIso();
    const calledAt = new Date(input.calledAt).toISOString();
    const values = {
      called_at: calledAt,
      called_number: input.calledNumber,
      from_number: input.fromNumber,
      from_key: phoneKey(input.fromNumber),
      agent_name_heard: input.agentNameHeard,
      answers: JSON.stringify(input.answers),
      comments: JSON.stringify(input.comments),
      ratings: JSON.stringify(input.ratings),
      impression: input.impression,
      reply: input.reply,
      saved_at: at,
    };
    let filed = {};
    if (input.submit) {
      // A call the manager matched by hand stays matched; otherwise matched again (the time or
      // the number may have changed since the last filing).
      const match =
        before?.match_method === 'manual'
          ? {
              method: 'manual' as const,
              callId: before.call_id,
              agentId: before.agent_id,
              candidates: [],
            }
          : await matchReport(trx, {
              assignmentId: row.id,
              teamId: row.team_id,
              calledAt,
              fromNumber: input.fromNumber,
            });
      filed = {
        score: JSON.stringify(scoreReport(pack, scenario.callType, asked, input.answers)),
        submitted_at: at,
        match_method: match.method,
        call_id: match.callId,
        agent_id: match.agentId,
        candidates: JSON.stringify(match.candidates),
      };
    }
    if (before)
      await trx
        .updateTable('mystery_reports')
        .set({ ...values, ...filed })
        .where('assignment_id', '=', row.id)
        .execute();
    else
      await trx
        .insertInto('mystery_reports')
        .values({
          assignment_id: row.id,
          wave_id: row.wave_id,
          caller_id: callerId,
          score: null,
          call_id: null,
          agent_id: null,
          grade: null,
          review_note: null,
          reviewed_at: null,
          reviewed_by: null,
          submitted_at: null,
          created_at: at,
          ...values,
          ...filed,
        })
        .execute();
    let flagged: string[] = [];
    if (input.submit) {
      await trx
        .updateTable('mystery_assignments')
        .set({ status: 'reported', updated_at: at })
        .where('id', '=', row.id)
        .execute();
      flagged = await recountAgentLimit(
        trx,
        row.wave_id,
        row.id,
        [before?.agent_id ?? null, (filed as { agent_id: string | null }).agent_id],
        wave.per_agent_max,
      );
      await recordAudit(trx, {
        actorId: callerId,
        action: row.status === 'returned' ? 'mystery.report-resubmit' : 'mystery.report-submit',
        targetType: 'mystery',
        targetId: row.id,
        after: { calledAt, match: (filed as { match_method: string }).match_method },
      });
    }
    return done({ submitted: input.submit, flagged });
  };
}

/**
 * The quality manager's review of a filed report: approve with a grade (and, optionally, the
 * call it was, picked from the candidates), return to the caller with a question, or reject
 * with the reason. Only approved reports count in results.
 */
export function reviewReport(
  managerId: string,
  input: ReviewInput,
): Job<Outcome<{ callerId: string; flagged: string[] }>> {
  return async (trx) => {
    const row = await lockedAssignment(trx, input.assignmentId);
    if (!row) return refused('not_found', `no assignment ${input.assignmentId}`);
    const report = await trx
      .selectFrom('mystery_reports')
      .selectAll()
      .where('assignment_id', '=', row.id)
      .executeTakeFirst();
    if (!report || row.status !== 'reported')
      return refused(
        'conflict',
        row.status === 'approved' || row.status === 'rejected'
          ? `the report has been ${row.status} already`
          : 'the caller has not filed this report (or it is back with them)',
      );
    const at = nowIso();
    let match = {};
    if (input.action === 'approve' && input.callId !== null && input.callId !== report.call_id) {
      const candidates = JSON.parse(report.candidates) as string[];
      if (!candidates.includes(input.callId))
        return refused('bad_request', 'match the report to one of its candidate calls');
      const call = (await callOfAgent(trx, input.callId))!;
      match = { match_method: 'manual' as const, call_id: call.id, agent_id: call.agent_id };
    }
    const status =
      input.action === 'approve' ? 'approved' : input.action === 'return' ? 'returned' : 'rejected';
    await trx
      .updateTable('mystery_reports')
      .set({
        ...match,
        grade: input.action === 'approve' ? input.grade : null,
        review_note: input.note === '' ? null : input.note,
        reviewed_at: at,
        reviewed_by: managerId,
      })
      .where('assignment_id', '=', row.id)
      .execute();
    await trx
      .updateTable('mystery_assignments')
      .set({ status, updated_at: at })
      .where('id', '=', row.id)
      .execute();
    // The decision changes what counts toward the agent's limit (and a match by hand, whose).
    const wave = (await waveRow(trx, row.wave_id))!;
    const flagged = await recountAgentLimit(
      trx,
      row.wave_id,
      row.id,
      [report.agent_id, (match as { agent_id?: string }).agent_id ?? null],
      wave.per_agent_max,
    );
    await recordAudit(trx, {
      actorId: managerId,
      action: `mystery.review-${input.action}`,
      targetType: 'mystery',
      targetId: row.id,
      after: { status, grade: input.grade, note: input.note, callId: input.callId },
    });
    return done({ callerId: report.caller_id, flagged });
  };
}
