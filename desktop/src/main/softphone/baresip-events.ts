import type { CallEvent } from '@sidecoach/shared';

/** An event line from baresip's ctrl_tcp (the fields Sidecoach reads). */
export interface BaresipEvent {
  event: true;
  type: string;
  class?: string;
  direction?: string;
  peeruri?: string;
  id?: string;
  param?: string;
}

export interface BaresipResponse {
  response: true;
  ok: boolean;
  data?: string;
  token?: string;
}

export function isBaresipEvent(value: unknown): value is BaresipEvent {
  return (
    typeof value === 'object' && value !== null && (value as { event?: unknown }).event === true
  );
}

export function isBaresipResponse(value: unknown): value is BaresipResponse {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { response?: unknown }).response === true
  );
}

/**
 * Maps a baresip call event to Sidecoach's call-event model, or null for events that say
 * nothing about the call's state (SDP, RTP, RTCP, registration...). baresip 1.0 raises no
 * event for hold and resume; CALL_HOLD and CALL_RESUME are mapped for versions that do.
 */
export function mapBaresipEvent(raw: BaresipEvent, at: Date): CallEvent | null {
  if (raw.class !== undefined && raw.class !== 'call') return null;
  if (!raw.id) return null;
  const kind = (
    {
      CALL_INCOMING: 'ringing',
      CALL_OUTGOING: 'ringing',
      CALL_RINGING: 'ringing',
      CALL_PROGRESS: 'ringing',
      CALL_ESTABLISHED: 'answered',
      CALL_HOLD: 'held',
      CALL_RESUME: 'resumed',
      CALL_CLOSED: 'ended',
    } as const
  )[raw.type];
  if (kind === undefined) return null;
  return {
    kind,
    callId: raw.id,
    direction:
      raw.direction === 'outgoing' || raw.type === 'CALL_OUTGOING' ? 'outbound' : 'inbound',
    remoteParty: raw.peeruri ?? null,
    at: at.toISOString(),
    source: 'baresip',
    ...(kind === 'ended' && raw.param ? { reason: raw.param } : {}),
  };
}
