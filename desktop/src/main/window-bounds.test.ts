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

  it('re-docks when the window would straddle two displays or hang off an edge', () => {
    const straddling = { x: -100, y: 0, width: 360, height: 900 };
    expect(restoreBounds(straddling, [primary, left], primary)).toEqual(
      dockedBounds(primary.workArea),
    );
    const tooTall = { x: 1560, y: 0, width: 360, height: 1080 };
    expect(restoreBounds(tooTall, [primary], primary)).toEqual(dockedBounds(primary.workArea));
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
