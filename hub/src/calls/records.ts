import type {
  AssessmentSubmit,
  CallStart,
  CallTick,
  ScoreResult,
  StandardsPack,
} from '@sidecoach/shared';
import { nowIso, type Db } from '../store/db.js';

// The writes of calls, ticks and self-assessments (reads: lib/call-records.ts, shared with
// the capabilities that show calls).

/** Stores a started call; when a concurrent retry of the same id got there first, its row stays. */
export async function insertCall(
  db: Db,
  agentId: string,
  pack: Pick<StandardsPack, 'id' | 'version'>,
  { id, callType, startedAt, source, externalId }: CallStart,
): Promise<void> {
  await db
    .insertInto('calls')
    .values({
      id,
      agent_id: agentId,
      call_type: callType,
      pack_id: pack.id,
      pack_version: pack.version,
      source,
      external_id: externalId ?? null,
      started_at: new Date(startedAt).toISOString(),
      ended_at: null,
      duration_ms: null,
      created_at: nowIso(),
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** Last write wins by the client's time, so a late retry cannot undo a newer tick. */
export async function saveTick(db: Db, { callId, itemId, checked, at }: CallTick): Promise<void> {
  const time = new Date(at).toISOString();
  await db
    .insertInto('call_ticks')
    .values({ call_id: callId, item_id: itemId, checked: checked ? 1 : 0, at: time })
    .onConflict((oc) =>
      oc
        .columns(['call_id', 'item_id'])
        .doUpdateSet({ checked: checked ? 1 : 0, at: time })
        .where('call_ticks.at', '<=', time),
    )
    .execute();
}

export async function setCallType(db: Db, callId: string, callType: string): Promise<void> {
  await db.updateTable('calls').set({ call_type: callType }).where('id', '=', callId).execute();
}

/**
 * Stores a self-assessment once: when the id or the call is already assessed nothing changes
 * (the caller reads the call back to tell which).
 */
export async function insertAssessment(
  db: Db,
  agentId: string,
  input: AssessmentSubmit,
  answers: Record<string, unknown>,
  score: ScoreResult | null,
): Promise<void> {
  await db
    .insertInto('self_assessments')
    .values({
      id: input.id,
      call_id: input.callId,
      agent_id: agentId,
      status: input.status,
      answers: JSON.stringify(answers),
      next_time: input.status === 'submitted' && input.nextTime ? input.nextTime : null,
      score: score && JSON.stringify(score),
      submitted_at: new Date(input.at).toISOString(),
      created_at: nowIso(),
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** Turns a skipped self-assessment into a submitted one; nothing changes once it is not a skip. */
export async function completeSkippedAssessment(
  db: Db,
  input: AssessmentSubmit,
  answers: Record<string, unknown>,
  score: ScoreResult | null,
): Promise<void> {
  await db
    .updateTable('self_assessments')
    .set({
      id: input.id,
      status: 'submitted',
      answers: JSON.stringify(answers),
      next_time: input.status === 'submitted' && input.nextTime ? input.nextTime : null,
      score: score && JSON.stringify(score),
      submitted_at: new Date(input.at).toISOString(),
    })
    .where('call_id', '=', input.callId)
    .where('status', '=', 'skipped')
    .execute();
}
