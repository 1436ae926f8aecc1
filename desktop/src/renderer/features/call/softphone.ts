// Follows the phone: call events from the PBX (CTI webhook, through the hub) or a softphone
// start, end and annotate the agent's call, so the checklist appears on answer and the
// self-assessment on hang-up without a click. Manual controls stay as the fallback.
import type { CallEvent } from '@sidecoach/shared';
import { newId } from '../../lib/ids.js';
import { useCalls } from './store.js';
import { write } from '../../hub/outbox.js';

export function handleCallEvent(event: CallEvent): void {
  const state = useCalls.getState();
  const open = state.calls.find((c) => c.endedAt === null);
  // The open call is this phone call if it carries its id, or if it was started by hand before
  // the phone reported it: reconciled, never a second call.
  const isThisCall =
    open !== undefined && (open.externalId === event.callId || open.externalId === null);
  switch (event.kind) {
    case 'ringing':
      if (!open) state.setIncoming(event);
      return;
    case 'answered': {
      state.setIncoming(null);
      state.setOnHold(false);
      const known = state.calls.some((c) => c.externalId === event.callId);
      if (open || known || !state.pack) return;
      const callType = state.preferredCallType ?? state.pack.callTypes[0]?.id;
      if (!callType) return;
      void write({
        event: 'call:start',
        payload: {
          id: newId(),
          callType,
          startedAt: event.at,
          source: event.source,
          externalId: event.callId,
        },
      });
      return;
    }
    case 'held':
    case 'resumed':
      if (isThisCall) state.setOnHold(event.kind === 'held');
      return;
    case 'ended': {
      if (state.incoming?.callId === event.callId) state.setIncoming(null);
      if (!open || !isThisCall) return;
      state.setOnHold(false);
      const endedAt = Date.parse(event.at) < Date.parse(open.startedAt) ? open.startedAt : event.at;
      void write({ event: 'call:end', payload: { callId: open.id, endedAt } });
      return;
    }
  }
}
