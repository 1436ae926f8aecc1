// The bridge object, built from an invoke function so it can be tested without Electron. The
// renderer gets these verbs and nothing else: never ipcRenderer itself.
import {
  IPC,
  type DesktopSettings,
  type DesktopSettingsPatch,
  type SidecoachBridge,
} from '@sidecoach/shared';

export type Invoke = (channel: string, ...args: unknown[]) => Promise<unknown>;

export function createBridge(invoke: Invoke) {
  // Answers are typed by the main process handlers (ipc-handlers.ts), which parse their input
  // and build their output from the same shared schemas.
  return {
    host: 'electron',
    getSettings: () => invoke(IPC.settingsGet) as Promise<DesktopSettings>,
    updateSettings: (patch: DesktopSettingsPatch) =>
      invoke(IPC.settingsUpdate, patch) as Promise<DesktopSettings>,
    getVersion: () => invoke(IPC.appVersion) as Promise<string>,
  } satisfies SidecoachBridge;
}
