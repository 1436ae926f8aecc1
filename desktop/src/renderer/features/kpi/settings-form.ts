import { KPI_IDS, type KpiId, type KpiSettings } from '@sidecoach/shared';
import { KPI_UNIT } from '@sidecoach/shared';
import type { Message } from '../../i18n/message.js';
import { targetFromInput, targetToInput } from './format.js';

// A team's KPI settings as the form holds them (texts, as typed) and back: thresholds in whole
// seconds or days within the hub's bounds, targets in the screens' units (m:ss or seconds for
// times, per cents for shares), empty for none. Pure: the tests read it directly.

export interface SettingsDraft {
  fcrDays: string;
  shortAbandonSeconds: string;
  serviceLevelSeconds: string;
  targets: Record<KpiId, string>;
  leaderboard: boolean;
}

export type DraftField = 'fcrDays' | 'shortAbandonSeconds' | 'serviceLevelSeconds' | KpiId;

/** The hub's bounds (KpiSettingsSchema). */
export const BOUNDS = {
  fcrDays: [1, 30],
  shortAbandonSeconds: [0, 120],
  serviceLevelSeconds: [1, 600],
} as const;

export function draftOf(settings: KpiSettings): SettingsDraft {
  return {
    fcrDays: String(settings.fcrDays),
    shortAbandonSeconds: String(settings.shortAbandonSeconds),
    serviceLevelSeconds: String(settings.serviceLevelSeconds),
    targets: Object.fromEntries(
      KPI_IDS.map((k) => [k, targetToInput(k, settings.targets[k])]),
    ) as Record<KpiId, string>,
    leaderboard: settings.leaderboard,
  };
}

function wholeIn(text: string, [min, max]: readonly [number, number]): number | Message {
  const n = Number(text.trim());
  if (text.trim() === '' || !Number.isInteger(n) || n < min || n > max)
    return { key: 'kpi.settings.errors.whole', values: { current: min, max } };
  return n;
}

/**
 * The settings the draft comes to, or what is wrong with it field by field. A team that coaches
 * on behaviours, not scores never has a leaderboard.
 */
export function settingsOf(
  teamId: string,
  draft: SettingsDraft,
  behavioursOnly: boolean,
):
  | { ok: true; settings: KpiSettings }
  | { ok: false; errors: Partial<Record<DraftField, Message>> } {
  const errors: Partial<Record<DraftField, Message>> = {};
  const whole = (field: keyof typeof BOUNDS) => {
    const v = wholeIn(draft[field], BOUNDS[field]);
    if (typeof v === 'number') return v;
    errors[field] = v;
    return 0;
  };
  const fcrDays = whole('fcrDays');
  const shortAbandonSeconds = whole('shortAbandonSeconds');
  const serviceLevelSeconds = whole('serviceLevelSeconds');
  const targets: KpiSettings['targets'] = {};
  for (const kpi of KPI_IDS) {
    const value = targetFromInput(kpi, draft.targets[kpi] ?? '');
    if (value === null) continue;
    if (Number.isNaN(value))
      errors[kpi] = {
        key: KPI_UNIT[kpi] === 'ms' ? 'kpi.settings.errors.time' : 'kpi.settings.errors.number',
      };
    else if (
      (KPI_UNIT[kpi] === 'share' && value > 1) ||
      (KPI_UNIT[kpi] === 'percent' && value > 100)
    )
      errors[kpi] = { key: 'kpi.settings.errors.percent' };
    else if (value > 100_000) errors[kpi] = { key: 'kpi.settings.errors.number' };
    else targets[kpi] = value;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    settings: {
      teamId,
      fcrDays,
      shortAbandonSeconds,
      serviceLevelSeconds,
      targets,
      leaderboard: behavioursOnly ? false : draft.leaderboard,
    },
  };
}
