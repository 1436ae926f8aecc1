import type { Feature } from '../../hub/feature.js';
import { useAgentHistory } from './store.js';

/** An agent's history for coaches: nothing to keep across sessions. */
export const agentHistoryFeature = {
  name: 'agent-history',
  reset: () => useAgentHistory.getState().reset(),
} satisfies Feature;
