import { lazyView } from '../../ui/lazy.js';
import type { ComposerProps } from './ShoutoutComposer.js';

// The shout-out composer that a coach's views of an agent open (observation, the agent's
// history): loaded the first time one is opened, with the rest of recognition's screens (one
// chunk, so the first load names one file for them all).
export const ShoutoutComposer = lazyView<ComposerProps>(
  async () => ({ default: (await import('./screens.js')).ShoutoutComposer }),
  'recognition.loading',
);
