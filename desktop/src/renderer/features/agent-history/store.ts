import { create } from 'zustand';
import type { AgentHistory } from '@sidecoach/shared';
import { ask } from '../../hub/client.js';
import type { Message } from '../../hub/errors.js';
import { latest } from '../../hub/latest.js';
import { periodFields, type PeriodChoice } from '../../ui/period.js';

// An agent's history as a coach reads it (calls, ticks, self-assessments, notes), opened from
// the floor or the observe view and shown over them.

export interface HistoryFilters {
  period: PeriodChoice;
  callType: string | null;
}

interface HistoryState {
  /** The agent whose history is open (null: none). */
  agentId: string | null;
  filters: HistoryFilters;
  status: 'idle' | 'loading' | 'loaded' | 'failed';
  data: AgentHistory | null;
  error: Message | null;
  reset(): void;
}

const initial = {
  agentId: null,
  filters: { period: { days: 30 }, callType: null },
  status: 'idle',
  data: null,
  error: null,
} satisfies Omit<HistoryState, 'reset'>;

export const useAgentHistory = create<HistoryState>()((set) => ({
  ...initial,
  reset: () => set(initial),
}));
const { getState: get, setState: set } = useAgentHistory;
const guard = latest();

export async function loadHistory(): Promise<void> {
  const { agentId, filters } = get();
  if (!agentId) return;
  const current = guard.next();
  set({ status: 'loading', error: null });
  const res = await ask('agent:history', {
    agentId,
    ...periodFields(filters.period),
    ...(filters.callType ? { callType: filters.callType } : {}),
  });
  if (!current()) return;
  if (!res.ok) return set({ status: 'failed', error: res.error });
  set({ status: 'loaded', data: res.data });
}

export function openHistory(agentId: string): void {
  set({ agentId, data: null, status: 'idle', error: null });
  void loadHistory();
}

export const closeHistory = () => set({ agentId: null, data: null, status: 'idle' });

export function setHistoryFilters(patch: Partial<HistoryFilters>): void {
  set({ filters: { ...get().filters, ...patch } });
  void loadHistory();
}
