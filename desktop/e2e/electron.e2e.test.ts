// The real Electron sidebar against a real hub. Runs where an Electron binary exists (and a
// display, or Xvfb to make one); elsewhere it is skipped with the reason printed.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElectronApplication, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SidecoachBridge } from '@sidecoach/shared';
import {
  DEMO_PASSWORD,
  callsOf,
  startHub,
  type RunningHub,
} from '../../hub/test/support/hub-process.js';
import { electronSandboxArgs } from '../../scripts/electron-detect.mjs';
import {
  DESKTOP_DIR,
  electronSetup,
  launchSidebar,
  startXvfb,
  type VirtualDisplay,
} from './support/electron.js';

const setup = electronSetup();
const skipReason = 'skip' in setup ? setup.skip : null;
if (skipReason !== null) console.log(`[electron e2e] skipped: ${skipReason}`);

/** What the page sees of the preload, typed for page.evaluate callbacks. */
type SidebarWindow = Window & { sidecoach?: SidecoachBridge };

describe.skipIf(skipReason !== null)('Electron sidebar', () => {
  let hub: RunningHub;
  let xvfb: VirtualDisplay | null = null;
  let userDataDir: string;
  let app: ElectronApplication;
  let page: Page;

  beforeAll(async () => {
    if ('skip' in setup) return;
    hub = await startHub({ demo: true });
    if (setup.xvfb !== null) xvfb = await startXvfb(setup.xvfb);
    userDataDir = await mkdtemp(join(tmpdir(), 'sidecoach-electron-'));
    app = await launchSidebar({
      binary: setup.binary,
      hubUrl: hub.url,
      userDataDir,
      ...(xvfb ? { display: xvfb.display } : {}),
    });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });

  afterAll(async () => {
    await app?.close();
    await xvfb?.stop();
    await hub?.dispose();
    if (userDataDir) await rm(userDataDir, { recursive: true, force: true });
  });

  it('is a 360 px always-on-top window docked to the right of the work area', async () => {
    // Shown (inactive) once the first paint is ready, which may trail domcontentloaded.
    await expect
      .poll(() =>
        app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.isVisible()),
      )
      .toBe(true);
    const state = await app.evaluate(({ BrowserWindow, screen }) => {
      const [win] = BrowserWindow.getAllWindows();
      if (!win) throw new Error('no window');
      return {
        count: BrowserWindow.getAllWindows().length,
        bounds: win.getBounds(),
        workArea: screen.getPrimaryDisplay().workArea,
        onTop: win.isAlwaysOnTop(),
      };
    });
    expect(state.count).toBe(1);
    expect(state.bounds.width).toBe(360);
    expect(state.bounds.x + state.bounds.width).toBe(state.workArea.x + state.workArea.width);
    expect(state.bounds.height).toBe(state.workArea.height);
    expect(state.onTop).toBe(true);
  });

  it('loads from app://sidecoach with a CSP that names the hub', async () => {
    expect(page.url()).toBe('app://sidecoach/index.html');
    const csp = await page.evaluate(async () => {
      const res = await fetch('/index.html');
      return res.headers.get('content-security-policy');
    });
    const hubWs = hub.url.replace(/^http/, 'ws');
    expect(csp).toContain(`connect-src 'self' ${hub.url} ${hubWs};`);
    expect(csp).toContain("script-src 'self';");
  });

  it('gives the page the bridge and nothing of Node or Electron', async () => {
    const seen = await page.evaluate(async () => {
      const w = window as SidebarWindow & { require?: unknown; process?: unknown };
      const bridge = w.sidecoach;
      let refusal = '';
      try {
        // A patch the shared schema refuses: the main process must reject it.
        await bridge?.updateSettings({ hubUrl: 'file:///etc/passwd' });
      } catch (err) {
        refusal = err instanceof Error ? err.message : String(err);
      }
      return {
        host: bridge?.host,
        keys: Object.keys(bridge ?? {}).sort(),
        settings: await bridge?.getSettings(),
        version: await bridge?.getVersion(),
        require: typeof w.require,
        process: typeof w.process,
        refusal,
      };
    });
    expect(seen.host).toBe('electron');
    expect(seen.keys).toEqual([
      'controlCall',
      'getSettings',
      'getVersion',
      'host',
      'onCallEvent',
      'onHotkey',
      'signInWithBrowser',
      'updateSettings',
    ]);
    expect(seen.settings?.hubUrl).toBe(hub.url);
    expect(seen.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(seen.require).toBe('undefined');
    expect(seen.process).toBe('undefined');
    expect(seen.refusal).toContain('settings:update: invalid argument: hubUrl');
  });

  it('refuses new windows and navigation away from the app', async () => {
    const opened = await page.evaluate(() => window.open('about:blank') === null);
    expect(opened).toBe(true);
    // The main process says so when it refuses (will-navigate): the navigation is cancelled then.
    const refused = app.waitForEvent('console', {
      predicate: (m) => m.text().includes('navigation refused: https://example.invalid/'),
      timeout: 10_000,
    });
    await page.evaluate(() => {
      window.location.href = 'https://example.invalid/';
    });
    await refused;
    expect(page.url()).toBe('app://sidecoach/index.html');
    expect(app.windows()).toHaveLength(1);
  });

  it('lets agent1 sign in, run a call, self-assess it and see it in the list', async () => {
    expect(await page.getByLabel('Hub address').inputValue()).toBe(hub.url);
    await page.getByLabel('Username').fill('agent1');
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const status = () => page.getByTestId('status').textContent();
    await expect.poll(status).toBe('Available');

    await page.getByLabel('Call type').selectOption({ label: 'Complaint' });
    await page.getByRole('button', { name: 'Start call' }).click();
    await expect.poll(status).toMatch(/^On call/);
    const greeting = page.getByRole('checkbox', {
      name: 'Greets with own name and the company name',
    });
    await greeting.click();
    await expect.poll(() => greeting.isChecked()).toBe(true);
    await page.getByRole('button', { name: 'End call' }).click();

    await page.getByRole('heading', { name: 'How did that call go?' }).waitFor();
    const groups = page.getByRole('radiogroup');
    for (let i = 0; i < (await groups.count()); i++) {
      const group = groups.nth(i);
      if ((await group.getByRole('radio', { checked: true }).count()) === 0) {
        await group.getByText('Yes', { exact: true }).click();
      }
    }
    await page.getByRole('button', { name: 'Save self-assessment' }).click();

    const row = page.getByTestId('recent-call').first();
    await expect.poll(() => row.textContent()).toMatch(/Complaint.*\d+%/);
    await expect.poll(() => page.getByTestId('sync').textContent()).toBe('All changes saved');
    expect(await status()).toBe('Available');

    // What the sidebar showed is what the hub stored.
    const calls = await callsOf(hub.url, 'agent1');
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({
      callType: 'complaint',
      ticked: ['proc-greeting'],
      assessment: { status: 'submitted' },
    });
  });

  it('follows a command-hook softphone through the real IPC', async () => {
    const cli = (...args: string[]) =>
      new Promise<number>((resolve) => {
        execFile(
          process.execPath,
          [join(DESKTOP_DIR, 'dist/cli/sidecoach.cjs'), 'call', ...args],
          { env: { ...process.env, SIDECOACH_USER_DATA_DIR: userDataDir }, timeout: 10_000 },
          (err) => resolve(err ? Number(err.code ?? 1) : 0),
        );
      });
    expect(await cli('start', '--id', 'e2e-cli-1', '--from', '555 0100')).toBe(0);
    await page.getByText('Incoming call from 555 0100').waitFor();
    expect(await cli('answer', '--id', 'e2e-cli-1')).toBe(0);
    await page.getByRole('group', { name: 'Process' }).waitFor();
    expect(await cli('end', '--id', 'e2e-cli-1')).toBe(0);
    await page.getByRole('heading', { name: 'How did that call go?' }).waitFor();
    await page.getByRole('button', { name: 'Skip' }).click();
    await expect.poll(() => page.getByTestId('sync').textContent()).toBe('All changes saved');
    const calls = await callsOf(hub.url, 'agent1');
    expect(calls.find((c) => c.externalId === 'e2e-cli-1')).toMatchObject({ source: 'command' });
  });

  it('takes `call …` on the app’s own executable and hands it to the running sidebar', async () => {
    if ('skip' in setup) return;
    // What softphone hooks run where the app is installed (no Node there): a second instance.
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      SIDECOACH_USER_DATA_DIR: userDataDir,
      ...(xvfb ? { DISPLAY: xvfb.display } : {}),
    };
    delete env.ELECTRON_RUN_AS_NODE;
    const second = (...args: string[]) =>
      new Promise<{ code: number; stderr: string }>((resolve) => {
        execFile(
          setup.binary,
          [
            ...electronSandboxArgs(process.platform, process.getuid?.()),
            DESKTOP_DIR,
            'call',
            ...args,
          ],
          { env, timeout: 30_000 },
          (err, _stdout, stderr) => resolve({ code: err ? Number(err.code ?? 1) : 0, stderr }),
        );
      });
    expect(await second('start', '--id', 'e2e-app-1', '--from', '555 0101')).toMatchObject({
      code: 0,
    });
    await page.getByText('Incoming call from 555 0101').waitFor();
    expect((await second('answer', '--id', 'e2e-app-1')).code).toBe(0);
    await page.getByRole('group', { name: 'Process' }).waitFor();
    const wrong = await second('transfer', '--id', 'e2e-app-1');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/unknown call command "transfer"/);
    expect((await second('end', '--id', 'e2e-app-1')).code).toBe(0);
    await page.getByRole('heading', { name: 'How did that call go?' }).waitFor();
    await page.getByRole('button', { name: 'Skip' }).click();
    expect(app.windows()).toHaveLength(1);
  });

  it('docks to the left edge when the agent picks it', async () => {
    await page.evaluate(() =>
      (window as SidebarWindow).sidecoach?.updateSettings({ dockSide: 'left' }),
    );
    await expect
      .poll(() =>
        app.evaluate(({ BrowserWindow, screen }) => {
          const [win] = BrowserWindow.getAllWindows();
          return win
            ? win.getBounds().x - screen.getDisplayMatching(win.getBounds()).workArea.x
            : null;
        }),
      )
      .toBe(0);
  });
});
