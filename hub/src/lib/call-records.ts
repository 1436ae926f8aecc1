import type { AssessmentRecord, CallRecord } from '@sidecoach/shared';
import type { AssessmentRow, CallRow } from '../store/schema.js';
import type { Db } from '../store/db.js';

function toAssessment(row: AssessmentRow): AssessmentRecord {
  return {
    id: row.id,
    callId: row.call_id,
    status: row.status,
    answers: JSON.parse(row.answers) as AssessmentRecord['answers'],
    nextTime: row.next_time,
    score: row.score === null ? null : (JSON.parse(row.score) as AssessmentRecord['score']),
    submittedAt: row.submitted_at,
  };
}

/** Calls with their ticks and self-assessments, in the order given. */
async function assemble(db: Db, calls: CallRow[]): Promise<CallRecord[]> {
  if (calls.length === 0) return [];
  const ids = calls.map((c) => c.id);
  const ticks = await db
    .selectFrom('call_ticks')
    .select(['call_id', 'item_id', 'at'])
    .where('call_id', 'in', ids)
    .where('checked', '=', 1)
    .orderBy('at')
    .execute();
  const assessments = await db
    .selectFrom('self_assessments')
    .selectAll()
    .where('call_id', 'in', ids)
    .execute();
  return calls.map((c) => {
    const assessment = assessments.find((a) => a.call_id === c.id);
    const ticked = ticks.filter((t) => t.call_id === c.id);
    return {
      id: c.id,
      agentId: c.agent_id,
      callType: c.call_type,
      packId: c.pack_id,
      packVersion: c.pack_version,
      source: c.source,
      externalId: c.external_id,
      startedAt: c.started_at,
      endedAt: c.ended_at,
      durationMs: c.duration_ms,
      ticked: ticked.map((t) => t.item_id),
      tickedAt: Object.fromEntries(ticked.map((t) => [t.item_id, t.at])),
      assessment: assessment ? toAssessment(assessment) : null,
    };
  });
}

export async function getCall(db: Db, callId: string): Promise<CallRecord | undefined> {
  const row = await db.selectFrom('calls').selectAll().where('id', '=', callId).executeTakeFirst();
  return row && (await assemble(db, [row]))[0];
}

export async function recentCalls(db: Db, agentId: string, limit: number): Promise<CallRecord[]> {
  const rows = await db
    .selectFrom('calls')
    .selectAll()
    .where('agent_id', '=', agentId)
    .orderBy('started_at', 'desc')
    .limit(limit)
    .execute();
  return assemble(db, rows);
}

export async function openCallOf(db: Db, agentId: string): Promise<CallRecord | undefined> {
  const row = await db
    .selectFrom('calls')
    .selectAll()
    .where('agent_id', '=', agentId)
    .where('ended_at', 'is', null)
    .orderBy('started_at', 'desc')
    .executeTakeFirst();
  return row && (await assemble(db, [row]))[0];
}

/** An agent's calls started in a period (of one call type, if given), newest first. */
export async function callsInPeriod(
  db: Db,
  agentId: string,
  period: { from: string; to: string },
  callType: string | undefined,
  limit: number,
): Promise<CallRecord[]> {
  let query = db
    .selectFrom('calls')
    .selectAll()
    .where('agent_id', '=', agentId)
    .where('started_at', '>=', period.from)
    .where('started_at', '<=', period.to);
  if (callType) query = query.where('call_type', '=', callType);
  return assemble(db, await query.orderBy('started_at', 'desc').limit(limit).execute());
}
