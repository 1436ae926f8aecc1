import { z } from 'zod';
import type { CallEvent } from '../protocol/call-events.js';

export const UI_LANGUAGES = ['en', 'zh-CN'] as const;
export const UiLanguageSchema = z.enum(UI_LANGUAGES);
export type UiLanguage = z.infer<typeof UiLanguageSchema>;

/** An http(s) URL with no credentials, path, query or fragment: where the hub listens. */
export const HubUrlSchema = z
  .string()
  .max(2048)
  .refine(
    (value) => {
      try {
        const url = new URL(value);
        return (
          (url.protocol === 'http:' || url.protocol === 'https:') &&
          url.username === '' &&
          url.password === '' &&
          url.search === '' &&
          url.hash === '' &&
          url.pathname === '/' &&
          // Host names of letters, digits, dots and dashes, or a bracketed IPv6 address: the
          // URL parser lets ; ' , through, which have no place in a hub address (or a CSP).
          /^([a-z0-9.-]+|\[[0-9a-f:.]+\])$/i.test(url.hostname)
        );
      } catch {
        return false;
      }
    },
    { message: 'must be an http:// or https:// address such as http://127.0.0.1:4780' },
  );

export const DesktopSettingsSchema = z.object({
  hubUrl: HubUrlSchema,
  language: UiLanguageSchema.nullable(),
});
/** Settings the sidebar keeps (electron-store on the desktop, localStorage on the web). */
export type DesktopSettings = z.infer<typeof DesktopSettingsSchema>;
export const DesktopSettingsPatchSchema = DesktopSettingsSchema.partial().strict();
export type DesktopSettingsPatch = z.infer<typeof DesktopSettingsPatchSchema>;

/**
 * What the renderer may ask of its host: the Electron preload implements it over IPC, the web
 * build in the page. Keep it narrow: verbs, never raw IPC.
 */
export interface SidecoachBridge {
  readonly host: 'electron' | 'web';
  getSettings(): Promise<DesktopSettings>;
  updateSettings(patch: DesktopSettingsPatch): Promise<DesktopSettings>;
  getVersion(): Promise<string>;
  /**
   * Call events from softphones on this machine (baresip, command hooks); desktop only.
   * Returns the function that unsubscribes.
   */
  onCallEvent?(listener: (event: CallEvent) => void): () => void;
}
