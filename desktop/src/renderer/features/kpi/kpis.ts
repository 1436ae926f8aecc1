import type { KpiId, KpiRow } from '@sidecoach/shared';

// Which figures each screen shows, in the order a contact-centre manager reads them: the queue
// (answered, service level, abandonment, speed of answer), handling, the customer's word, then
// Sidecoach's own records.

export const TEAM_KPIS: readonly KpiId[] = [
  'answered',
  'serviceLevel',
  'abandonment',
  'asa',
  'aht',
  'transferRate',
  'fcr',
  'fcrSurvey',
  'csat',
  'surveyResponseRate',
  'complaints',
  'selfAssessment',
  'quality',
];

/** An agent's own: the queue's waiting and abandons are nobody's in particular. */
export const AGENT_KPIS: readonly KpiId[] = TEAM_KPIS.filter(
  (k) => k !== 'serviceLevel' && k !== 'abandonment' && k !== 'asa',
);

/** The trend table's and the call types table's columns (the chart picks any KPI). */
export const TREND_COLUMNS: readonly KpiId[] = [
  'answered',
  'serviceLevel',
  'abandonment',
  'asa',
  'aht',
  'fcr',
  'csat',
  'complaints',
];
export const AGENT_COLUMNS: readonly KpiId[] = [
  'answered',
  'aht',
  'transferRate',
  'fcr',
  'csat',
  'surveyResponseRate',
  'complaints',
  'selfAssessment',
  'quality',
];

/** Quality scores show where there are some (QA evaluations, mystery calls). */
export const shownKpis = (kpis: readonly KpiId[], row: KpiRow) =>
  kpis.filter((k) => k !== 'quality' || row.sums.qualityCount > 0);
