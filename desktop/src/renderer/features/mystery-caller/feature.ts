import type { Feature } from '../../hub/feature.js';
import { registeredCallerStore, useCallerView } from './view.js';

/**
 * The mystery caller's app: back online, the board and the open report load again; a change the
 * hub pushes (claimed elsewhere, returned with a question, approved, a wave opened) reaches the
 * board. Through
 * view.ts only: the store loads with the caller's screens, never in a staff sidebar.
 */
export const mysteryCallerFeature = {
  name: 'mystery-caller',
  reset() {
    useCallerView.setState({ assignmentId: null });
    registeredCallerStore()?.reset();
  },
  connected(user) {
    if (user.role === 'caller') registeredCallerStore()?.reload();
  },
  listen(socket, session) {
    if (session.user.role !== 'caller') return;
    socket.on('mystery:changed', (assignment) => registeredCallerStore()?.changed(assignment));
    socket.on('mystery:wave-open', (opened) => registeredCallerStore()?.waveOpened(opened));
  },
} satisfies Feature;
