import { create } from 'zustand';
import {
  agentStatusOf,
  type AgentStatus,
  type CallEvent,
  type CallRecord,
  type StandardsPack,
} from '@sidecoach/shared';
import { currentUser } from '../../hub/session-store.js';
import type { OutboxEntry } from '../../lib/outbox.js';
import { CALL_EVENTS, replay, upsert, type CallEvent as CallWriteEvent } from './replay.js';

type CallEntry = OutboxEntry<CallWriteEvent>;

interface CallState {
  pack: StandardsPack | null;
  /** The hub's records, as last acknowledged or pushed. */
  serverCalls: CallRecord[];
  /** Writes stored in the outbox and not yet acknowledged. */
  pending: CallEntry[];
  /** What the agent sees: server records with pending writes applied. */
  calls: CallRecord[];
  /** A call ringing on the softphone or PBX, not yet answered. */
  incoming: CallEvent | null;
  onHold: boolean;
  /** The call type new calls start with (the agent's last choice). */
  preferredCallType: string | null;

  loaded(pack: StandardsPack, serverCalls: CallRecord[], pending: OutboxEntry[]): void;
  queued(entry: CallEntry): void;
  acknowledged(seq: number, record: CallRecord | null): void;
  serverChanged(record: CallRecord): void;
  setIncoming(event: CallEvent | null): void;
  setOnHold(onHold: boolean): void;
  preferCallType(callType: string): void;
  reset(): void;
}

const CALL_TYPE_KEY = 'sidecoach.callType';

const isCallEntry = (e: OutboxEntry): e is CallEntry =>
  (CALL_EVENTS as readonly string[]).includes(e.event);

export const useCalls = create<CallState>()((set, get) => {
  const derive = (serverCalls: CallRecord[], pending: CallEntry[], pack = get().pack) => ({
    serverCalls,
    pending,
    calls: replay(serverCalls, pending, currentUser()?.id ?? '', pack),
  });
  const initial = {
    pack: null,
    serverCalls: [],
    pending: [],
    calls: [],
    incoming: null,
    onHold: false,
  };
  return {
    ...initial,
    preferredCallType: localStorage.getItem(CALL_TYPE_KEY),
    loaded: (pack, serverCalls, pending) =>
      set({ pack, ...derive(serverCalls, pending.filter(isCallEntry), pack) }),
    queued: (entry) => set(derive(get().serverCalls, [...get().pending, entry])),
    acknowledged: (seq, record) => {
      const pending = get().pending.filter((e) => e.seq !== seq);
      set(derive(record ? upsert(get().serverCalls, record) : get().serverCalls, pending));
    },
    serverChanged: (record) => set(derive(upsert(get().serverCalls, record), get().pending)),
    setIncoming: (incoming) => set({ incoming }),
    setOnHold: (onHold) => set({ onHold }),
    preferCallType: (callType) => {
      localStorage.setItem(CALL_TYPE_KEY, callType);
      set({ preferredCallType: callType });
    },
    reset: () => set(initial),
  };
});

/** The agent's status as the sidebar shows it. */
export function currentStatus(calls: CallRecord[]): {
  status: AgentStatus;
  call: CallRecord | undefined;
} {
  const { status, callId } = agentStatusOf(calls);
  return { status, call: calls.find((c) => c.id === callId) };
}
