import { lazyView } from '../../ui/lazy.js';

// The Figures area (KPI dashboards, the calls behind a number, KPI settings) loads the first
// time a lead, supervisor or quality manager opens it.
export const Figures = lazyView(() => import('./FiguresView.js'), 'kpi.loading');
