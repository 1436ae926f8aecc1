// Where the sidebar goes: docked to the right edge of the primary display's work area (beside
// the softphone and CRM, clear of the taskbar), or where the agent last left it if that place
// still exists (a laptop undocked from its second screen must not open the sidebar off-screen).

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface DisplayArea {
  workArea: Rect;
}

export const SIDEBAR_WIDTH = 360;
export const SIDEBAR_MIN_WIDTH = 300;
export const SIDEBAR_MIN_HEIGHT = 400;

/** Full work-area height on the chosen edge; narrower only if the screen itself is. */
export function dockedBounds(
  workArea: Rect,
  width = SIDEBAR_WIDTH,
  side: 'left' | 'right' = 'right',
): Rect {
  const w = Math.min(width, workArea.width);
  const x = side === 'left' ? workArea.x : workArea.x + workArea.width - w;
  return { x, y: workArea.y, width: w, height: workArea.height };
}

/** A stored value is only trusted as bounds if it has the shape; the file can be hand-edited. */
export function isRect(value: unknown): value is Rect {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  return (
    Number.isSafeInteger(r.x) &&
    Number.isSafeInteger(r.y) &&
    Number.isSafeInteger(r.width) &&
    Number.isSafeInteger(r.height) &&
    (r.width as number) >= SIDEBAR_MIN_WIDTH &&
    (r.height as number) >= SIDEBAR_MIN_HEIGHT
  );
}

/**
 * How far (DIPs) bounds may stick out of a work area and still count as on it. On Windows with
 * a scale above 100% the bounds Electron reads back (`getBounds`) can differ by a few pixels from
 * those it was given (`setBounds`), so a sidebar saved flush with the edge reads as 1-3 px over.
 */
export const BOUNDS_TOLERANCE = 8;

export function fitsWithin(rect: Rect, area: Rect, tolerance = 0): boolean {
  return (
    rect.x >= area.x - tolerance &&
    rect.y >= area.y - tolerance &&
    rect.x + rect.width <= area.x + area.width + tolerance &&
    rect.y + rect.height <= area.y + area.height + tolerance
  );
}

/** The area two rectangles share (0 when apart). */
function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/** `rect` moved (and shrunk if it must) to lie wholly within `area`. */
export function clampInto(rect: Rect, area: Rect): Rect {
  const width = Math.min(rect.width, area.width);
  const height = Math.min(rect.height, area.height);
  return {
    x: Math.min(Math.max(rect.x, area.x), area.x + area.width - width),
    y: Math.min(Math.max(rect.y, area.y), area.y + area.height - height),
    width,
    height,
  };
}

/**
 * Where saved (or current) bounds go: kept when they fit on a connected display give or take
 * BOUNDS_TOLERANCE (pulled exactly inside it); moved inside the display they are mostly on
 * when they stick out further (a screen's resolution or scale changed); docked on the primary
 * display only when they are on no display at all (that screen was unplugged).
 */
export function restoreBounds(
  saved: unknown,
  displays: readonly DisplayArea[],
  primary: DisplayArea,
  side: 'left' | 'right' = 'right',
): Rect {
  if (!isRect(saved)) return dockedBounds(primary.workArea, SIDEBAR_WIDTH, side);
  const rect = { x: saved.x, y: saved.y, width: saved.width, height: saved.height };
  const fitting = displays.find((d) => fitsWithin(rect, d.workArea, BOUNDS_TOLERANCE));
  if (fitting) return clampInto(rect, fitting.workArea);
  let best: DisplayArea | undefined;
  let bestArea = 0;
  for (const d of displays) {
    const shared = overlap(rect, d.workArea);
    if (shared > bestArea) [best, bestArea] = [d, shared];
  }
  if (best) return clampInto(rect, best.workArea);
  return dockedBounds(primary.workArea, SIDEBAR_WIDTH, side);
}

/**
 * Beside another window: to its right when there is room on that screen, else to its left,
 * else on the right edge; full work-area height either way (a softphone window is short).
 */
export function besideWindow(target: Rect, workArea: Rect, width = SIDEBAR_WIDTH): Rect {
  const w = Math.min(width, workArea.width);
  const right = target.x + target.width;
  if (right + w <= workArea.x + workArea.width)
    return { x: right, y: workArea.y, width: w, height: workArea.height };
  if (target.x - w >= workArea.x)
    return { x: target.x - w, y: workArea.y, width: w, height: workArea.height };
  return dockedBounds(workArea, w, 'right');
}
