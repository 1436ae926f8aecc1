import type { Feature } from '../../hub/feature.js';
import {
  actionsChanged,
  agentReflectionConnected,
  loadList,
  openSession,
  prepare,
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
    // Opened while the hub was away (a reload, a bookmark): the list or preparation loads now.
    const { open, listStatus, prep, prepAgentId, prepPeriod, session, openingSessionId } =
      useReflection.getState();
    if (open === 'list' && listStatus === 'failed') void loadList();
    if (open === 'prep' && !prep && prepAgentId) void prepare(prepAgentId, prepPeriod);
    // A session's address opened before the hub answered (a reload): it opens now.
    if (open === 'session' && !session && openingSessionId) void openSession(openingSessionId);
  },
  profileChanged: () => void reloadSession(),
  listen(socket) {
    socket.on('reflection:changed', (session) => sessionChanged(session));
    socket.on('action:changed', (mine) => actionsChanged(mine));
  },
} satisfies Feature;
