import type { Feature } from '../../hub/feature.js';
import { loadHistory, useAgentHistory } from './store.js';

/** An agent's history for coaches: nothing to keep across sessions. */
export const agentHistoryFeature = {
  name: 'agent-history',
  reset: () => useAgentHistory.getState().reset(),
  // Opened while the hub was away (a reload, a bookmark) or cut off by a drop: loaded again.
  connected() {
    if (useAgentHistory.getState().status === 'failed') void loadHistory();
  },
} satisfies Feature;
