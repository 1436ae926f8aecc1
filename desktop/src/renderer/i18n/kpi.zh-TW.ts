import type { KpiMessages } from './kpi.en.js';
import type { WithZeroPlurals } from './types.js';

export const kpiZhTW: WithZeroPlurals<KpiMessages> = {
  nav: '指標',
};
