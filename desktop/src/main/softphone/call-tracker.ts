import type { CallEvent, CallEventKind } from '@sidecoach/shared';

// Which transitions make sense: a source that repeats itself (ringing twice, a late
// ESTABLISHED after CLOSED) must not produce a second call or reopen an ended one.
const NEXT: Record<CallEventKind | 'none', readonly CallEventKind[]> = {
  none: ['ringing', 'answered', 'ended'],
  ringing: ['answered', 'ended'],
  answered: ['held', 'ended'],
  held: ['resumed', 'ended'],
  resumed: ['held', 'ended'],
  ended: [],
};

const MAX_TRACKED = 200;

export interface LiveCall {
  callId: string;
  kind: CallEventKind;
  direction: CallEvent['direction'];
  remoteParty: string | null;
}

/** Filters a source's raw call events down to the meaningful transitions of each call. */
export class CallTracker {
  private readonly state = new Map<string, { kind: CallEventKind; event: CallEvent }>();

  accept(event: CallEvent): boolean {
    const current = this.state.get(event.callId)?.kind ?? 'none';
    if (!NEXT[current].includes(event.kind)) return false;
    const first = this.state.get(event.callId)?.event ?? event;
    this.state.set(event.callId, { kind: event.kind, event: first });
    if (this.state.size > MAX_TRACKED) {
      const oldest = this.state.keys().next().value;
      if (oldest !== undefined) this.state.delete(oldest);
    }
    return true;
  }

  /** The calls that are not over: their last state, direction and other party. */
  live(): LiveCall[] {
    return [...this.state]
      .filter(([, s]) => s.kind !== 'ended')
      .map(([callId, s]) => ({
        callId,
        kind: s.kind,
        direction: s.event.direction,
        remoteParty: s.event.remoteParty,
      }));
  }
}
