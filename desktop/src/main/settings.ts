// The sidebar's settings, kept by electron-store in the main process (the renderer reaches them
// only through the bridge). Everything read back from disk is parsed again: the JSON file can be
// edited by hand or written by an older version.
import {
  BaresipAddressSchema,
  defaultHotkeysFor,
  DesktopSettingsSchema,
  DockSideSchema,
  DockWindowTitleSchema,
  HotkeysSchema,
  HubUrlSchema,
  UiLanguageSchema,
  type DockSide,
  type HotkeyAction,
  type DesktopSettings,
  type DesktopSettingsPatch,
  type UiLanguage,
} from '@sidecoach/shared';
import type { Rect } from './window-bounds.js';

export const DEFAULT_HUB_URL = 'http://127.0.0.1:4780';

/** What is stored on disk. `bounds` is null until the window has been placed once. */
export interface StoredSettings {
  hubUrl: string;
  language: UiLanguage | null;
  bounds: Rect | null;
  dockSide: DockSide;
  dockWindowTitle: string | null;
  baresipAddress: string | null;
  hotkeys: Record<HotkeyAction, string>;
}

/** The slice of electron-store used here, so tests can pass a Map-backed stand-in. */
export interface KeyValueStore<S> {
  get<K extends keyof S>(key: K): S[K];
  set<K extends keyof S>(key: K, value: S[K]): void;
}

/**
 * SIDECOACH_HUB_URL when set and valid. The start script and the end-to-end test set it to the
 * hub they just started, so it wins over a stored value for that launch.
 */
export function hubUrlFromEnv(env: NodeJS.ProcessEnv): { hubUrl?: string; warning?: string } {
  const raw = env.SIDECOACH_HUB_URL?.trim();
  if (!raw) return {};
  const parsed = HubUrlSchema.safeParse(raw);
  if (parsed.success) return { hubUrl: parsed.data };
  return { warning: `SIDECOACH_HUB_URL ignored: "${raw}" is not an http:// or https:// address` };
}

export function settingsDefaults(
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform = process.platform,
): StoredSettings {
  return {
    hubUrl: hubUrlFromEnv(env).hubUrl ?? DEFAULT_HUB_URL,
    language: null,
    bounds: null,
    dockSide: 'right',
    dockWindowTitle: null,
    // SIDECOACH_BARESIP seeds the first run; the settings panel changes it afterwards.
    baresipAddress: BaresipAddressSchema.safeParse(env.SIDECOACH_BARESIP).data ?? null,
    hotkeys: defaultHotkeysFor(platform),
  };
}

export function createSettings(
  store: KeyValueStore<StoredSettings>,
  platform: NodeJS.Platform = process.platform,
) {
  const read = (): DesktopSettings => {
    const hubUrl = HubUrlSchema.safeParse(store.get('hubUrl'));
    const language = UiLanguageSchema.nullable().safeParse(store.get('language') ?? null);
    return DesktopSettingsSchema.parse({
      hubUrl: hubUrl.success ? hubUrl.data : DEFAULT_HUB_URL,
      language: language.success ? language.data : null,
      dockSide: DockSideSchema.safeParse(store.get('dockSide')).data ?? 'right',
      dockWindowTitle:
        DockWindowTitleSchema.nullable().safeParse(store.get('dockWindowTitle') ?? null).data ??
        null,
      baresipAddress:
        BaresipAddressSchema.nullable().safeParse(store.get('baresipAddress') ?? null).data ?? null,
      hotkeys: HotkeysSchema.safeParse(store.get('hotkeys')).data ?? defaultHotkeysFor(platform),
    });
  };
  return {
    read,
    /** Applies an already-validated patch and returns the settings as now stored. */
    update(patch: DesktopSettingsPatch): DesktopSettings {
      if (patch.hubUrl !== undefined) store.set('hubUrl', patch.hubUrl);
      if (patch.language !== undefined) store.set('language', patch.language);
      if (patch.dockSide !== undefined) store.set('dockSide', patch.dockSide);
      if (patch.dockWindowTitle !== undefined) store.set('dockWindowTitle', patch.dockWindowTitle);
      if (patch.baresipAddress !== undefined) store.set('baresipAddress', patch.baresipAddress);
      if (patch.hotkeys !== undefined) store.set('hotkeys', patch.hotkeys);
      return read();
    },
    /** Raw: restoreBounds() decides whether the stored value is still usable. */
    savedBounds: (): unknown => store.get('bounds'),
    saveBounds: (bounds: Rect): void => store.set('bounds', bounds),
  };
}

export type Settings = ReturnType<typeof createSettings>;
