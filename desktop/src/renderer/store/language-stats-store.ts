import { create } from 'zustand';
import type { LanguageStats } from '@sidecoach/shared';
import { request } from '../lib/hub-api.js';
import { ACK_TIMEOUT_MS, currentSocket } from './connection.js';

// The leads' "Coaching language" view: how each coach words their notes, week by week.

export const STATS_WEEKS = 12;

interface LanguageStatsState {
  open: boolean;
  status: 'idle' | 'loading' | 'loaded' | 'failed';
  stats: LanguageStats | null;
  /** An i18n key with values, so the message follows the language. */
  error: { key: string; values?: Record<string, string> } | null;
  /** The coach whose weeks are shown in detail. */
  coachId: string | null;
  selectCoach(coachId: string): void;
  reset(): void;
}

const initial = {
  open: false,
  status: 'idle' as const,
  stats: null,
  error: null,
  coachId: null,
};

export const useLanguageStats = create<LanguageStatsState>()((set) => ({
  ...initial,
  selectCoach: (coachId) => set({ coachId }),
  reset: () => set(initial),
}));

export async function loadLanguageStats(): Promise<void> {
  const s = currentSocket();
  if (!s?.connected) {
    useLanguageStats.setState({ status: 'failed', error: { key: 'languageStats.offline' } });
    return;
  }
  useLanguageStats.setState({ status: 'loading', error: null });
  const res = await request(s, 'language:stats', { weeks: STATS_WEEKS }, ACK_TIMEOUT_MS).catch(
    () => null,
  );
  if (!useLanguageStats.getState().open) return;
  if (!res) {
    useLanguageStats.setState({ status: 'failed', error: { key: 'languageStats.offline' } });
    return;
  }
  if (!res.ok) {
    useLanguageStats.setState({
      status: 'failed',
      error: { key: `errors.${res.error.code}`, values: { message: res.error.message } },
    });
    return;
  }
  const { coachId } = useLanguageStats.getState();
  const keep = res.data.coaches.some((c) => c.coachId === coachId);
  useLanguageStats.setState({
    status: 'loaded',
    stats: res.data,
    coachId: keep ? coachId : (res.data.coaches[0]?.coachId ?? null),
  });
}

export function openLanguageStats(): void {
  useLanguageStats.setState({ open: true });
  void loadLanguageStats();
}

export function closeLanguageStats(): void {
  useLanguageStats.setState({ open: false });
}
