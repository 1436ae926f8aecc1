/**
 * IPC channel names the renderer invokes (main answers), in one place. Kept free of zod so the
 * sandboxed preload, which imports only this, stays small.
 */
export const IPC = {
  settingsGet: 'settings:get',
  settingsUpdate: 'settings:update',
  appVersion: 'app:version',
  callControl: 'call:control',
  /** Single sign-on through the system browser and a loopback listener (desktop only). */
  ssoSignIn: 'sso:sign-in',
} as const;

/** Channels main sends on and the renderer listens to (no answer expected). */
export const IPC_EVENTS = {
  /** A call event from a softphone on this machine. */
  callEvent: 'call:event',
  /** A global hotkey was pressed (the action's name). */
  hotkey: 'hotkey',
} as const;
