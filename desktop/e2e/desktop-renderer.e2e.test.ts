// The renderer's desktop-only behaviour (settings panel, global hotkeys) in Chromium, with the
// bridge verbs injected by Playwright in place of Electron's IPC (see injectDesktopBridge).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEFAULT_HOTKEYS, DesktopSettingsSchema, type HotkeyAction } from '@sidecoach/shared';
import { startHub, type RunningHub } from '../../hub/test/support/hub-process.js';
import {
  checkedAtWidths,
  chromiumMissing,
  injectDesktopBridge,
  launchChromium,
  screenshot,
  sidebarPage,
  signInAs,
  type InjectedWindow,
} from './support/browser.js';

const missing = chromiumMissing();

describe.skipIf(missing)('desktop sidebar: settings and hotkeys', () => {
  let hub: RunningHub;
  let browser: Browser;
  let page: Page;
  const press = (action: HotkeyAction) =>
    page.evaluate((a) => (window as InjectedWindow).deliverHotkey?.(a), action);

  beforeAll(async () => {
    hub = await startHub({ demo: true });
    browser = await launchChromium();
    page = await sidebarPage(browser);
    await injectDesktopBridge(
      page,
      DesktopSettingsSchema.parse({ hubUrl: 'http://placeholder', language: null }),
    );
    await signInAs(page, hub.url, 'agent1');
    await page.getByRole('button', { name: 'Start call' }).waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await hub?.dispose();
  });

  it('edits dock side, softphone and hotkeys, and refuses a hotkey that is not one', async () => {
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('radio', { name: 'Left edge' }).check();
    await page.getByLabel('baresip softphone (ctrl_tcp address)').fill('127.0.0.1:4444');
    const tickNext = page.getByLabel('Tick the next checklist item');
    expect(await tickNext.inputValue()).toBe(DEFAULT_HOTKEYS.tickNext);
    await tickNext.fill('T');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toBe('A hotkey must be modifiers and one key, such as Ctrl+Shift+F9.');

    await tickNext.fill('Ctrl+Shift+1');
    await page.getByRole('radio', { name: 'Beside a window' }).check();
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toMatch(/part of the softphone window/);
    await page.getByLabel('Window title contains').fill('Zoiper');
    await tickNext.fill('Ctrl+Shift+1');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Settings saved.').waitFor();
    await screenshot(page, 'sidebar-settings');
    const saved = await page.evaluate(() => (window as InjectedWindow).savedSettings);
    expect(saved).toMatchObject({
      dockSide: 'window',
      dockWindowTitle: 'Zoiper',
      baresipAddress: '127.0.0.1:4444',
      hotkeys: { ...DEFAULT_HOTKEYS, tickNext: 'Ctrl+Shift+1' },
    });
    await page.getByRole('button', { name: 'Close' }).click();
  });

  it('warns under the hub address while it is plain http to another machine, and fits 360 px', async () => {
    await page.getByRole('button', { name: 'Settings' }).click();
    const address = page.getByLabel('Hub address');
    const warning = page.getByRole('note').filter({ hasText: 'Unencrypted connection' });
    expect(await warning.count()).toBe(0); // the hub on 127.0.0.1
    // Typed, not saved: nothing connects to these addresses.
    await address.fill('http://hub.example.com:4780');
    await warning.waitFor();
    expect(await warning.textContent()).toContain(
      'passwords and notes cross the network unencrypted',
    );
    expect(await address.getAttribute('aria-describedby')).toBe(await warning.getAttribute('id'));
    await checkedAtWidths(page, 'settings-plain-http', [360]);
    await address.fill('https://hub.example.com');
    await expect.poll(() => warning.count()).toBe(0);
    await address.fill('http://localhost:4780');
    await expect.poll(() => warning.count()).toBe(0);
    await page.getByRole('button', { name: 'Close' }).click();
  });

  it('warns on the sign-in screen, where the address is typed before signing in', async () => {
    const signedOut = await sidebarPage(browser, 'lv-LV');
    try {
      await injectDesktopBridge(
        signedOut,
        DesktopSettingsSchema.parse({ hubUrl: 'http://placeholder', language: null }),
      );
      await signedOut.goto(hub.url);
      const address = signedOut.getByLabel('Servera adrese');
      await address.waitFor();
      const warning = signedOut.getByRole('note');
      expect(await warning.count()).toBe(0);
      await address.fill('http://10.0.0.5:4780');
      await warning.waitFor();
      expect(await warning.textContent()).toContain('Nešifrēts savienojums');
      await checkedAtWidths(signedOut, 'sign-in-plain-http-lv', [360]);
    } finally {
      // Closed before the field loses the focus: the address is never saved or reached.
      await signedOut.context().close();
    }
  });

  it('saves a new hub address before signing in, and keeps the username across the reload', async () => {
    const signedOut = await sidebarPage(browser);
    try {
      await injectDesktopBridge(
        signedOut,
        DesktopSettingsSchema.parse({ hubUrl: 'http://placeholder', language: null }),
        0,
        { likeMain: true },
      );
      await signedOut.goto(hub.url);
      const signIns = () => hub.output.filter((l) => l.includes('"msg":"signed in"')).length;
      const before = signIns();
      // The agent types another hub's address and presses Enter in the password box at once.
      await signedOut.getByLabel('Hub address').fill('http://10.9.8.7:4780');
      await signedOut.getByLabel('Username').fill('agent2');
      const password = signedOut.getByLabel('Password');
      await password.fill('sidecoach-demo');
      await password.press('Enter');
      // Saved first (the page reloads for the new hub's policy); the username survives.
      await expect
        .poll(() => signedOut.evaluate(() => sessionStorage.getItem('test.desktop-settings')))
        .toContain('http://10.9.8.7:4780');
      await expect
        .poll(() => signedOut.getByLabel('Hub address').inputValue())
        .toBe('http://10.9.8.7:4780');
      await expect.poll(() => signedOut.getByLabel('Username').inputValue()).toBe('agent2');
      expect(await signedOut.getByLabel('Password').inputValue()).toBe('');
      // Nobody signed in to the hub on screen before the change.
      expect(signIns()).toBe(before);
    } finally {
      await signedOut.context().close();
    }
  });

  it('refuses an IPv6 hub address, saying why, in the sidebar’s language', async () => {
    const signedOut = await sidebarPage(browser, 'zh-TW');
    try {
      await injectDesktopBridge(
        signedOut,
        DesktopSettingsSchema.parse({ hubUrl: 'http://placeholder', language: null }),
      );
      await signedOut.goto(hub.url);
      const address = signedOut.getByLabel('伺服器位址');
      await address.fill('http://[::1]:4780');
      await address.blur();
      await expect
        .poll(() => signedOut.getByRole('alert').textContent())
        .toBe('伺服器位址不能是 IPv6 位址。請改用伺服器的主機名稱；本機請用 localhost。');
      await checkedAtWidths(signedOut, 'sign-in-ipv6-zh-TW', [360]);
    } finally {
      await signedOut.context().close();
    }
  });

  it('runs a call from the hotkeys: start, tick the next items, end, jump to the self-assessment', async () => {
    await press('toggleCall');
    await expect.poll(() => page.getByTestId('status').textContent()).toMatch(/^On call/);
    await press('tickNext');
    await expect.poll(() => page.getByText(/^1 of \d+ done$/).count()).toBe(1);
    await press('tickNext');
    await expect.poll(() => page.getByText(/^2 of \d+ done$/).count()).toBe(1);
    const firstTwo = page.getByRole('checkbox');
    expect([
      await firstTwo.nth(0).isChecked(),
      await firstTwo.nth(1).isChecked(),
      await firstTwo.nth(2).isChecked(),
    ]).toEqual([true, true, false]);
    await press('toggleCall');
    await page.getByRole('heading', { name: 'How did that call go?' }).waitFor();
    await press('openAssessment');
    await expect
      .poll(() =>
        page.evaluate(
          () =>
            document.activeElement?.closest('.assessment') !== null &&
            document.activeElement?.tagName === 'INPUT',
        ),
      )
      .toBe(true);
  });

  it('says so when the desktop host fails to start the sidebar, and starts on "Try again"', async () => {
    const broken = await sidebarPage(browser);
    try {
      await injectDesktopBridge(
        broken,
        DesktopSettingsSchema.parse({ hubUrl: 'http://placeholder', language: null }),
        1,
      );
      await broken.goto(hub.url);
      const alert = broken.getByRole('alert');
      await expect.poll(() => alert.textContent()).toContain('Sidecoach could not start');
      expect(await alert.textContent()).toContain('the desktop host did not answer');
      await screenshot(broken, 'desktop-startup-error');
      await broken.getByRole('button', { name: 'Try again' }).click();
      await broken.getByRole('button', { name: 'Sign in' }).waitFor();
    } finally {
      await broken.context().close();
    }
  });
});
