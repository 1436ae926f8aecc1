import type { Feature } from '../../hub/feature.js';
import { useTeamSettings } from './store.js';

export const teamSettingsFeature = {
  name: 'team-settings',
  reset: () => useTeamSettings.getState().reset(),
} satisfies Feature;
