import type { AgentStatus, CallRecord } from '../protocol/calls.js';

type StatusCall = Pick<CallRecord, 'id' | 'endedAt' | 'assessment'>;

/**
 * An agent's status from their recent calls: on a call while one is open (whenever it
 * started), in wrap-up until the last ended call's self-assessment is submitted or skipped,
 * available otherwise.
 */
export function agentStatusOf(calls: readonly StatusCall[]): {
  status: AgentStatus;
  callId: string | null;
} {
  const open = calls.find((c) => c.endedAt === null);
  if (open) return { status: 'on-call', callId: open.id };
  let lastEnded: StatusCall | undefined;
  for (const call of calls) {
    if (call.endedAt !== null && (!lastEnded || call.endedAt > (lastEnded.endedAt ?? '')))
      lastEnded = call;
  }
  if (lastEnded && lastEnded.assessment === null)
    return { status: 'wrap-up', callId: lastEnded.id };
  return { status: 'available', callId: null };
}
