import type { Feature } from '../../hub/feature.js';
import {
  actionsChanged,
  agentReflectionConnected,
  reloadSession,
  sessionChanged,
  useReflection,
} from './store.js';

/** Reflective sessions: the one on screen follows the hub; the agent's open actions and sessions. */
export const reflectionFeature = {
  name: 'reflection',
  reset: () => useReflection.getState().reset(),
  connected(user) {
    // What changed in an open session while this side was away.
    void reloadSession();
    if (user.role === 'agent') void agentReflectionConnected();
  },
  profileChanged: () => void reloadSession(),
  listen(socket) {
    socket.on('reflection:changed', (session) => sessionChanged(session));
    socket.on('action:changed', (mine) => actionsChanged(mine));
  },
} satisfies Feature;
