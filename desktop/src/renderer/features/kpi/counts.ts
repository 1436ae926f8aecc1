import type { KpiDrillRow, KpiId, KpiSettings } from '@sidecoach/shared';

// How one call leg counts toward the KPI asked about, in words. The hub lists the legs of the
// KPI's total (its denominator: every leg but short abandons for abandonment, the handled ones
// for handle time...); this says what put a leg in the count (the numerator), or why it is in the
// total only (answered late, called again within the FCR window, scored 3...). Pure: the
// drill-down's rows and the tests read it.

type Settings = Pick<KpiSettings, 'fcrDays' | 'shortAbandonSeconds' | 'serviceLevelSeconds'>;

/** Why a leg of the total is not in the count (kpi.notCounted.* strings). */
type NotCounted =
  | 'shortAbandon'
  | 'slLate'
  | 'slAbandoned'
  | 'fcrRepeat'
  | 'fcrUnknown'
  | 'waiting'
  | 'notHandled'
  | 'csatLow'
  | 'notResolved'
  | 'noResponse'
  | 'notAssessed'
  | 'notTransferred'
  | 'notAbandoned'
  | 'other';

export interface HowItCounts {
  counts: boolean;
  key: `kpi.counts.${KpiId}` | `kpi.notCounted.${NotCounted}`;
  /** What the words name: seconds of a threshold, a time, the FCR window's days. */
  values: { seconds?: number; time?: string; count?: number; score?: number };
}

const answered = (row: KpiDrillRow) => row.outcome === 'answered' || row.outcome === 'transferred';

export function howItCounts(
  kpi: KpiId,
  row: KpiDrillRow,
  settings: Settings,
  time: (ms: number) => string,
): HowItCounts {
  const no = (reason: NotCounted, values: HowItCounts['values'] = {}): HowItCounts => ({
    counts: false,
    key: `kpi.notCounted.${reason}`,
    values,
  });
  if (row.counts) {
    const values =
      kpi === 'aht'
        ? { time: time(row.handleMs ?? 0) }
        : kpi === 'asa'
          ? { time: time(row.waitMs ?? 0) }
          : kpi === 'serviceLevel'
            ? { seconds: settings.serviceLevelSeconds }
            : {};
    return { counts: true, key: `kpi.counts.${kpi}`, values };
  }
  if ((kpi === 'abandonment' || kpi === 'serviceLevel') && row.outcome === 'short-abandon')
    return no('shortAbandon', { seconds: settings.shortAbandonSeconds });
  if (kpi === 'serviceLevel' && answered(row))
    return no('slLate', { seconds: settings.serviceLevelSeconds });
  if (kpi === 'serviceLevel' && row.outcome === 'abandoned') return no('slAbandoned');
  if (kpi === 'fcr' && row.firstContact === false)
    return no('fcrRepeat', { count: settings.fcrDays });
  if (kpi === 'fcr' && row.firstContact === null && answered(row)) return no('fcrUnknown');
  if (row.outcome === 'waiting') return no('waiting');
  if ((kpi === 'aht' || kpi === 'transferRate' || kpi === 'fcr') && !answered(row))
    return no('notHandled');
  switch (kpi) {
    case 'csat':
      return row.csat === null ? no('other') : no('csatLow', { score: row.csat });
    case 'fcrSurvey':
      return no('notResolved');
    case 'surveyResponseRate':
      return no('noResponse');
    case 'selfAssessment':
      return no('notAssessed');
    case 'transferRate':
      return no('notTransferred');
    case 'abandonment':
      return answered(row) ? no('notAbandoned') : no('other');
    default:
      return no('other');
  }
}
