/**
 * IPC channel names, in one place. Kept free of zod so the sandboxed preload, which imports
 * only this, stays a few hundred bytes.
 */
export const IPC = {
  settingsGet: 'settings:get',
  settingsUpdate: 'settings:update',
  appVersion: 'app:version',
} as const;
