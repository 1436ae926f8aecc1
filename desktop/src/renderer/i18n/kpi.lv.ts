import type { KpiMessages } from './kpi.en.js';
import type { WithZeroPlurals } from './types.js';

export const kpiLv: WithZeroPlurals<KpiMessages> = {
  nav: 'Rādītāji',
};
