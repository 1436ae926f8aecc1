import { lazyView } from '../../ui/lazy.js';

// The settings panel is opened now and then, never on the first screen: its own chunk, so the
// agent's sidebar starts without it.
export const Settings = lazyView<{ onClose: () => void }>(
  async () => ({ default: (await import('./SettingsPanel.js')).SettingsPanel }),
  'app.loading',
);
