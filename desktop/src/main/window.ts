// The sidebar window: narrow, always on top, docked right, shown without taking focus from the
// softphone. Placement rules live in window-bounds.ts; this file only talks to Electron.
import { BrowserWindow, screen } from 'electron';
import { APP_ENTRY_URL } from './trusted-url.js';
import type { Settings } from './settings.js';
import type { DockSide } from '@sidecoach/shared';
import { findWindow } from './window-locator.js';
import {
  boundsEvents,
  dipConversion,
  onTopOptions,
  physicalToDip,
  shouldSaveBounds,
} from './platform.js';
import {
  SIDEBAR_MIN_HEIGHT,
  SIDEBAR_MIN_WIDTH,
  besideWindow,
  dockedBounds,
  restoreBounds,
  type Rect,
} from './window-bounds.js';

const SAVE_DELAY_MS = 500;

/** Beside a window starts on the right edge until that window is found. */
const edge = (side: DockSide): 'left' | 'right' => (side === 'left' ? 'left' : 'right');

function placement(saved: unknown, side: 'left' | 'right'): Rect {
  return restoreBounds(saved, screen.getAllDisplays(), screen.getPrimaryDisplay(), side);
}

const FOLLOW_INTERVAL_MS = 2_000;

function moveTo(win: BrowserWindow, next: Rect) {
  const current = win.getBounds();
  const moved = (['x', 'y', 'width', 'height'] as const).some((k) => next[k] !== current[k]);
  if (moved) win.setBounds(next); // setBounds never focuses
}

/** Another program's window as its tool reports it, in Electron's DIPs (platform.ts). */
function toDip(rect: Rect, win: BrowserWindow): Rect {
  switch (dipConversion(process.platform)) {
    case 'none':
      return rect;
    case 'screen-to-dip':
      return screen.screenToDipRect(win, rect);
    case 'divide-by-scale':
      return physicalToDip(rect, screen.getPrimaryDisplay().scaleFactor);
  }
}

/**
 * Docks the window as the settings say: to an edge of the display it is on, or beside the
 * window whose title contains the chosen text (followed every 2 s while it moves; where it
 * cannot be found, the sidebar stays where it is). Returns the function that stops following.
 */
export function dock(win: BrowserWindow, settings: Settings): () => void {
  const { dockSide, dockWindowTitle } = settings.read();
  if (win.isDestroyed()) return () => undefined;
  if (dockSide !== 'window') {
    const display = screen.getDisplayMatching(win.getBounds());
    moveTo(win, dockedBounds(display.workArea, win.getBounds().width, dockSide));
    return () => undefined;
  }
  if (!dockWindowTitle) return () => undefined;
  let busy = false;
  const follow = async () => {
    if (busy || win.isDestroyed()) return;
    busy = true;
    try {
      const found = await findWindow(dockWindowTitle, process.platform);
      const target = found && toDip(found, win);
      if (target && !win.isDestroyed()) {
        const display = screen.getDisplayMatching(target);
        moveTo(win, besideWindow(target, display.workArea, win.getBounds().width));
      }
    } finally {
      busy = false;
    }
  };
  void follow();
  const timer = setInterval(() => void follow(), FOLLOW_INTERVAL_MS);
  return () => clearInterval(timer);
}

export function createSidebarWindow(
  settings: Settings,
  preloadPath: string,
  wayland = false,
): BrowserWindow {
  const win = new BrowserWindow({
    ...placement(settings.savedBounds(), edge(settings.read().dockSide)),
    minWidth: SIDEBAR_MIN_WIDTH,
    minHeight: SIDEBAR_MIN_HEIGHT,
    title: 'Sidecoach',
    show: false,
    alwaysOnTop: true,
    autoHideMenuBar: true,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      // No middle-click (auxclick) events, as Electronegativity asks: a middle click opens a
      // link by another path than a click. setWindowOpenHandler (hardening.ts) denies the
      // window either way; this takes the event away from pages.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  // 'floating' keeps it above ordinary windows (softphone, CRM) without covering system UI; on
  // macOS it shows over a full-screen CRM too (its own Space).
  const onTop = onTopOptions(process.platform);
  win.setAlwaysOnTop(true, onTop.level);
  if (onTop.allWorkspaces)
    win.setVisibleOnAllWorkspaces(true, { visibleOnFullScreen: onTop.visibleOnFullScreen });
  // showInactive: appearing must never move keyboard focus away from the call.
  win.once('ready-to-show', () => win.showInactive());

  let timer: NodeJS.Timeout | undefined;
  const save = () => {
    clearTimeout(timer);
    if (win.isDestroyed() || win.isMinimized() || win.isFullScreen()) return;
    const bounds = win.isMaximized() ? win.getNormalBounds() : win.getBounds();
    if (shouldSaveBounds(bounds, wayland)) settings.saveBounds(bounds);
  };
  const saveSoon = () => {
    clearTimeout(timer);
    timer = setTimeout(save, SAVE_DELAY_MS);
  };
  // 'moved'/'resized' exist on macOS and Windows only; Linux has 'move'/'resize' (debounced).
  for (const event of boundsEvents(process.platform)) win.on(event as 'move', saveSoon);
  win.on('close', save);

  // A screen unplugged or rearranged while running: re-dock if the window is now off-screen.
  const refit = () => {
    if (win.isDestroyed()) return;
    const current = win.getBounds();
    const next = placement(current, edge(settings.read().dockSide));
    const moved = (['x', 'y', 'width', 'height'] as const).some((k) => next[k] !== current[k]);
    if (moved) win.setBounds(next);
  };
  screen.on('display-removed', refit);
  screen.on('display-metrics-changed', refit);
  win.on('closed', () => {
    clearTimeout(timer);
    screen.off('display-removed', refit);
    screen.off('display-metrics-changed', refit);
  });

  win.loadURL(APP_ENTRY_URL).catch((err: unknown) => {
    console.error(`[sidecoach] could not load ${APP_ENTRY_URL}:`, err);
  });
  return win;
}
