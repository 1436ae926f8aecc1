import { z } from 'zod';
import type { CallEvent } from '../protocol/call-events.js';
import { ClientStateSchema, CodeChallengeSchema } from '../protocol/sso.js';

export const UI_LANGUAGES = ['en', 'zh-CN', 'zh-TW', 'lv'] as const;
export const UiLanguageSchema = z.enum(UI_LANGUAGES);
export type UiLanguage = z.infer<typeof UiLanguageSchema>;

/** Why an IPv6 hub address is refused (the settings panel shows it in the UI language). */
export const IPV6_HUB_REFUSED =
  'an IPv6 address cannot be the hub address (the security policy cannot name it): use the hub’s host name, localhost for this machine, or its IPv4 address';

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
  )
  // A Content Security Policy cannot name an IPv6 address (Chromium drops such a source and the
  // sidebar could then reach no hub): a host name, or an IPv4 address, instead.
  .refine((value) => !/^https?:\/\/\[/i.test(value), {
    message: IPV6_HUB_REFUSED,
  });

/** Where the sidebar docks: a screen edge, or beside another program's window. */
export const DockSideSchema = z.enum(['left', 'right', 'window']);
/** A part of the title of the window to dock beside: plain characters only (it reaches OS tools). */
export const DockWindowTitleSchema = z
  .string()
  .trim()
  .regex(/^[\p{L}\p{N} ._-]{1,64}$/u, 'use letters, digits, spaces, dots, dashes (up to 64)');
export type DockSide = z.infer<typeof DockSideSchema>;

/** baresip's ctrl_tcp address: on this machine only. */
export const BaresipAddressSchema = z
  .string()
  .regex(
    /^(127\.0\.0\.1|localhost|\[::1\]):\d{1,5}$/,
    'must be a loopback address such as 127.0.0.1:4444',
  )
  .refine((v) => Number(v.slice(v.lastIndexOf(':') + 1)) < 65536, 'port must be below 65536');

/** An Electron accelerator such as CommandOrControl+Alt+T: modifiers, then one key. */
export const AcceleratorSchema = z
  .string()
  .max(64)
  .regex(
    /^((CommandOrControl|CmdOrCtrl|Command|Cmd|Control|Ctrl|Alt|Option|AltGr|Shift|Super|Meta)\+)+([A-Z0-9]|F([1-9]|1[0-9]|2[0-4])|Space|Tab|Enter|Up|Down|Left|Right|Home|End|PageUp|PageDown|Insert|Delete|Backspace|Escape|Plus|[-=,./;'[\]\\`])$/,
    'must be modifiers and one key, such as CommandOrControl+Alt+T',
  );

export const CallControlSchema = z.enum(['answer', 'hangup', 'hold', 'resume']);
export type CallControl = z.infer<typeof CallControlSchema>;

/** What the global hotkeys do. */
export const HOTKEY_ACTIONS = ['tickNext', 'openAssessment', 'toggleCall'] as const;
export type HotkeyAction = (typeof HOTKEY_ACTIONS)[number];
/**
 * Default global hotkeys for a platform (`process.platform`'s names). Ctrl+Alt is AltGr on
 * Windows: Ctrl+Alt+letter types characters on Polish, German, Czech, Latvian... keyboards
 * (AltGr+A is "ą" in Polish, AltGr+C "ć"), and a global shortcut swallows them in every program.
 * Windows gets Ctrl+Shift with function keys, which type nothing anywhere.
 */
export function defaultHotkeysFor(platform: string): Record<HotkeyAction, string> {
  if (platform === 'win32')
    return {
      tickNext: 'Control+Shift+F9',
      openAssessment: 'Control+Shift+F10',
      toggleCall: 'Control+Shift+F11',
    };
  return {
    tickNext: 'CommandOrControl+Alt+T',
    openAssessment: 'CommandOrControl+Alt+A',
    toggleCall: 'CommandOrControl+Alt+C',
  };
}
/** The defaults outside Windows (and the schema's default). */
export const DEFAULT_HOTKEYS: Record<HotkeyAction, string> = defaultHotkeysFor('linux');
export const HotkeysSchema = z.strictObject({
  tickNext: AcceleratorSchema,
  openAssessment: AcceleratorSchema,
  toggleCall: AcceleratorSchema,
});

export const DesktopSettingsSchema = z.object({
  hubUrl: HubUrlSchema,
  language: UiLanguageSchema.nullable(),
  dockSide: DockSideSchema.default('right'),
  /** With dockSide "window": part of that window's title, e.g. "Zoiper". */
  dockWindowTitle: DockWindowTitleSchema.nullable().default(null),
  /** baresip to follow, or null for none (command hooks and the phone system always work). */
  baresipAddress: BaresipAddressSchema.nullable().default(null),
  hotkeys: HotkeysSchema.default(DEFAULT_HOTKEYS),
});
/** Settings the sidebar keeps (electron-store on the desktop, localStorage on the web). */
export type DesktopSettings = z.infer<typeof DesktopSettingsSchema>;
export const DesktopSettingsPatchSchema = z.strictObject({
  hubUrl: HubUrlSchema.optional(),
  language: UiLanguageSchema.nullable().optional(),
  dockSide: DockSideSchema.optional(),
  dockWindowTitle: DockWindowTitleSchema.nullable().optional(),
  baresipAddress: BaresipAddressSchema.nullable().optional(),
  hotkeys: HotkeysSchema.optional(),
});
export type DesktopSettingsPatch = z.infer<typeof DesktopSettingsPatchSchema>;

/** The renderer's single sign-on through the system browser: its PKCE challenge and state. */
export const BrowserSignInRequestSchema = z.strictObject({
  codeChallenge: CodeChallengeSchema,
  state: ClientStateSchema,
});
export type BrowserSignInRequest = z.infer<typeof BrowserSignInRequestSchema>;
/**
 * The hub's one-time code, or why there is none: an SsoError from the hub, `state` (an answer
 * that was not for this sign-in), `timeout` or `browser` (the system browser did not open).
 */
export type BrowserSignInResult = { code: string } | { error: string };

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
  /**
   * Asks the softphone on this machine to answer, hang up, hold or resume (desktop with
   * baresip only; rejects with the reason when there is no softphone to ask).
   */
  controlCall?(action: CallControl): Promise<void>;
  /** A global hotkey was pressed (desktop only). Returns the function that unsubscribes. */
  onHotkey?(listener: (action: HotkeyAction) => void): () => void;
  /**
   * Single sign-on in the system browser, the answer received on a loopback listener (desktop
   * only; the web sidebar goes to the hub's start page itself). Resolves with the one-time code
   * for the renderer to exchange with its verifier.
   */
  signInWithBrowser?(request: BrowserSignInRequest): Promise<BrowserSignInResult>;
}
