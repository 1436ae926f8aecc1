import type { KpiDrillRow, KpiId, KpiSettings } from '@sidecoach/shared';

// How one call leg counts toward the KPI asked about, in words: what put it in the KPI's
// numerator, or why it is not there (left out as a short abandon, called again within the FCR
// window, not known yet...). Pure: the drill-down's rows and the tests read it.

type Settings = Pick<KpiSettings, 'fcrDays' | 'shortAbandonSeconds' | 'serviceLevelSeconds'>;

const NOT_COUNTED = [
  'shortAbandon',
  'slLate',
  'slAbandoned',
  'fcrRepeat',
  'fcrUnknown',
  'waiting',
  'notHandled',
  'other',
] as const;
type NotCounted = (typeof NOT_COUNTED)[number];

export interface HowItCounts {
  counts: boolean;
  key: `kpi.counts.${KpiId}` | `kpi.notCounted.${NotCounted}`;
  /** What the words name: seconds of a threshold, a time, the FCR window's days. */
  values: { seconds?: number; time?: string; count?: number };
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
  return no('other');
}
