// The bridge object, built from an invoke function so it can be tested without Electron. The
// renderer gets these verbs and nothing else: never ipcRenderer itself.
import {
  IPC,
  IPC_EVENTS,
  type BrowserSignInRequest,
  type BrowserSignInResult,
  type CallControl,
  type CallEvent,
  type DesktopSettings,
  type DesktopSettingsPatch,
  type HotkeyAction,
  type SidecoachBridge,
} from '@sidecoach/shared';

export type Invoke = (channel: string, ...args: unknown[]) => Promise<unknown>;
/** Subscribes to a main-to-renderer channel; returns the unsubscribe. */
export type Subscribe = (channel: string, listener: (payload: unknown) => void) => () => void;

export function createBridge(invoke: Invoke, subscribe: Subscribe) {
  // Answers are typed by the main process handlers (ipc-handlers.ts), which parse their input
  // and build their output from the same shared schemas.
  return {
    host: 'electron',
    getSettings: () => invoke(IPC.settingsGet) as Promise<DesktopSettings>,
    updateSettings: (patch: DesktopSettingsPatch) =>
      invoke(IPC.settingsUpdate, patch) as Promise<DesktopSettings>,
    getVersion: () => invoke(IPC.appVersion) as Promise<string>,
    // Sent only by main's own call sources (softphone adapters), never by other pages.
    controlCall: async (action: CallControl) => {
      await invoke(IPC.callControl, action);
    },
    onCallEvent: (listener: (event: CallEvent) => void) =>
      subscribe(IPC_EVENTS.callEvent, (payload) => listener(payload as CallEvent)),
    onHotkey: (listener: (action: HotkeyAction) => void) =>
      subscribe(IPC_EVENTS.hotkey, (payload) => listener(payload as HotkeyAction)),
    signInWithBrowser: (request: BrowserSignInRequest) =>
      invoke(IPC.ssoSignIn, request) as Promise<BrowserSignInResult>,
  } satisfies SidecoachBridge;
}
