// The sidebar window: narrow, always on top, docked right, shown without taking focus from the
// softphone. Placement rules live in window-bounds.ts; this file only talks to Electron.
import { BrowserWindow, screen } from 'electron';
import { APP_ENTRY_URL } from './trusted-url.js';
import type { Settings } from './settings.js';
import {
  SIDEBAR_MIN_HEIGHT,
  SIDEBAR_MIN_WIDTH,
  dockedBounds,
  restoreBounds,
  type Rect,
} from './window-bounds.js';

const SAVE_DELAY_MS = 500;

function placement(saved: unknown, side: 'left' | 'right'): Rect {
  return restoreBounds(saved, screen.getAllDisplays(), screen.getPrimaryDisplay(), side);
}

/** Docks the window to an edge of the display it is on (after the agent picks a side). */
export function redock(win: BrowserWindow, side: 'left' | 'right'): void {
  if (win.isDestroyed()) return;
  const display = screen.getDisplayMatching(win.getBounds());
  win.setBounds(dockedBounds(display.workArea, win.getBounds().width, side));
}

export function createSidebarWindow(settings: Settings, preloadPath: string): BrowserWindow {
  const win = new BrowserWindow({
    ...placement(settings.savedBounds(), settings.read().dockSide),
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
    },
  });
  // 'floating' keeps it above ordinary windows (softphone, CRM) without covering system UI.
  win.setAlwaysOnTop(true, 'floating');
  // showInactive: appearing must never move keyboard focus away from the call.
  win.once('ready-to-show', () => win.showInactive());

  let timer: NodeJS.Timeout | undefined;
  const save = () => {
    clearTimeout(timer);
    if (win.isDestroyed() || win.isMinimized() || win.isFullScreen()) return;
    settings.saveBounds(win.isMaximized() ? win.getNormalBounds() : win.getBounds());
  };
  const saveSoon = () => {
    clearTimeout(timer);
    timer = setTimeout(save, SAVE_DELAY_MS);
  };
  win.on('moved', saveSoon);
  win.on('resized', saveSoon);
  win.on('close', save);

  // A screen unplugged or rearranged while running: re-dock if the window is now off-screen.
  const refit = () => {
    if (win.isDestroyed()) return;
    const current = win.getBounds();
    const next = placement(current, settings.read().dockSide);
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
