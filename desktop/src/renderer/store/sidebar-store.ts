import { create } from 'zustand';
import {
  agentStatusOf,
  type AgentStatus,
  type CallEvent,
  type CallRecord,
  type StandardsPack,
  type UserProfile,
} from '@sidecoach/shared';
import type { CallWrite, OutboxEntry } from '../lib/outbox.js';

type CallEntry = OutboxEntry<CallWrite>;
import { replay, upsert } from './replay.js';

export interface Session {
  token: string;
  hubUrl: string;
  user: UserProfile;
}

export type Connection = 'connecting' | 'online' | 'offline';
/** A message for the agent: an i18n key with values, so it follows the language. */
export interface Notice {
  key: string;
  values?: Record<string, string>;
}

interface SidebarState {
  phase: 'loading' | 'signed-out' | 'ready';
  session: Session | null;
  connection: Connection;
  pack: StandardsPack | null;
  /** The hub's records, as last acknowledged or pushed. */
  serverCalls: CallRecord[];
  /** Writes stored in the outbox and not yet acknowledged. */
  pending: CallEntry[];
  /** What the agent sees: server records with pending writes applied. */
  calls: CallRecord[];
  notice: Notice | null;
  signInNotice: Notice | null;
  /** A call ringing on the softphone or PBX, not yet answered. */
  incoming: CallEvent | null;
  onHold: boolean;
  /** The call type new calls start with (the agent's last choice). */
  preferredCallType: string | null;
  settingsOpen: boolean;

  signedIn(session: Session): void;
  signedOut(notice?: Notice): void;
  setConnection(connection: Connection): void;
  loaded(pack: StandardsPack, serverCalls: CallRecord[], pending: CallEntry[]): void;
  queued(entry: CallEntry): void;
  acknowledged(seq: number, record: CallRecord | null): void;
  serverChanged(record: CallRecord): void;
  showNotice(notice: Notice | null): void;
  setIncoming(event: CallEvent | null): void;
  setOnHold(onHold: boolean): void;
  preferCallType(callType: string): void;
  toggleSettings(): void;
}

const CALL_TYPE_KEY = 'sidecoach.callType';

export const useSidebar = create<SidebarState>()((set, get) => {
  const derive = (serverCalls: CallRecord[], pending: CallEntry[], pack = get().pack) => ({
    serverCalls,
    pending,
    calls: replay(serverCalls, pending, get().session?.user.id ?? '', pack),
  });
  return {
    phase: 'loading',
    session: null,
    connection: 'connecting',
    pack: null,
    serverCalls: [],
    pending: [],
    calls: [],
    notice: null,
    signInNotice: null,
    incoming: null,
    onHold: false,
    preferredCallType: localStorage.getItem(CALL_TYPE_KEY),
    settingsOpen: false,

    signedIn: (session) =>
      set({ session, phase: 'ready', signInNotice: null, connection: 'connecting' }),
    signedOut: (notice) =>
      set({
        session: null,
        phase: 'signed-out',
        pack: null,
        serverCalls: [],
        pending: [],
        calls: [],
        signInNotice: notice ?? null,
      }),
    setConnection: (connection) => set({ connection }),
    loaded: (pack, serverCalls, pending) => set({ pack, ...derive(serverCalls, pending, pack) }),
    queued: (entry) => set(derive(get().serverCalls, [...get().pending, entry])),
    acknowledged: (seq, record) => {
      const pending = get().pending.filter((e) => e.seq !== seq);
      set(derive(record ? upsert(get().serverCalls, record) : get().serverCalls, pending));
    },
    serverChanged: (record) => set(derive(upsert(get().serverCalls, record), get().pending)),
    showNotice: (notice) => set({ notice }),
    setIncoming: (incoming) => set({ incoming }),
    setOnHold: (onHold) => set({ onHold }),
    toggleSettings: () => set({ settingsOpen: !get().settingsOpen }),
    preferCallType: (callType) => {
      localStorage.setItem(CALL_TYPE_KEY, callType);
      set({ preferredCallType: callType });
    },
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
