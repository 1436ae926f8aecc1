// Every decision of the sidebar's main process that depends on the platform, as plain functions
// of the platform (and its environment or measurements), so each is checked on this machine for
// every platform (platform.test.ts) even where Electron cannot start. window.ts and index.ts
// only apply what these return.
import type { HotkeyAction } from '@sidecoach/shared';
import type { Rect } from './window-bounds.js';

export type Platform = NodeJS.Platform;

/**
 * Chromium command-line switches for the display server. Since Electron 38 the app runs as a
 * native Wayland client in a Wayland session, where window positions are ignored (bounds read
 * back as 0,0), always-on-top does not hold and xdotool sees no windows: the sidebar then cannot
 * dock. So on Linux it runs under X11 (XWayland) unless the user asks for Wayland
 * (`SIDECOACH_OZONE_PLATFORM=wayland`, or Electron's own `ELECTRON_OZONE_PLATFORM_HINT`); on
 * Wayland, global shortcuts go through the desktop portal.
 */
export function displayServerSwitches(
  platform: Platform,
  env: NodeJS.ProcessEnv,
): { switches: [string, string][]; wayland: boolean } {
  if (platform !== 'linux') return { switches: [], wayland: false };
  const asked = (env.SIDECOACH_OZONE_PLATFORM ?? env.ELECTRON_OZONE_PLATFORM_HINT ?? '')
    .trim()
    .toLowerCase();
  if (asked === 'wayland')
    return {
      switches: [
        ['ozone-platform', 'wayland'],
        ['enable-features', 'GlobalShortcutsPortal'],
      ],
      wayland: true,
    };
  return { switches: [['ozone-platform', 'x11']], wayland: false };
}

/**
 * The window events after which its bounds are saved: `moved` and `resized` fire once a move
 * ends, but only on macOS and Windows; Linux has only the continuous `move` and `resize` (the
 * save is debounced either way).
 */
export function boundsEvents(
  platform: Platform,
): readonly ['move', 'resize'] | readonly ['moved', 'resized'] {
  return platform === 'linux' ? (['move', 'resize'] as const) : (['moved', 'resized'] as const);
}

/**
 * Whether bounds read back from the window are worth saving. Under Wayland (the user's choice
 * above) the compositor places windows and Electron reads 0,0 for every window: saving it would
 * put the sidebar at the corner at the next launch.
 */
export function shouldSaveBounds(bounds: Rect, wayland: boolean): boolean {
  if (wayland) return false;
  return bounds.width > 0 && bounds.height > 0;
}

/**
 * How a hotkey's action brings the sidebar forward. Ticking the next item and starting or
 * ending a call never take the focus from the softphone. Opening the self-assessment needs the
 * keyboard: on macOS showing a window does not activate its app (the keys keep going to the
 * softphone), so the app is activated with `app.focus({ steal: true })`; elsewhere focusing the
 * window is enough.
 */
export function hotkeyFocus(
  action: HotkeyAction,
  platform: Platform,
): 'none' | 'focus-window' | 'activate-app' {
  if (action !== 'openAssessment') return 'none';
  return platform === 'darwin' ? 'activate-app' : 'focus-window';
}

/**
 * Staying visible over the CRM. On macOS a full-screen app is a Space of its own: the floating
 * window shows there only when visible on all workspaces including full-screen ones, at a level
 * above full-screen windows. Elsewhere 'floating' keeps it above ordinary windows.
 */
export function onTopOptions(platform: Platform): {
  level: 'floating' | 'screen-saver';
  allWorkspaces: boolean;
  visibleOnFullScreen: boolean;
} {
  if (platform === 'darwin')
    return { level: 'floating', allWorkspaces: true, visibleOnFullScreen: true };
  return { level: 'floating', allWorkspaces: false, visibleOnFullScreen: false };
}

/**
 * How another program's window rectangle, as the platform's tool reports it, becomes the
 * device-independent pixels Electron's `setBounds` takes:
 * - macOS: System Events reports points, which are DIPs already;
 * - Linux (X11): xdotool reports physical pixels; X11 has one scale for every screen, Electron's
 *   primary display scale factor, so divide by it;
 * - Windows: user32 reports physical pixels and each monitor may have its own scale: Electron's
 *   `screen.screenToDipRect` converts with the monitor the rectangle is on.
 */
export function dipConversion(platform: Platform): 'none' | 'divide-by-scale' | 'screen-to-dip' {
  if (platform === 'darwin') return 'none';
  if (platform === 'win32') return 'screen-to-dip';
  return 'divide-by-scale';
}

/** Physical pixels to DIPs for one scale factor (X11), rounded outward to whole pixels. */
export function physicalToDip(rect: Rect, scaleFactor: number): Rect {
  const s = scaleFactor > 0 ? scaleFactor : 1;
  const x = Math.floor(rect.x / s);
  const y = Math.floor(rect.y / s);
  return {
    x,
    y,
    width: Math.ceil((rect.x + rect.width) / s) - x,
    height: Math.ceil((rect.y + rect.height) / s) - y,
  };
}
