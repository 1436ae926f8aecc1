import { randomUUID } from 'node:crypto';
import type { AckResponse, CallRecord } from '@sidecoach/shared';
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
