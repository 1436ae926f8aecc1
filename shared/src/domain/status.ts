import type { AgentStatus, CallRecord } from '../protocol/schemas.js';

/**
 * An agent's status from their latest call: on a call while it is open, in wrap-up until its
 * self-assessment is submitted or skipped, available otherwise.
 */
export function statusFromLatestCall(
  latest: Pick<CallRecord, 'id' | 'endedAt' | 'assessment'> | undefined,
): { status: AgentStatus; callId: string | null } {
  if (!latest) return { status: 'available', callId: null };
  if (latest.endedAt === null) return { status: 'on-call', callId: latest.id };
  if (latest.assessment === null) return { status: 'wrap-up', callId: latest.id };
  return { status: 'available', callId: null };
}
