import type { AdminTab } from './store.js';

export const ADMIN_TABS: readonly AdminTab[] = ['people', 'teams', 'import', 'audit'];

/** Audit actions this hub's admin views name in words (others, from later features, as written). */
export const KNOWN_ACTIONS = [
  'user.create',
  'user.update',
  'user.disable',
  'user.enable',
  'permission.grant',
  'permission.revoke',
  'team.create',
  'team.update',
  'team.move',
  'team.move-schedule',
  'team.move-cancel',
  'team.move-applied',
  'import.apply',
] as const;
export type KnownAction = (typeof KNOWN_ACTIONS)[number];
