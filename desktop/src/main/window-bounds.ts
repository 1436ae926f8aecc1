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

export function fitsWithin(rect: Rect, area: Rect): boolean {
  return (
    rect.x >= area.x &&
    rect.y >= area.y &&
    rect.x + rect.width <= area.x + area.width &&
    rect.y + rect.height <= area.y + area.height
  );
}

/** The saved bounds if they fit wholly on one connected display, otherwise docked on the primary. */
export function restoreBounds(
  saved: unknown,
  displays: readonly DisplayArea[],
  primary: DisplayArea,
  side: 'left' | 'right' = 'right',
): Rect {
  if (isRect(saved) && displays.some((d) => fitsWithin(saved, d.workArea))) {
    return { x: saved.x, y: saved.y, width: saved.width, height: saved.height };
  }
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
