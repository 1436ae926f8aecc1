import type { PERIOD_DAYS } from '@sidecoach/shared';

// A period as the stores ask the hub for it, apart from the picker (ui/PeriodPicker.tsx): the
// stores load with the sidebar, the picker only with the screens that show it.

/** What every screen with a period offers: the last 7, 30 or 90 days, or a range of days. */
export type PeriodChoice = { days: (typeof PERIOD_DAYS)[number] } | { from: string; to: string };

/** The request fields for a period (`days`, or `from` and `to`). */
export const periodFields = (p: PeriodChoice): { days?: number; from?: string; to?: string } =>
  'days' in p ? { days: p.days } : { from: p.from, to: p.to };

export const samePeriod = (a: PeriodChoice, b: PeriodChoice) =>
  JSON.stringify(periodFields(a)) === JSON.stringify(periodFields(b));

/** Days a choice covers (a range counts both ends). */
export const periodDays = (p: PeriodChoice) =>
  'days' in p ? p.days : Math.round((Date.parse(p.to) - Date.parse(p.from)) / 86_400_000) + 1;
