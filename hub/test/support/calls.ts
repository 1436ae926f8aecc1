import { randomUUID } from 'node:crypto';
import {
  scorecardItemsFor,
  type AckResponse,
  type Answer,
  type CallRecord,
  type ObservationRecord,
  type StandardsPack,
} from '@sidecoach/shared';
import type { HubSocket } from './hub-process.js';

/** Unwraps a successful acknowledgement, failing the test with the hub's error otherwise. */
export function data<T>(res: AckResponse<T>): T {
  if (!res.ok) throw new Error(`hub refused: ${res.error.code}: ${res.error.message}`);
  return res.data;
}

export const iso = (offsetMs = 0) => new Date(Date.now() + offsetMs).toISOString();

/** Runs a whole call through the hub: start, tick, end; returns the ended call. */
export async function runCall(
  socket: HubSocket,
  callType: string,
  ticks: string[],
  durationMs = 90_000,
): Promise<CallRecord> {
  const id = randomUUID();
  const start = Date.now() - durationMs;
  data(
    await socket.emitWithAck('call:start', {
      id,
      callType,
      startedAt: new Date(start).toISOString(),
    }),
  );
  for (const itemId of ticks) {
    data(await socket.emitWithAck('call:tick', { callId: id, itemId, checked: true, at: iso() }));
  }
  return data(
    await socket.emitWithAck('call:end', {
      callId: id,
      endedAt: new Date(start + durationMs).toISOString(),
    }),
  );
}

/** A call of the agent with a submitted self-assessment: these items as given, the rest N/A. */
export async function assessedCall(
  socket: HubSocket,
  pack: StandardsPack,
  answers: Record<string, Answer>,
  callType = 'booking',
): Promise<CallRecord> {
  const call = await runCall(socket, callType, []);
  const all = Object.fromEntries(
    scorecardItemsFor(pack, callType).map((i) => [i.id, answers[i.id] ?? 'na']),
  );
  data(
    await socket.emitWithAck('assessment:submit', {
      id: randomUUID(),
      callId: call.id,
      status: 'submitted',
      answers: all,
      at: iso(),
    }),
  );
  return call;
}

/** A supervisor's observation of one standard on an agent's call: met or missed. */
export async function observeItem(
  supervisor: HubSocket,
  note: {
    agentId: string;
    callId: string;
    itemId: string;
    verdict: 'met' | 'missed';
    text: string;
    visibility?: 'shared' | 'private';
  },
): Promise<void> {
  data(
    await supervisor.emitWithAck('observation:note', {
      id: randomUUID(),
      offsetMs: 1000,
      visibility: 'shared',
      at: iso(),
      ...note,
    }),
  );
}

/**
 * A note between calls (no call, no standard), for a sentinel: a shared one reaches the agent
 * at once, a private one only the coaches (its author among them).
 */
export async function noteBetweenCalls(
  author: HubSocket,
  agentId: string,
  visibility: 'shared' | 'private',
): Promise<ObservationRecord> {
  return data(
    await author.emitWithAck('observation:note', {
      id: randomUUID(),
      agentId,
      callId: null,
      offsetMs: null,
      text: 'sentinel',
      visibility,
      at: iso(),
    }),
  );
}
