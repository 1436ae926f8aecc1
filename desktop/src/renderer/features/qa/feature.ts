import type { Feature } from '../../hub/feature.js';
import { resetQa } from './lazy-store.js';
import { registeredQaStores } from './view.js';

/**
 * Quality monitoring: evaluations and calibration sessions changed on the hub reach whichever QA
 * store is loaded (the agent's own evaluations, a coach's lists and the evaluation open, the
 * calibration sessions), and a reconnect reloads what is shown. Through view.ts only: the stores load with the screens, not with the sidebar.
 */
export const qaFeature = {
  name: 'qa',
  reset: resetQa,
  connected() {
    for (const store of registeredQaStores()) store.reload();
  },
  profileChanged() {
    for (const store of registeredQaStores()) store.reload();
  },
  listen(socket) {
    socket.on('qa:changed', (evaluation) => {
      for (const store of registeredQaStores()) store.changed?.(evaluation);
    });
    socket.on('calibration:changed', (session) => {
      for (const store of registeredQaStores()) store.calibrationChanged?.(session);
    });
  },
} satisfies Feature;
