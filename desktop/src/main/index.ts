// Electron main process: wiring only. The decisions live in plain modules beside this file.
import {
  app,
  type BrowserWindow,
  globalShortcut,
  ipcMain,
  Menu,
  protocol,
  session,
  shell,
} from 'electron';
import Store from 'electron-store';
import { join, resolve } from 'node:path';
import { serveAppRequest } from './app-protocol.js';
import { cspCache } from './csp.js';
import { hardenWebContents, installPermissionHandlers } from './hardening.js';
import { registerIpcHandlers } from './ipc-handlers.js';
import { applicationMenuTemplate } from './menu.js';
import {
  createSettings,
  hubUrlFromEnv,
  settingsDefaults,
  type StoredSettings,
} from './settings.js';
import { APP_SCHEME } from './trusted-url.js';
import { createSidebarWindow, dock } from './window.js';
import { registerHotkeys } from './hotkeys.js';
import { signInThroughBrowser } from './sso-loopback.js';
import { startCallSources } from './softphone/sources.js';
import { pendingSources, startSourcesInBackground } from './softphone/pending-sources.js';
import { displayServerSwitches, hotkeyFocus } from './platform.js';
import { commandToEvent } from './softphone/command-endpoint.js';
import {
  appArguments,
  callArguments,
  runAppCommand,
  secondInstanceRequest,
} from './command-line.js';
import {
  IPC_EVENTS,
  type CallEvent,
  type DesktopSettings,
  type HotkeyAction,
} from '@sidecoach/shared';

// esbuild bundles this file to dist/main/index.cjs (CommonJS), so __dirname is dist/main.
const RENDERER_DIR = join(__dirname, '../renderer');
const PRELOAD = join(__dirname, '../preload/index.cjs');

// Before 'ready': standard gives app://sidecoach a real origin (storage, relative URLs, the
// Origin header the hub checks), secure makes it a secure context, supportFetchAPI lets the page
// fetch its own files. Not corsEnabled: no other origin may read app:// resources.
protocol.registerSchemesAsPrivileged([
  {
    scheme: APP_SCHEME,
    privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
  },
]);

// Every renderer sandboxed, including any a future change forgets to configure.
app.enableSandbox();
// Linux: X11 (XWayland) unless Wayland is asked for, where docking cannot work (platform.ts).
const display = displayServerSwitches(process.platform, process.env);
for (const [name, value] of display.switches) app.commandLine.appendSwitch(name, value);
app.setName('Sidecoach');
// SIDECOACH_USER_DATA_DIR gives tests (and a second profile) their own settings and lock.
const userData = process.env.SIDECOACH_USER_DATA_DIR;
app.setPath('userData', userData ? resolve(userData) : join(app.getPath('appData'), 'Sidecoach'));

// `Sidecoach call answer --id ...` from a softphone hook: a second instance that hands the
// command to the running sidebar and exits with the command line's code, never a window.
const callWords = callArguments(appArguments(process.argv, process.defaultApp === true));
if (callWords !== null) {
  app.dock?.hide();
  void runAppCommand(callWords, {
    userDataDir: app.getPath('userData'),
    requestSingleInstanceLock: (data) => app.requestSingleInstanceLock(data),
  })
    .then(({ code, message }) => {
      if (message) (code === 0 ? process.stdout : process.stderr).write(`${message}\n`);
      app.exit(code);
    })
    .catch((err: unknown) => {
      console.error('[sidecoach] call command failed:', err);
      app.exit(1);
    });
} else if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  start();
}

function start() {
  const fromEnv = hubUrlFromEnv(process.env);
  if (fromEnv.warning) console.warn(`[sidecoach] ${fromEnv.warning}`);
  const store = new Store<StoredSettings>({
    name: 'settings',
    defaults: settingsDefaults(process.env),
    // A damaged settings file resets to defaults instead of keeping the sidebar from starting.
    clearInvalidConfig: true,
  });
  if (fromEnv.hubUrl) store.set('hubUrl', fromEnv.hubUrl);
  const settings = createSettings(store);
  let win: BrowserWindow | null = null;

  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, (url) => shell.openExternal(url));
  });
  /** A call event from a softphone, to the sidebar; ringing or answered bring it into view. */
  const sendCallEvent = (event: CallEvent) => {
    if (win === null || win.isDestroyed()) return;
    win.webContents.send(IPC_EVENTS.callEvent, event);
    // Never into focus: the agent keeps typing in the softphone or CRM.
    if ((event.kind === 'ringing' || event.kind === 'answered') && !win.isVisible()) {
      win.showInactive();
    }
  };
  app.on('second-instance', (_event, argv, _workingDirectory, additionalData) => {
    const wanted = secondInstanceRequest(argv, additionalData, process.defaultApp === true);
    // A `call ...` command whose instance found no endpoint to post to.
    if (wanted.kind === 'call') return sendCallEvent(commandToEvent(wanted.request, new Date()));
    if (wanted.kind === 'invalid')
      return console.warn(`[sidecoach] call refused: ${wanted.reason}`);
    // Launched again by the agent: bring the existing sidebar back instead of a second one.
    if (win === null || win.isDestroyed()) return;
    if (win.isMinimized()) win.restore();
    win.show();
  });
  app.on('window-all-closed', () => app.quit());
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => app.quit());

  app
    .whenReady()
    .then(() => {
      installPermissionHandlers(session.defaultSession);
      // The policy for the hub in the settings, rebuilt when that changes (before the reload).
      const csp = cspCache(settings.read().hubUrl);
      protocol.handle(APP_SCHEME, (request) =>
        serveAppRequest(request, RENDERER_DIR, csp.current()),
      );
      const template = applicationMenuTemplate(process.platform);
      Menu.setApplicationMenu(template ? Menu.buildFromTemplate(template) : null);
      const log = (message: string) => console.log(`[sidecoach] ${message}`);
      // The IPC handlers first: the window's first call is for the settings, and softphone
      // connections may take seconds to start (a call control before then says so).
      const sources = pendingSources(settings.read().baresipAddress);
      let stopDocking: () => void = () => undefined;
      app.once('will-quit', () => stopDocking());

      // Hotkeys work while the softphone has the focus; "open the self-assessment" is the one
      // that brings the sidebar forward, because the agent asked for it.
      const bindHotkeys = (hotkeys: Record<HotkeyAction, string>) =>
        registerHotkeys(globalShortcut, hotkeys, (action) => {
          if (!win || win.isDestroyed()) return;
          const focus = hotkeyFocus(action, process.platform);
          // macOS: showing a window does not activate its app; the keys would stay with the
          // softphone. Activate the app for this one hotkey.
          if (focus === 'activate-app') app.focus({ steal: true });
          if (focus !== 'none') {
            win.show();
            win.focus();
          }
          win.webContents.send(IPC_EVENTS.hotkey, action);
        });
      let hotkeys = bindHotkeys(settings.read().hotkeys);
      if (hotkeys.failed.length > 0)
        log(`hotkeys taken by another program: ${hotkeys.failed.join(', ')}`);
      app.once('will-quit', () => hotkeys.unregister());

      const onSettingsChange = (before: DesktopSettings, after: DesktopSettings) => {
        csp.hubUrlChanged(after.hubUrl);
        if (
          win &&
          (before.dockSide !== after.dockSide || before.dockWindowTitle !== after.dockWindowTitle)
        ) {
          stopDocking();
          stopDocking = dock(win, settings);
        }
        if (JSON.stringify(before.hotkeys) !== JSON.stringify(after.hotkeys)) {
          hotkeys.unregister();
          hotkeys = bindHotkeys(after.hotkeys);
          if (hotkeys.failed.length > 0)
            log(`hotkeys taken by another program: ${hotkeys.failed.join(', ')}`);
        }
        if (before.baresipAddress !== after.baresipAddress)
          sources.useBaresip(after.baresipAddress);
      };
      registerIpcHandlers(
        ipcMain,
        settings,
        app.getVersion(),
        onSettingsChange,
        (action) => sources.control(action),
        // The provider's page in the system browser (RFC 8252), never in a window of ours;
        // the sidebar comes forward again when the browser has answered.
        (request) =>
          signInThroughBrowser({
            ...request,
            hubUrl: settings.read().hubUrl,
            openExternal: (url) => shell.openExternal(url),
          }).finally(() => {
            if (win && !win.isDestroyed()) win.show();
          }),
      );

      const sidebar = createSidebarWindow(settings, PRELOAD, display.wayland);
      win = sidebar;
      if (settings.read().dockSide === 'window') stopDocking = dock(sidebar, settings);

      // After the window: an optional feature that cannot start (its endpoint file not
      // writable, say) is logged and said at the next call control; the sidebar keeps running.
      void startSourcesInBackground(
        () =>
          startCallSources({
            userDataDir: app.getPath('userData'),
            baresip: settings.read().baresipAddress,
            log,
            send: sendCallEvent,
          }),
        sources,
        log,
      ).then((started) => {
        if (started) app.once('will-quit', () => void started.stop());
      });
    })
    .catch((err: unknown) => {
      console.error('[sidecoach] could not start:', err);
      app.exit(1);
    });
}
