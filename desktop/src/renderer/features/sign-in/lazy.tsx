import { lazyView } from '../../ui/lazy.js';
import type { CodeAccepted } from './ChoosePassword.js';

// Choosing a first password after a one-time code happens once per person: its own chunk, so
// the sign-in screen everybody sees every day starts without it.
export const ChoosePasswordLazy = lazyView<{ accepted: CodeAccepted; onCancel: () => void }>(
  async () => ({ default: (await import('./ChoosePassword.js')).ChoosePassword }),
  'app.loading',
);
