import { create } from 'zustand';
import type {
  CallRecord,
  Floor,
  FloorAgent,
  ObservationJoined,
  StandardsPack,
  UserProfile,
} from '@sidecoach/shared';
import type { Message } from '../../hub/errors.js';

export interface Observed {
  agent: UserProfile;
  pack: StandardsPack;
  /** The open call, else the latest one; follows `call:changed` live. */
  call: CallRecord | null;
  /** The call before, once the agent has started the next: its coaching note may be unwritten. */
  previous: CallRecord | null;
}

interface ObserveState {
  floor: FloorAgent[];
  floorLoaded: boolean;
  /** Why the last floor list was refused (too many requests, the hub's database away). */
  floorError: Message | null;
  /** The hub's clock minus this device's (ms), from the last floor list: elapsed times use it. */
  skewMs: number;
  /** The agent being observed; kept while offline so a reconnect joins again. */
  target: string | null;
  observed: Observed | null;

  floorListed(floor: Floor, skewMs: number): void;
  floorRefused(error: Message): void;
  floorAgent(entry: FloorAgent): void;
  observe(agentId: string): void;
  joined(data: ObservationJoined): void;
  callChanged(record: CallRecord): void;
  stopObserving(): void;
  reset(): void;
}

const upsertAgent = (floor: FloorAgent[], entry: FloorAgent) =>
  floor.some((a) => a.agentId === entry.agentId)
    ? floor.map((a) => (a.agentId === entry.agentId ? entry : a))
    : [...floor, entry].sort((a, b) => a.displayName.localeCompare(b.displayName));

const initial = {
  floor: [] as FloorAgent[],
  floorLoaded: false,
  floorError: null as Message | null,
  skewMs: 0,
  target: null as string | null,
  observed: null as Observed | null,
};

export const useObserve = create<ObserveState>()((set, get) => ({
  ...initial,
  floorListed: (floor, skewMs) =>
    set({ floor: floor.agents, floorLoaded: true, floorError: null, skewMs }),
  floorRefused: (error) => set({ floorError: error }),
  floorAgent: (entry) => set({ floor: upsertAgent(get().floor, entry) }),
  observe: (agentId) => set({ target: agentId, observed: null }),
  joined: (data) => {
    if (get().target !== data.agent.id) return; // left (or switched) while the hub answered
    set({
      observed: {
        agent: data.agent,
        pack: data.pack,
        call: data.call,
        previous: get().observed?.previous ?? null,
      },
      floor: upsertAgent(get().floor, data.floor),
    });
  },
  callChanged: (record) => {
    const observed = get().observed;
    if (!observed || observed.agent.id !== record.agentId) return;
    const current = observed.call;
    // The same call updated, or the agent's next call started.
    if (current && current.id !== record.id && record.startedAt < current.startedAt) return;
    const next = current && current.id !== record.id;
    set({ observed: { ...observed, call: record, previous: next ? current : observed.previous } });
  },
  stopObserving: () => set({ target: null, observed: null }),
  reset: () => set(initial),
}));

/** The observed agent's floor entry (status, observers), live. */
export const floorEntryOf = (floor: FloorAgent[], agentId: string | undefined) =>
  floor.find((a) => a.agentId === agentId);
