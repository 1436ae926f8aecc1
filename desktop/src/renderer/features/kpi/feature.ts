import type { Feature } from '../../hub/feature.js';
import { figuresStores, useFiguresView } from './view.js';

const reload = () => figuresStores.forEach((store) => store.reload());

/**
 * KPIs: the Figures area of leads, supervisors and quality managers, and the agent's own figures
 * in the sidebar. Their stores load with their screens; a reconnect or a profile change (the team
 * now coaches on behaviours, not scores) reloads what they show, sign-out drops it.
 */
export const kpiFeature = {
  name: 'kpi',
  reset() {
    useFiguresView.setState({ open: false, path: [] });
    figuresStores.forEach((store) => store.reset());
  },
  connected: reload,
  profileChanged: reload,
} satisfies Feature;
