import type { Feature, InboxRoutes } from '../../hub/feature.js';
import { recognitionArrived, registeredRecognitionStore, useRecognitionView } from './view.js';

/**
 * Badges and shout-outs: the inbox's reach the agent's list (and a quiet notice) once the store
 * has loaded, and a reconnect or a profile change reloads what is shown.
 */
export const recognitionFeature = {
  name: 'recognition',
  reset() {
    useRecognitionView.setState({ open: null, early: [] });
    registeredRecognitionStore()?.reset();
  },
  connected: () => registeredRecognitionStore()?.reload(),
  profileChanged: () => registeredRecognitionStore()?.reload(),
} satisfies Feature;

export const recognitionInbox = {
  recognition: (message) => recognitionArrived(message.recognition),
} satisfies Pick<InboxRoutes, 'recognition'>;
