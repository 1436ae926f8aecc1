import { describe, expect, it } from 'vitest';
import { defaultHotkeysFor, HotkeysSchema } from '@sidecoach/shared';
import {
  boundsEvents,
  dipConversion,
  displayServerSwitches,
  hotkeyFocus,
  onTopOptions,
  physicalToDip,
  shouldSaveBounds,
} from './platform.js';

// Each decision for each platform, run here whatever this machine is.
const PLATFORMS = ['linux', 'darwin', 'win32'] as const;

describe('display server (Linux)', () => {
  it('runs under X11 on Linux unless Wayland is asked for, and changes nothing elsewhere', () => {
    expect(displayServerSwitches('linux', {})).toEqual({
      switches: [['ozone-platform', 'x11']],
      wayland: false,
    });
    // A Wayland session alone does not make it a Wayland client (docking needs X11).
    expect(displayServerSwitches('linux', { XDG_SESSION_TYPE: 'wayland' }).wayland).toBe(false);
    for (const env of [
      { SIDECOACH_OZONE_PLATFORM: 'wayland' },
      { ELECTRON_OZONE_PLATFORM_HINT: 'Wayland ' },
    ])
      expect(displayServerSwitches('linux', env)).toEqual({
        switches: [
          ['ozone-platform', 'wayland'],
          ['enable-features', 'GlobalShortcutsPortal'],
        ],
        wayland: true,
      });
    for (const p of ['darwin', 'win32'] as const)
      expect(displayServerSwitches(p, { SIDECOACH_OZONE_PLATFORM: 'wayland' })).toEqual({
        switches: [],
        wayland: false,
      });
  });

  it('never saves the 0,0 bounds a Wayland compositor reports', () => {
    const bounds = { x: 0, y: 0, width: 360, height: 1040 };
    expect(shouldSaveBounds(bounds, true)).toBe(false);
    expect(shouldSaveBounds(bounds, false)).toBe(true);
    expect(shouldSaveBounds({ ...bounds, width: 0 }, false)).toBe(false);
  });
});

describe('saving moves and resizes', () => {
  it('listens to the events each platform has', () => {
    expect(boundsEvents('linux')).toEqual(['move', 'resize']);
    expect(boundsEvents('darwin')).toEqual(['moved', 'resized']);
    expect(boundsEvents('win32')).toEqual(['moved', 'resized']);
  });
});

describe('hotkeys', () => {
  it('uses no Ctrl+Alt default on Windows, where Ctrl+Alt is AltGr', () => {
    const windows = defaultHotkeysFor('win32');
    for (const accelerator of Object.values(windows)) {
      expect(accelerator).not.toMatch(/Alt/);
      expect(accelerator).toMatch(/^Control\+Shift\+F\d{1,2}$/);
    }
    // AltGr+A, AltGr+C, AltGr+T type ą, ć, ţ... on Polish, Czech and Romanian keyboards.
    expect(Object.values(defaultHotkeysFor('linux'))).toEqual([
      'CommandOrControl+Alt+T',
      'CommandOrControl+Alt+A',
      'CommandOrControl+Alt+C',
    ]);
    for (const p of PLATFORMS) {
      expect(HotkeysSchema.safeParse(defaultHotkeysFor(p)).success).toBe(true);
      expect(new Set(Object.values(defaultHotkeysFor(p))).size).toBe(3);
    }
  });

  it('activates the app for the self-assessment on macOS only, and takes no focus for the rest', () => {
    expect(hotkeyFocus('openAssessment', 'darwin')).toBe('activate-app');
    expect(hotkeyFocus('openAssessment', 'win32')).toBe('focus-window');
    expect(hotkeyFocus('openAssessment', 'linux')).toBe('focus-window');
    for (const p of PLATFORMS) {
      expect(hotkeyFocus('tickNext', p)).toBe('none');
      expect(hotkeyFocus('toggleCall', p)).toBe('none');
    }
  });
});

describe('staying on top of a full-screen CRM', () => {
  it('is visible on every workspace, full-screen ones included, on macOS', () => {
    expect(onTopOptions('darwin')).toEqual({
      level: 'floating',
      allWorkspaces: true,
      visibleOnFullScreen: true,
    });
    expect(onTopOptions('win32').allWorkspaces).toBe(false);
    expect(onTopOptions('linux').level).toBe('floating');
  });
});

describe('another window’s rectangle in device-independent pixels', () => {
  it('converts by platform: points on macOS, one scale on X11, per monitor on Windows', () => {
    expect(dipConversion('darwin')).toBe('none');
    expect(dipConversion('linux')).toBe('divide-by-scale');
    expect(dipConversion('win32')).toBe('screen-to-dip');
  });

  it('divides xdotool’s physical pixels by the scale (real HiDPI setups)', () => {
    // A 3840x2160 laptop panel at 200%: a softphone at physical 2400,300 (800x1200).
    expect(physicalToDip({ x: 2400, y: 300, width: 800, height: 1200 }, 2)).toEqual({
      x: 1200,
      y: 150,
      width: 400,
      height: 600,
    });
    // 2560x1440 at 150% (GDK_SCALE=1.5 style fractional): edges round outward.
    expect(physicalToDip({ x: 1001, y: 0, width: 601, height: 1439 }, 1.5)).toEqual({
      x: 667,
      y: 0,
      width: 401,
      height: 960,
    });
    expect(physicalToDip({ x: 10, y: 20, width: 30, height: 40 }, 1)).toEqual({
      x: 10,
      y: 20,
      width: 30,
      height: 40,
    });
    // A broken scale factor never divides by zero.
    expect(physicalToDip({ x: 10, y: 20, width: 30, height: 40 }, 0).x).toBe(10);
  });
});
