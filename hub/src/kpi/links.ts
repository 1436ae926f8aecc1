import type { CallRecord } from '@sidecoach/shared';
import { sql } from 'kysely';
import type { Job } from '../lib/jobs.js';

/**
 * The agent's call record for a PBX call (same PBX id, same agent) on the call's legs: the
 * survey, self-assessment and quality of the call are read through it, and its call type counts
 * when neither the PBX nor the queue gave one. Idempotent; run at each change of the call.
 */
export function linkCall(
  call: Pick<CallRecord, 'id' | 'agentId' | 'externalId' | 'callType'>,
): Job<number> {
  return async (trx) => {
    if (call.externalId === null) return { result: 0, messages: [] };
    const linked = await trx
      .updateTable('kpi_legs')
      .set({
        call_id: call.id,
        call_type: sql<
          string | null
        >`coalesce(pbx_call_type, (select q.call_type from kpi_queues as q where q.queue = kpi_legs.queue), ${call.callType})`,
      })
      .where('pbx_call_id', '=', call.externalId)
      .where('agent_id', '=', call.agentId)
      .executeTakeFirst();
    return { result: Number(linked.numUpdatedRows), messages: [] };
  };
}
