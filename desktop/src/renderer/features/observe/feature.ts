import type { Feature } from '../../hub/feature.js';
import { SIGN_OUT_TIMEOUT_MS } from '../../hub/client.js';
import { useCalls } from '../call/store.js';
import { useObserve } from './store.js';
import { agentConnected, coachConnected, ringingChanged, stopObserving } from './sync.js';

/** The floor and side-by-side observation (coaches), and the agent's ringing phone on it. */
export const observeFeature = {
  name: 'observe',
  reset: () => useObserve.getState().reset(),
  connected(user) {
    if (user.role === 'agent') agentConnected(useCalls.getState().incoming !== null);
    else if (user.role !== 'caller') return coachConnected();
  },
  listen(socket, session) {
    socket.on('call:changed', (record) => {
      if (record.agentId !== session.user.id) useObserve.getState().callChanged(record);
    });
    socket.on('floor:agent', (entry) => useObserve.getState().floorAgent(entry));
  },
  subscribe: () =>
    useCalls.subscribe((state, prev) => {
      const ringing = state.incoming !== null;
      if (ringing !== (prev.incoming !== null)) ringingChanged(ringing);
    }),
  // A coach who signs out stops observing (else the agent's notes keep coming to their inbox).
  async signingOut() {
    if (useObserve.getState().target) await stopObserving({ timeoutMs: SIGN_OUT_TIMEOUT_MS });
  },
} satisfies Feature;
