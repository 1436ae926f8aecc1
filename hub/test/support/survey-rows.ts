// Customers' survey responses written straight into a hub's database (beside the running hub),
// thousands at a time, for the tests of what reads them in bulk (the streamed CSV export): each
// an ended call of the agent, its survey send and the response. The survey flow itself (the
// decision, the email, the customer's form) is tested in surveys.test.ts.
import { randomUUID } from 'node:crypto';
import type { Db } from '../../src/store/db.js';

export interface ResponseRow {
  agentId: string;
  submittedAt: string;
  csat: number | null;
  resolved: boolean | null;
  comment?: string | null;
  /** The call's id (a new one when not given). */
  callId?: string;
  callType?: string;
  lang?: string;
}

/** Stores the responses (and their calls and sends) in batches; answers their call ids. */
export async function addSurveyResponses(
  db: Db,
  pack: { id: string; version: number },
  rows: readonly ResponseRow[],
): Promise<string[]> {
  const ids: string[] = [];
  const BATCH = 200;
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = rows.slice(i, i + BATCH).map((r) => ({ ...r, callId: r.callId ?? randomUUID() }));
    const calls = batch.map((r) => {
      const ended = new Date(Date.parse(r.submittedAt) - 60_000).toISOString();
      const started = new Date(Date.parse(ended) - 240_000).toISOString();
      return { r, started, ended };
    });
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('calls')
        .values(
          calls.map(({ r, started, ended }) => ({
            id: r.callId,
            agent_id: r.agentId,
            call_type: r.callType ?? 'booking',
            pack_id: pack.id,
            pack_version: pack.version,
            source: 'manual' as const,
            started_at: started,
            ended_at: ended,
            duration_ms: 240_000,
            created_at: started,
          })),
        )
        .onConflict((oc) => oc.doNothing())
        .execute();
      await trx
        .insertInto('survey_sends')
        .values(
          calls.map(({ r, ended }) => ({
            call_id: r.callId,
            agent_id: r.agentId,
            call_type: r.callType ?? 'booking',
            pack_version: pack.version,
            survey_id: 'post-call',
            channel: 'email' as const,
            address: null,
            address_key: null,
            lang: r.lang ?? 'en',
            state: 'sent' as const,
            skip_reason: null,
            token_hash: null,
            next_attempt_at: null,
            last_error: null,
            decided_at: ended,
            sent_at: ended,
            expires_at: null,
          })),
        )
        .execute();
      await trx
        .insertInto('survey_responses')
        .values(
          batch.map((r) => ({
            call_id: r.callId,
            agent_id: r.agentId,
            survey_id: 'post-call',
            call_type: r.callType ?? 'booking',
            channel: 'email' as const,
            answers: JSON.stringify({ csat: r.csat, resolved: r.resolved, comment: r.comment }),
            csat: r.csat,
            resolved: r.resolved === null ? null : r.resolved ? 1 : 0,
            effort: null,
            comment: r.comment ?? null,
            lang: r.lang ?? 'en',
            submitted_at: r.submittedAt,
          })),
        )
        .execute();
    });
    ids.push(...batch.map((r) => r.callId));
  }
  return ids;
}
