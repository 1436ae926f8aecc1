import type { Feature } from '../../hub/feature.js';
import { registeredMysteryStore, useMysteryView } from './view.js';

/**
 * Mystery-call programmes (quality managers): assignments changed on the hub reach the store
 * once its screens have loaded it, and a reconnect reloads what is shown.
 */
export const mysteryFeature = {
  name: 'mystery',
  reset() {
    useMysteryView.setState({ open: false, path: [] });
    registeredMysteryStore()?.reset();
  },
  connected() {
    registeredMysteryStore()?.reload();
  },
  listen(socket) {
    socket.on('mystery:changed', (a) => registeredMysteryStore()?.changed(a));
  },
} satisfies Feature;
