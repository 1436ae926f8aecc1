import type { KpiMessages } from './kpi.en.js';
import type { WithZeroPlurals } from './types.js';

export const kpiZhCN: WithZeroPlurals<KpiMessages> = {
  nav: '指标',
};
