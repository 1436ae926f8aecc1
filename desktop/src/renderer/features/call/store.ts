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

const packKey = (id: string, version: number) => `${id}@${version}`;

interface CallState {
  /** The active pack: new calls start with it. */
  pack: StandardsPack | null;
  /** Every version the agent's calls started with (the active one included), by `id@version`. */
  packs: Record<string, StandardsPack>;
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

  loaded(
    pack: StandardsPack,
    serverCalls: CallRecord[],
    pending: OutboxEntry[],
    callPacks?: readonly StandardsPack[],
  ): void;
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
  const derive = (
    serverCalls: CallRecord[],
    pending: CallEntry[],
    pack = get().pack,
    packs = get().packs,
  ) => ({
    serverCalls,
    pending,
    calls: replay(
      serverCalls,
      pending,
      currentUser()?.id ?? '',
      pack,
      (c) => packs[packKey(c.packId, c.packVersion)],
    ),
  });
  const initial = {
    pack: null,
    packs: {},
    serverCalls: [],
    pending: [],
    calls: [],
    incoming: null,
    onHold: false,
  };
  return {
    ...initial,
    preferredCallType: localStorage.getItem(CALL_TYPE_KEY),
    loaded: (pack, serverCalls, pending, callPacks = []) => {
      // Versions already held stay: a call on screen keeps its pack when a newer one is published.
      const packs = { ...get().packs };
      for (const p of [pack, ...callPacks]) packs[packKey(p.id, p.version)] = p;
      set({ pack, packs, ...derive(serverCalls, pending.filter(isCallEntry), pack, packs) });
    },
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

/** The pack a call is checked and assessed against: the version it started with. */
export function packOfCall(
  state: Pick<CallState, 'pack' | 'packs'>,
  call: Pick<CallRecord, 'packId' | 'packVersion'>,
): StandardsPack | null {
  return state.packs[packKey(call.packId, call.packVersion)] ?? state.pack;
}
