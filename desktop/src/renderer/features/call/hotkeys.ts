// Global hotkeys (pressed while the softphone or CRM has the focus): tick the next checklist
// item, start or end a manual call, jump to the self-assessment.
import { checklistFor, type HotkeyAction } from '@sidecoach/shared';
import { newId, nowIso } from '../../lib/ids.js';
import { currentUser } from '../../hub/session-store.js';
import { currentStatus, useCalls } from './store.js';
import { write } from '../../hub/outbox.js';

export function handleHotkey(action: HotkeyAction): void {
  const state = useCalls.getState();
  const { pack } = state;
  if (!pack || currentUser()?.role !== 'agent') return;
  const { status, call } = currentStatus(state.calls);
  switch (action) {
    case 'tickNext': {
      if (status !== 'on-call' || !call) return;
      const next = checklistFor(pack, call.callType)
        .flatMap((area) => area.items)
        .find((item) => !call.ticked.includes(item.id));
      if (next)
        void write({
          event: 'call:tick',
          payload: { callId: call.id, itemId: next.id, checked: true, at: nowIso() },
        });
      return;
    }
    case 'toggleCall': {
      if (status === 'on-call' && call) {
        void write({ event: 'call:end', payload: { callId: call.id, endedAt: nowIso() } });
      } else if (status === 'available') {
        const callType = state.preferredCallType ?? pack.callTypes[0]?.id;
        if (callType)
          void write({
            event: 'call:start',
            payload: { id: newId(), callType, startedAt: nowIso() },
          });
      }
      return;
    }
    case 'openAssessment': {
      // Main brings the window forward for this one; put the keyboard on the first open question.
      const first = document.querySelector<HTMLInputElement>(
        '.assessment .segmented:not(:has(:checked)) input, .assessment input',
      );
      first?.focus();
      first?.scrollIntoView({ block: 'center' });
      return;
    }
  }
}
