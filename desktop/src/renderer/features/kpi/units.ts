import { KPI_BETTER, type KpiId } from '@sidecoach/shared';

// Each KPI's unit and whether a figure meets its target, as shared/src/domain/kpi.ts defines
// them (KPI_UNIT, meetsTarget; kpi.test.ts checks these are the same). Read from here, not from
// there, on purpose: the sidebar's first load holds that module for the survey's CSAT share, and
// a lazy screen importing more of it would move all of it (and the KPI schemas it needs) into
// the first load, which has no room.

/** Time in ms, a share 0-1, a count, or a percent 0-100 (quality); targets of times in seconds. */
export const UNIT: Record<KpiId, 'ms' | 'share' | 'count' | 'percent'> = {
  aht: 'ms',
  fcr: 'share',
  fcrSurvey: 'share',
  csat: 'share',
  abandonment: 'share',
  serviceLevel: 'share',
  asa: 'ms',
  answered: 'count',
  transferRate: 'share',
  surveyResponseRate: 'share',
  complaints: 'count',
  selfAssessment: 'share',
  quality: 'percent',
};

/** Whether the figure meets the target (null: no figure or no target). */
export function meets(kpi: KpiId, value: number | null, target: number | undefined) {
  if (value === null || target === undefined) return null;
  const comparable = UNIT[kpi] === 'ms' ? value / 1000 : value;
  return KPI_BETTER[kpi] === 'higher' ? comparable >= target : comparable <= target;
}
