import {
  DesktopSettingsPatchSchema,
  DesktopSettingsSchema,
  type DesktopSettings,
  type SidecoachBridge,
} from '@sidecoach/shared';

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent in a browser. */
    sidecoach?: SidecoachBridge;
  }
}

const KEY = 'sidecoach.settings';

/** The bridge in a browser: the hub is where the page came from; settings in localStorage. */
export function createWebBridge(storage: Storage, origin: string): SidecoachBridge {
  const read = (): DesktopSettings => {
    const stored = DesktopSettingsSchema.partial().safeParse(
      JSON.parse(storage.getItem(KEY) ?? '{}'),
    );
    // Desktop-only settings (dock side, softphone, hotkeys) keep their defaults on the web.
    return DesktopSettingsSchema.parse({
      hubUrl: origin,
      language: (stored.success && stored.data.language) || null,
    });
  };
  return {
    host: 'web',
    getSettings: () => Promise.resolve(read()),
    updateSettings: (patch) => {
      const { language } = DesktopSettingsPatchSchema.parse(patch);
      const next = { ...read(), ...(language !== undefined ? { language } : {}) };
      storage.setItem(KEY, JSON.stringify({ language: next.language }));
      return Promise.resolve(next);
    },
    getVersion: () => Promise.resolve(import.meta.env.VITE_APP_VERSION ?? 'web'),
  };
}

export const bridge: SidecoachBridge =
  window.sidecoach ?? createWebBridge(localStorage, location.origin);
