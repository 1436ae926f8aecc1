import { create } from 'zustand';
import type { LanguageStats } from '@sidecoach/shared';
import { ask } from '../../hub/client.js';
import type { Message } from '../../hub/errors.js';
import { latest, type Latest } from '../../hub/latest.js';
import { periodFields, type PeriodChoice } from '../../ui/period.js';

// The leads' "Coaching language" view: how each coach words their notes, week by week.

interface LanguageStatsState {
  open: boolean;
  /** The period read, week by week (the same choices as every screen). */
  period: PeriodChoice;
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
  period: { days: 90 } as PeriodChoice,
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
  const res = await ask('language:stats', periodFields(useLanguageStats.getState().period), {
    messages: { offline: 'languageStats.offline', timeout: 'languageStats.offline' },
  });
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

/** Another period: read again. */
export function setStatsPeriod(period: PeriodChoice): void {
  useLanguageStats.setState({ period });
  void loadLanguageStats();
}

export function closeLanguageStats(): void {
  useLanguageStats.setState({ open: false });
}
