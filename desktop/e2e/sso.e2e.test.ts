// Single sign-on in real headless Chromium: a real hub (passwords off, SSO on) serving the built
// web sidebar, a real OpenID provider on loopback (oidc-provider) with its login page.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DesktopSettingsSchema, type BrowserSignInRequest } from '@sidecoach/shared';
import type { Session } from '../src/renderer/hub/session-store.js';
import { signInThroughBrowser } from '../src/main/sso-loopback.js';
import { withHubDatabase } from '../../hub/test/support/database.js';
import { startHub, type RunningHub } from '../../hub/test/support/hub-process.js';
import { providerForHub, type TestProvider } from '../../hub/test/support/oidc.js';
import {
  checkedAtWidths,
  chromiumMissing,
  injectDesktopBridge,
  launchChromium,
  sidebarPage,
  type InjectedWindow,
} from './support/browser.js';

const missing = chromiumMissing();
if (missing) console.warn(`[skip] single sign-on end-to-end tests: ${missing}`);

const session = (page: Page) =>
  page.evaluate(() => JSON.parse(localStorage.getItem('sidecoach.session') ?? 'null') as Session);

describe.skipIf(missing)('single sign-on in the web sidebar', () => {
  let hub: RunningHub;
  let provider: TestProvider;
  let browser: Browser;
  const dir = mkdtempSync(join(tmpdir(), 'sidecoach-sso-e2e-'));

  beforeAll(async () => {
    writeFileSync(
      join(dir, 'groups.json'),
      JSON.stringify({
        groups: {
          'sidecoach-leads': { role: 'lead', teams: ['team-demo'] },
          agents: { role: 'agent', teams: ['team-night'] },
        },
      }),
    );
    let port: number;
    let hubArgs: string[];
    ({ provider, port, hubArgs } = await providerForHub({
      accounts: [
        {
          sub: 'liga',
          preferred_username: 'liga.berzina',
          name: 'Līga Bērziņa',
          groups: ['sidecoach-leads'],
        },
        { sub: 'wang', preferred_username: 'wang.fang', name: '王芳', groups: ['agents'] },
        { sub: 'agent3', preferred_username: 'agent3' },
      ],
      dir,
      label: 'Centre SSO',
      scopes: 'openid profile groups',
      groupMapFile: join(dir, 'groups.json'),
    }));
    hub = await startHub({ demo: true, port, database: 'sqlite', extraArgs: hubArgs });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await hub?.dispose();
    await provider?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('signs in at the provider and comes back signed in with the mapped role', async () => {
    const page = await sidebarPage(browser);
    await page.goto(hub.url);
    const button = page.getByRole('button', { name: 'Sign in with Centre SSO' });
    await button.waitFor();
    // Passwords are off: the form is behind the break-glass link.
    expect(await page.getByLabel('Password').count()).toBe(0);
    await checkedAtWidths(page, 'sso-sign-in');
    await page.getByRole('button', { name: 'Break-glass admin sign-in' }).click();
    await page.getByLabel('Password').waitFor();
    await checkedAtWidths(page, 'sso-break-glass');
    await page.getByRole('button', { name: 'Hide the password form' }).click();

    await button.click();
    await page.getByRole('heading', { name: 'Test identity provider' }).waitFor();
    expect(new URL(page.url()).origin).toBe(provider.issuer);
    await page.getByLabel('Account').fill('liga');
    await page.getByRole('button', { name: 'Continue' }).click();

    await page.waitForURL(`${hub.url}/`);
    await expect.poll(() => page.locator('.who').textContent()).toBe('Līga Bērziņa');
    const signed = await session(page);
    expect(signed.user).toMatchObject({ username: 'liga.berzina', role: 'lead' });
    expect(signed.user.teams.map((t) => t.id)).toEqual(['team-demo']);
    // The one-time code is gone from the address, and no token was ever in it.
    expect(page.url()).toBe(`${hub.url}/`);
    // A lead's floor (the coach workspace), loaded.
    await page.getByRole('heading', { name: 'Floor' }).waitFor();
    await expect.poll(() => page.getByText('Loading…').count()).toBe(0);
    await checkedAtWidths(page, 'sso-signed-in');
  });

  it('says why in Chinese when the account is switched off', async () => {
    await withHubDatabase(hub.dataDir, (db) =>
      db.updateTable('users').set({ disabled: 1 }).where('username', '=', 'agent3').execute(),
    );
    const page = await sidebarPage(browser, 'zh-CN');
    await page.goto(hub.url);
    await page.getByRole('button', { name: '使用 Centre SSO 登录' }).click();
    await page.getByLabel('Account').fill('agent3');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL(`${hub.url}/`);
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toBe('您的账号已被停用，请联系管理员重新启用。');
    expect(await session(page)).toBeNull();
    await checkedAtWidths(page, 'sso-disabled-zh');
  });

  it('creates a Chinese-named agent from the group map', async () => {
    const page = await sidebarPage(browser);
    await page.goto(hub.url);
    await page.getByRole('button', { name: 'Sign in with Centre SSO' }).click();
    await page.getByLabel('Account').fill('wang');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect.poll(() => page.locator('.who').textContent()).toBe('王芳');
    expect((await session(page)).user).toMatchObject({ role: 'agent', username: 'wang.fang' });
  });

  it('signs the desktop sidebar in through another browser and the loopback listener', async () => {
    // The renderer as in the desktop app (its bridge), with the real loopback module of the
    // main process behind `signInWithBrowser`, and a separate browser context as the system
    // browser: the provider's page never opens in the sidebar.
    const page = await sidebarPage(browser);
    await injectDesktopBridge(
      page,
      DesktopSettingsSchema.parse({ hubUrl: 'http://placeholder', language: null }),
    );
    let tabText = Promise.resolve('');
    await page.exposeFunction('sidecoachBrowserSignIn', (request: BrowserSignInRequest) =>
      signInThroughBrowser({
        ...request,
        hubUrl: hub.url,
        timeoutMs: 30_000,
        openExternal: async (url) => {
          const tab = await (await browser.newContext()).newPage();
          await tab.goto(url);
          await page.getByText('Finish signing in in your web browser').waitFor();
          await checkedAtWidths(page, 'sso-desktop-waiting');
          await tab.getByLabel('Account').fill('wang');
          await tab.getByRole('button', { name: 'Continue' }).click();
          tabText = tab
            .getByRole('heading', { name: 'Signed in' })
            .waitFor()
            .then(() => tab.locator('body').innerText());
        },
      }),
    );
    await page.addInitScript(() => {
      const w = window as InjectedWindow & {
        sidecoachBrowserSignIn?: (r: BrowserSignInRequest) => Promise<{ code: string }>;
      };
      w.sidecoach!.signInWithBrowser = (r) => w.sidecoachBrowserSignIn!(r);
    });
    await page.goto(hub.url);
    await page.getByRole('button', { name: 'Sign in with Centre SSO' }).click();
    await expect.poll(() => page.locator('.who').textContent()).toBe('王芳');
    expect(page.url()).toBe(`${hub.url}/`);
    expect(await tabText).toMatch(/You can close this tab/);
  });
});
