import type { StandardItem } from '@sidecoach/shared';

/** A scorecard item for the renderer's unit tests (weight 1, not critical, in en and lv). */
export const scorecardItem = (id: string, extra: Partial<StandardItem> = {}): StandardItem => ({
  id,
  text: { en: `Item ${id}`, lv: `Kritērijs ${id}` },
  weight: 1,
  critical: false,
  scorecard: true,
  ...extra,
});
