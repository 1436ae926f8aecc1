import type { QaPeriod, QaPlan, QaPlanSave } from '@sidecoach/shared';

// The QA plan form's state: what the admin typed, and the plan the hub is sent (or what is wrong
// with the form, said before anything is sent). Pure, tested without a browser.

export type PlanProblem = 'perAgent' | 'evaluators' | 'durations' | 'dailyCap' | 'disputeDays';

const minutes = (sec: number | undefined) => (sec === undefined ? '' : String(sec / 60));
const seconds = (text: string) => (text.trim() === '' ? undefined : Math.round(Number(text) * 60));

/** The plan form as typed (numbers as text, durations in minutes). */
export interface PlanDraft {
  perAgent: string;
  period: QaPeriod;
  callTypes: string[];
  minMin: string;
  maxMin: string;
  surveyed: boolean;
  maxCsat: string;
  flaggedOnly: boolean;
  evaluatorIds: string[];
  dailyCap: string;
  disputeDays: string;
  arbitratorId: string;
  active: boolean;
}

export function draftOf(plan: QaPlan | null): PlanDraft {
  const f = plan?.filters ?? {};
  return {
    perAgent: String(plan?.perAgent ?? 4),
    period: plan?.period ?? 'month',
    callTypes: f.callTypes ?? [],
    minMin: minutes(f.minDurationSec),
    maxMin: minutes(f.maxDurationSec),
    surveyed: f.surveyed ?? false,
    maxCsat: f.maxCsat === undefined ? '' : String(f.maxCsat),
    flaggedOnly: f.flaggedOnly ?? false,
    evaluatorIds: plan?.evaluatorIds ?? [],
    dailyCap: String(plan?.dailyCap ?? 10),
    disputeDays: String(plan?.disputeDays ?? 7),
    arbitratorId: plan?.arbitratorId ?? '',
    active: plan?.active ?? true,
  };
}

const whole = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text) : NaN);

/** The plan as the hub takes it, or the key of what is wrong with the form. */
export function planFromDraft(
  teamId: string,
  d: PlanDraft,
): { plan: QaPlanSave } | { problem: PlanProblem } {
  const perAgent = whole(d.perAgent);
  if (!(perAgent >= 1 && perAgent <= 50)) return { problem: 'perAgent' };
  if (d.evaluatorIds.length === 0) return { problem: 'evaluators' };
  const min = seconds(d.minMin);
  const max = seconds(d.maxMin);
  if (
    (min !== undefined && !(min >= 0 && min <= 86_400)) ||
    (max !== undefined && !(max >= 0 && max <= 86_400)) ||
    (min !== undefined && max !== undefined && min > max)
  )
    return { problem: 'durations' };
  const dailyCap = whole(d.dailyCap);
  if (!(dailyCap >= 1 && dailyCap <= 200)) return { problem: 'dailyCap' };
  const disputeDays = whole(d.disputeDays);
  if (!(disputeDays >= 0 && disputeDays <= 60)) return { problem: 'disputeDays' };
  return {
    plan: {
      teamId,
      perAgent,
      period: d.period,
      filters: {
        ...(d.callTypes.length > 0 ? { callTypes: d.callTypes } : {}),
        ...(min !== undefined ? { minDurationSec: min } : {}),
        ...(max !== undefined ? { maxDurationSec: max } : {}),
        ...(d.surveyed ? { surveyed: true } : {}),
        ...(d.maxCsat ? { maxCsat: Number(d.maxCsat) } : {}),
        ...(d.flaggedOnly ? { flaggedOnly: true } : {}),
      },
      evaluatorIds: d.evaluatorIds,
      dailyCap,
      disputeDays,
      arbitratorId: d.arbitratorId || null,
      active: d.active,
    },
  };
}
