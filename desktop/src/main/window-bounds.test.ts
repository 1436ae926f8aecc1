import { describe, expect, it } from 'vitest';
import {
  dockedBounds,
  fitsWithin,
  isRect,
  restoreBounds,
  type DisplayArea,
} from './window-bounds.js';

// A 1920x1080 primary with a 40 px taskbar at the bottom, and a second screen to its left.
const primary: DisplayArea = { workArea: { x: 0, y: 0, width: 1920, height: 1040 } };
const left: DisplayArea = { workArea: { x: -1280, y: 0, width: 1280, height: 1024 } };

describe('dockedBounds', () => {
  it('docks 360 px wide to the right edge at full work-area height', () => {
    expect(dockedBounds(primary.workArea)).toEqual({ x: 1560, y: 0, width: 360, height: 1040 });
  });

  it('respects a work area that does not start at the origin (taskbar on top or left)', () => {
    expect(dockedBounds({ x: 60, y: 30, width: 1860, height: 1050 })).toEqual({
      x: 1560,
      y: 30,
      width: 360,
      height: 1050,
    });
  });

  it('never gets wider than the screen', () => {
    expect(dockedBounds({ x: 0, y: 0, width: 320, height: 568 })).toEqual({
      x: 0,
      y: 0,
      width: 320,
      height: 568,
    });
  });
});

describe('restoreBounds', () => {
  it('restores bounds that still fit on a connected display', () => {
    const saved = { x: -400, y: 100, width: 380, height: 800 };
    expect(restoreBounds(saved, [primary, left], primary)).toEqual(saved);
    const onPrimary = { x: 100, y: 0, width: 360, height: 1040 };
    expect(restoreBounds(onPrimary, [primary], primary)).toEqual(onPrimary);
  });

  it('re-docks when the display the window was on is gone', () => {
    const saved = { x: -400, y: 100, width: 380, height: 800 };
    expect(restoreBounds(saved, [primary], primary)).toEqual(dockedBounds(primary.workArea));
  });

  it('moves a window that straddles two displays or hangs off an edge onto the display it is mostly on', () => {
    const straddling = { x: -100, y: 0, width: 360, height: 900 };
    expect(restoreBounds(straddling, [primary, left], primary)).toEqual({
      x: 0,
      y: 0,
      width: 360,
      height: 900,
    });
    const mostlyLeft = { x: -300, y: 50, width: 360, height: 900 };
    expect(restoreBounds(mostlyLeft, [primary, left], primary)).toEqual({
      x: -360,
      y: 50,
      width: 360,
      height: 900,
    });
    const tooTall = { x: 1560, y: 0, width: 360, height: 1080 };
    expect(restoreBounds(tooTall, [primary], primary)).toEqual(dockedBounds(primary.workArea));
  });

  it('docks on the primary display when the window is on none (its screen was unplugged)', () => {
    const gone = { x: 3000, y: 0, width: 360, height: 900 };
    expect(restoreBounds(gone, [primary], primary)).toEqual(dockedBounds(primary.workArea));
  });

  it('keeps a sidebar whose read-back bounds drifted by a few pixels on a Windows HiDPI screen', () => {
    // 2560x1440 at 150%: 1707x960 DIPs, a 40 DIP taskbar. Docked flush right at x=1347; at
    // 150% Electron reads back x=1348, width=361 (2 px over the edge), 125% and 175% alike.
    const hidpi: DisplayArea = { workArea: { x: 0, y: 0, width: 1707, height: 920 } };
    const readBack = { x: 1348, y: 0, width: 361, height: 920 };
    expect(fitsWithin(readBack, hidpi.workArea)).toBe(false);
    expect(restoreBounds(readBack, [hidpi], hidpi)).toEqual({
      x: 1346,
      y: 0,
      width: 361,
      height: 920,
    });
    // A second screen at 125% to the right (1536x864 DIPs): a drift there stays there.
    const second: DisplayArea = { workArea: { x: 1707, y: 0, width: 1536, height: 824 } };
    const onSecond = { x: 2880, y: -2, width: 363, height: 826 };
    expect(restoreBounds(onSecond, [hidpi, second], hidpi)).toEqual({
      x: 2880,
      y: 0,
      width: 363,
      height: 824,
    });
  });

  it.each([
    undefined,
    null,
    'x',
    {},
    { x: 0, y: 0, width: 360 },
    { x: '0', y: 0, width: 360, height: 900 },
    { x: 0.5, y: 0, width: 360, height: 900 },
    { x: 0, y: 0, width: 10, height: 900 },
    { x: Number.NaN, y: 0, width: 360, height: 900 },
  ])('re-docks for stored value %j', (saved) => {
    expect(restoreBounds(saved, [primary], primary)).toEqual(dockedBounds(primary.workArea));
  });

  it('returns a clean copy without extra stored keys', () => {
    const saved = { x: 0, y: 0, width: 360, height: 900, evil: true };
    expect(restoreBounds(saved, [primary], primary)).toEqual({
      x: 0,
      y: 0,
      width: 360,
      height: 900,
    });
  });
});

describe('isRect and fitsWithin', () => {
  it('checks shape and containment', () => {
    expect(isRect({ x: 0, y: 0, width: 360, height: 900 })).toBe(true);
    expect(fitsWithin({ x: 0, y: 0, width: 1920, height: 1040 }, primary.workArea)).toBe(true);
    expect(fitsWithin({ x: 1, y: 0, width: 1920, height: 1040 }, primary.workArea)).toBe(false);
  });
});

describe('docking to the left edge', () => {
  it('puts the sidebar at the left of the work area when asked', () => {
    const workArea = { x: 100, y: 0, width: 1920, height: 1040 };
    expect(dockedBounds(workArea, 360, 'left')).toEqual({ x: 100, y: 0, width: 360, height: 1040 });
    expect(restoreBounds(null, [{ workArea }], { workArea }, 'left').x).toBe(100);
  });
});
