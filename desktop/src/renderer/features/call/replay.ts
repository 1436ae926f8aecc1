import { scoreScorecard, type CallRecord, type StandardsPack } from '@sidecoach/shared';
import type { OutboxWrite } from '../../lib/outbox.js';

/** The outbox writes about the agent's own calls (replayed over the hub's records). */
export const CALL_EVENTS = [
  'call:start',
  'call:tick',
  'call:end',
  'call:retype',
  'assessment:submit',
] as const;
export type CallEvent = (typeof CALL_EVENTS)[number];
export type CallWrite = OutboxWrite<CallEvent>;

const RECENT = 20;
const byStartDesc = (a: CallRecord, b: CallRecord) => b.startedAt.localeCompare(a.startedAt);

/** The pack a call is checked and scored against: the version it started with, when known. */
export type PackOf = (
  call: Pick<CallRecord, 'packId' | 'packVersion'>,
) => StandardsPack | undefined;

/** Applies one of the agent's own writes to the calls as the hub would (optimistic view). */
export function applyWrite(
  calls: CallRecord[],
  write: CallWrite,
  agentId: string,
  pack: StandardsPack,
  packOf: PackOf = () => undefined,
): CallRecord[] {
  if (write.event === 'call:start') {
    const p = write.payload;
    if (calls.some((c) => c.id === p.id)) return calls;
    const call: CallRecord = {
      id: p.id,
      agentId,
      callType: p.callType,
      packId: pack.id,
      packVersion: pack.version,
      source: p.source ?? 'manual',
      externalId: p.externalId ?? null,
      startedAt: p.startedAt,
      endedAt: null,
      durationMs: null,
      ticked: [],
      assessment: null,
    };
    return [call, ...calls].sort(byStartDesc);
  }
  const callId = write.event === 'assessment:submit' ? write.payload.callId : write.payload.callId;
  return calls.map((call) =>
    call.id === callId ? updateCall(call, write, packOf(call) ?? pack) : call,
  );
}

function updateCall(call: CallRecord, write: CallWrite, pack: StandardsPack): CallRecord {
  switch (write.event) {
    case 'call:tick': {
      const { itemId, checked } = write.payload;
      const others = call.ticked.filter((id) => id !== itemId);
      return { ...call, ticked: checked ? [...others, itemId] : others };
    }
    case 'call:retype':
      return call.assessment ? call : { ...call, callType: write.payload.callType };
    case 'call:end': {
      if (call.endedAt !== null) return call;
      const durationMs = Math.max(
        0,
        Date.parse(write.payload.endedAt) - Date.parse(call.startedAt),
      );
      return { ...call, endedAt: write.payload.endedAt, durationMs };
    }
    case 'assessment:submit': {
      // A skip is the one answer that can be replaced: completed later from the recent calls.
      const completes =
        call.assessment?.status === 'skipped' && write.payload.status === 'submitted';
      if (call.assessment && !completes) return call;
      const p = write.payload;
      const submitted = p.status === 'submitted';
      return {
        ...call,
        assessment: {
          id: p.id,
          callId: call.id,
          status: p.status,
          answers: submitted ? p.answers : {},
          nextTime: submitted ? (p.nextTime ?? null) : null,
          score: submitted ? scoreScorecard(pack, call.callType, p.answers) : null,
          submittedAt: p.at,
        },
      };
    }
    default:
      return call;
  }
}

/** The calls the agent sees: the hub's records with every unsent write applied in order. */
export function replay(
  server: CallRecord[],
  writes: CallWrite[],
  agentId: string,
  pack: StandardsPack | null,
  packOf?: PackOf,
): CallRecord[] {
  const base = [...server].sort(byStartDesc);
  if (!pack) return base.slice(0, RECENT);
  return writes
    .reduce((calls, w) => applyWrite(calls, w, agentId, pack, packOf), base)
    .slice(0, RECENT);
}

/** Puts a record from the hub in place of the one with the same id (or adds it). */
export function upsert(calls: CallRecord[], record: CallRecord): CallRecord[] {
  return [record, ...calls.filter((c) => c.id !== record.id)].sort(byStartDesc).slice(0, RECENT);
}

/** The call ids with writes still waiting in the outbox. */
export function callIdsOf(writes: CallWrite[]): Set<string> {
  return new Set(writes.map((w) => (w.event === 'call:start' ? w.payload.id : w.payload.callId)));
}
