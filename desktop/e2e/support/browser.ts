// Debian's Chromium driven by playwright-core (no browser download: the system binary).
import { chromium, type Browser, type Page, type WebSocket } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import {
  startHub,
  type HubOptions,
  type RunningHub,
} from '../../../hub/test/support/hub-process.js';
import type {
  CallControl,
  CallEvent,
  DesktopSettings,
  HotkeyAction,
  SidecoachBridge,
} from '@sidecoach/shared';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CHROMIUM = '/usr/bin/chromium';
/** Where screenshots go: SIDECOACH_SCREENSHOT_DIR when set (to look at one run's), else here. */
export const SCREENSHOT_DIR =
  process.env.SIDECOACH_SCREENSHOT_DIR ??
  join(dirname(fileURLToPath(import.meta.url)), '../../../test-results/screenshots');

export function chromiumMissing(): string | undefined {
  return existsSync(CHROMIUM) ? undefined : `no Chromium at ${CHROMIUM} (apt-get install chromium)`;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/** A page the size of the docked sidebar. */
export async function sidebarPage(browser: Browser, locale = 'en-US'): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 360, height: 900 }, locale });
  return context.newPage();
}

/** A sidebar page signed in as someone (the sign-in submitted; wait for what it shows next). */
export async function signedInPage(
  browser: Browser,
  url: string,
  username: string,
  locale?: string,
): Promise<Page> {
  const page = await sidebarPage(browser, locale);
  await signInAs(page, url, username);
  return page;
}

/** A table's body rows, each its cells' texts joined by " | " (whatever the layout shows). */
export const tableRows = (page: Page, testId: string) =>
  page
    .getByTestId(testId)
    .locator('tbody tr')
    .evaluateAll((rows: HTMLTableRowElement[]) =>
      rows.map((r) =>
        Array.from(r.cells, (c: HTMLTableCellElement) => (c.textContent ?? '').trim()).join(' | '),
      ),
    );

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** The tablet supervisors and leads carry on the floor. */
export const TABLET = { width: 820, height: 1180 };

/** A full-page screenshot from the top (the header is sticky: scrolled, it would sit mid-page). */
export async function screenshotFromTop(page: Page, name: string): Promise<string> {
  await page.evaluate(() => window.scrollTo(0, 0));
  return screenshot(page, name);
}

/** The same at the tablet's width, then back to the page's own size. */
export async function tabletScreenshot(page: Page, name: string): Promise<string> {
  const before = page.viewportSize();
  await page.setViewportSize(TABLET);
  const path = await screenshotFromTop(page, name);
  if (before) await page.setViewportSize(before);
  return path;
}

/**
 * Resolves with the first frame from the hub on the page's sockets that matches (its answer to
 * a request, say), bounded: for what the page is told without showing it. Call it before the
 * page connects.
 */
export function frameFromHub(
  page: Page,
  match: (payload: string) => boolean,
  timeoutMs = 15_000,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const sockets: WebSocket[] = [];
    const onFrame = ({ payload }: { payload: string | Buffer }) => {
      const text = typeof payload === 'string' ? payload : payload.toString('utf8');
      if (!match(text)) return;
      done();
      resolve(text);
    };
    const onSocket = (ws: WebSocket) => {
      sockets.push(ws);
      ws.on('framereceived', onFrame);
    };
    const done = () => {
      clearTimeout(timer);
      page.off('websocket', onSocket);
      for (const ws of sockets) ws.off('framereceived', onFrame);
    };
    const timer = setTimeout(() => {
      done();
      reject(new Error(`no matching frame from the hub within ${timeoutMs} ms`));
    }, timeoutMs);
    page.on('websocket', onSocket);
  });
}

export async function signInAs(
  page: Page,
  url: string,
  username: string,
  password = 'sidecoach-demo',
) {
  await page.goto(url);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Signs in on a page whose browser speaks Simplified Chinese (the form's labels are too). */
export async function signInAsInChinese(page: Page, url: string, username: string) {
  await page.goto(url);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill('sidecoach-demo');
  await page.getByRole('button', { name: '登录' }).click();
}

/** What the page gets from `injectDesktopBridge`, besides the bridge itself. */
export type InjectedWindow = Window & {
  sidecoach?: SidecoachBridge;
  deliverCallEvent?: (e: CallEvent) => void;
  deliverHotkey?: (a: HotkeyAction) => void;
  savedSettings?: DesktopSettings;
  /** Set by a test with page.exposeFunction to carry call controls to a softphone. */
  sidecoachControl?: (action: CallControl) => Promise<void>;
  /** How many more times the host fails to give the settings (a desktop app that broke). */
  settingsFailures?: number;
};

/**
 * Gives the page the desktop bridge verbs (settings, call events, hotkeys) with Playwright as
 * the transport instead of Electron's IPC, so the renderer's desktop behaviour runs in Chromium.
 * The Electron end-to-end test covers the real preload and IPC where a binary exists.
 */
export async function injectDesktopBridge(
  page: Page,
  defaults: DesktopSettings,
  settingsFailures = 0,
  /**
   * As Electron's main process does (ipc-handlers.ts): settings kept across loads of the page,
   * and a changed hub address reloads it 100 ms after the answer.
   */
  { likeMain = false }: { likeMain?: boolean } = {},
): Promise<void> {
  await page.addInitScript(
    ({
      initial,
      failures,
      persist,
    }: {
      initial: DesktopSettings;
      failures: number;
      persist: boolean;
    }) => {
      const w = window as InjectedWindow;
      w.settingsFailures = failures;
      const calls = new Set<(e: CallEvent) => void>();
      const keys = new Set<(a: HotkeyAction) => void>();
      const KEPT = 'test.desktop-settings';
      const kept = persist ? sessionStorage.getItem(KEPT) : null;
      let settings: DesktopSettings = kept
        ? (JSON.parse(kept) as DesktopSettings)
        : { ...initial, hubUrl: location.origin };
      const subscribe = <T>(set: Set<T>, listener: T) => {
        set.add(listener);
        return () => void set.delete(listener);
      };
      w.sidecoach = {
        host: 'electron',
        getSettings: () => {
          if (!w.settingsFailures) return Promise.resolve(settings);
          w.settingsFailures--;
          return Promise.reject(new Error('the desktop host did not answer'));
        },
        updateSettings: (patch) => {
          const before = settings.hubUrl;
          settings = { ...settings, ...patch };
          w.savedSettings = settings;
          if (persist) {
            sessionStorage.setItem(KEPT, JSON.stringify(settings));
            if (settings.hubUrl !== before) setTimeout(() => location.reload(), 100);
          }
          return Promise.resolve(settings);
        },
        getVersion: () => Promise.resolve('test'),
        controlCall: (action) =>
          w.sidecoachControl
            ? w.sidecoachControl(action)
            : Promise.reject(new Error('no softphone to control')),
        onCallEvent: (listener) => subscribe(calls, listener),
        onHotkey: (listener) => subscribe(keys, listener),
      };
      w.deliverCallEvent = (e) => calls.forEach((l) => l(e));
      w.deliverHotkey = (a) => keys.forEach((l) => l(a));
    },
    { initial: defaults, failures: settingsFailures, persist: likeMain },
  );
}

/** The agent starts a call of a type from the sidebar (the checklist then shows). */
export async function startCall(page: Page, callType: string) {
  await expect.poll(() => page.getByTestId('status').textContent()).toBe('Available');
  await page.getByLabel('Call type').selectOption({ label: callType });
  await page.getByRole('button', { name: 'Start call' }).click();
  await page.getByRole('group', { name: 'Process' }).waitFor();
}

/**
 * axe-core's accessibility rules (WCAG 2.x A and AA) over what the page shows now: the serious
 * and critical violations, each as "rule: the first elements it names", so a test can expect none.
 */
export async function seriousA11yProblems(page: Page): Promise<string[]> {
  const source = readFileSync(
    createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
    'utf8',
  );
  // Evaluated through the DevTools protocol: the page's own CSP (script-src 'self') stays as is.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(source);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (...a: unknown[]) => Promise<{
            violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[];
          }>;
        };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id}: ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(', ')}`,
    );
}

/** The widths people use: the docked sidebar, a tablet or laptop, a desk screen. */
export const WIDTHS = [360, 1024, 1280] as const;

/**
 * What the page shows now, at each width: nothing sticks out sideways (no horizontal scroll;
 * wide tables scroll inside their own box), a screenshot from the top to look at, and axe-core
 * finds no serious or critical violation. The page gets its own size back after.
 */
export async function checkedAtWidths(
  page: Page,
  name: string,
  widths: readonly number[] = WIDTHS,
) {
  const before = page.viewportSize();
  for (const width of widths) {
    await page.setViewportSize({ width, height: before?.height ?? 900 });
    // Two frames: what follows a resize (a chart redrawn at its box's new width) has painted.
    await page.evaluate(
      () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
    );
    const wide = await page.evaluate((w) => {
      if (document.documentElement.scrollWidth <= w) return [];
      // The innermost elements past the right edge: what to fix.
      return Array.from(document.querySelectorAll<HTMLElement>('body *'))
        .filter((el) => el.getBoundingClientRect().right > w + 1)
        .filter(
          (el) => !Array.from(el.children).some((c) => c.getBoundingClientRect().right > w + 1),
        )
        .slice(0, 3)
        .map(
          (el) =>
            `${el.tagName.toLowerCase()}.${Array.from(el.classList).join('.')} "${(el.textContent ?? '').slice(0, 40)}" to ${Math.round(el.getBoundingClientRect().right)} px`,
        );
    }, width);
    expect(wide, `${name} at ${width} px scrolls sideways`).toEqual([]);
    await screenshotFromTop(page, `${name}-${width}`);
    expect(await seriousA11yProblems(page), `${name} at ${width} px`).toEqual([]);
  }
  if (before) await page.setViewportSize(before);
}

/** The sidebar's 360 px and a desk's 1280 px. */
export const SIDEBAR_AND_DESK = [360, 1280] as const;

/** `checkedAtWidths` at the sidebar's and a desk's width, then back to the sidebar's 360 × 900. */
export async function checkedAtSidebarAndDesk(page: Page, name: string) {
  await checkedAtWidths(page, name, SIDEBAR_AND_DESK);
  await page.setViewportSize({ width: 360, height: 900 });
}

/**
 * A hub with the demo and a Chromium for the tests of a describe block: started before them
 * (`setup` runs on the hub first), both stopped after. A test that restarts the hub puts the new
 * one in `hub`. `options` add to the hub's (the demo's history, say).
 */
export function demoHubAndBrowser(
  setup?: (hub: RunningHub) => Promise<void>,
  options: Omit<HubOptions, 'demo'> = {},
) {
  const parts = {} as { hub: RunningHub; browser: Browser };
  beforeAll(async () => {
    parts.hub = await startHub({ ...options, demo: true });
    await setup?.(parts.hub);
    parts.browser = await launchChromium();
  });
  afterAll(async () => {
    await parts.browser?.close();
    await parts.hub?.dispose();
  });
  return parts;
}
