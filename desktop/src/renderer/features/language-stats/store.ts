import { create } from 'zustand';
import type { LanguageStats } from '@sidecoach/shared';
import { ask } from '../../hub/client.js';
import type { Message } from '../../hub/errors.js';
import { latest, type Latest } from '../../hub/latest.js';

// The leads' "Coaching language" view: how each coach words their notes, week by week.

export const STATS_WEEKS = 12;

interface LanguageStatsState {
  open: boolean;
  status: 'idle' | 'loading' | 'loaded' | 'failed';
  stats: LanguageStats | null;
  error: Message | null;
  /** The coach whose weeks are shown in detail. */
  coachId: string | null;
  /** Only the newest load's answer is shown. */
  guard: Latest;
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

export const useLanguageStats = create<LanguageStatsState>()((set, get) => ({
  ...initial,
  guard: latest(),
  selectCoach: (coachId) => set({ coachId }),
  reset: () => {
    get().guard.cancel();
    set(initial);
  },
}));

export async function loadLanguageStats(): Promise<void> {
  const current = useLanguageStats.getState().guard.next();
  useLanguageStats.setState({ status: 'loading', error: null });
  const res = await ask(
    'language:stats',
    { weeks: STATS_WEEKS },
    { messages: { offline: 'languageStats.offline', timeout: 'languageStats.offline' } },
  );
  if (!current() || !useLanguageStats.getState().open) return;
  if (!res.ok) {
    useLanguageStats.setState({ status: 'failed', error: res.error });
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
