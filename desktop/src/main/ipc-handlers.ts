// The bridge's main-process side: one validated handler per channel in shared's IPC table.
import {
  BrowserSignInRequestSchema,
  CallControlSchema,
  DesktopSettingsPatchSchema,
  IPC,
  type BrowserSignInRequest,
  type BrowserSignInResult,
  type CallControl,
  type DesktopSettings,
} from '@sidecoach/shared';
import { validatedIpc, type IpcHandleTarget } from './ipc-validation.js';
import type { Settings } from './settings.js';

/** Long enough for the renderer to receive the answer to its update before the page reloads. */
export const RELOAD_DELAY_MS = 100;

export function registerIpcHandlers(
  ipc: IpcHandleTarget,
  settings: Settings,
  version: string,
  /** Told of every accepted change, to re-dock, re-register hotkeys or reconnect softphones. */
  onChange: (before: DesktopSettings, after: DesktopSettings) => void = () => undefined,
  /** Answers, hangs up, holds or resumes through the softphone; rejects with the reason. */
  controlCall: (action: CallControl) => Promise<void> = () =>
    Promise.reject(new Error('no softphone to control: set the baresip address in Settings')),
  /** Single sign-on in the system browser (sso-loopback.ts), for the hub in the settings. */
  signInWithBrowser: (request: BrowserSignInRequest) => Promise<BrowserSignInResult> = () =>
    Promise.reject(new Error('single sign-on is not wired in this build')),
) {
  const handlers = validatedIpc(ipc);
  handlers.handle(IPC.settingsGet, () => settings.read());
  handlers.handleWith(IPC.settingsUpdate, DesktopSettingsPatchSchema, (patch, event) => {
    const previous = settings.read();
    const before = previous.hubUrl;
    const next = settings.update(patch);
    onChange(previous, next);
    if (next.hubUrl !== before) {
      // A loaded page keeps the CSP it came with, and its connect-src names the old hub: reload
      // so the page gets a policy (and a connection) for the new one.
      setTimeout(() => {
        if (!event.sender.isDestroyed()) event.sender.reload();
      }, RELOAD_DELAY_MS);
    }
    return next;
  });
  handlers.handle(IPC.appVersion, () => version);
  handlers.handleWith(IPC.callControl, CallControlSchema, (action) => controlCall(action));
  handlers.handleWith(IPC.ssoSignIn, BrowserSignInRequestSchema, (request) =>
    signInWithBrowser(request),
  );
}
