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

/** Filters a source's raw call events down to the meaningful transitions of each call. */
export class CallTracker {
  private readonly state = new Map<string, CallEventKind>();

  accept(event: CallEvent): boolean {
    const current = this.state.get(event.callId) ?? 'none';
    if (!NEXT[current].includes(event.kind)) return false;
    this.state.set(event.callId, event.kind);
    if (this.state.size > MAX_TRACKED) {
      const oldest = this.state.keys().next().value;
      if (oldest !== undefined) this.state.delete(oldest);
    }
    return true;
  }

  /** The calls that are not over, with their last state. */
  live(): { callId: string; kind: CallEventKind }[] {
    return [...this.state]
      .filter(([, k]) => k !== 'ended')
      .map(([callId, kind]) => ({ callId, kind }));
  }
}
