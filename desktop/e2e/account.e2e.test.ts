// Passwords, one-time codes and devices in the web sidebar: a real hub process (its demo admin
// issues codes through the hub event) and Debian's Chromium, two browser contexts as two devices.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { userIdOf } from '../../hub/test/support/database.js';
import {
  connect,
  DEMO_USERS,
  signIn,
  startHub,
  type HubSocket,
  type RunningHub,
} from '../../hub/test/support/hub-process.js';
import { checkedAtWidths, chromiumMissing, launchChromium, signInAs } from './support/browser.js';

const missing = chromiumMissing();
if (missing) console.warn(`[skip] account end-to-end tests: ${missing}`);

const GOOD = 'copper kettle on the hill';

const userId = (hub: RunningHub, username: string) => userIdOf(hub.dataDir, username);

async function issueCode(admin: HubSocket, id: string) {
  const res = await admin.emitWithAck('account:issue-code', { userId: id });
  if (!res.ok) throw new Error(res.error.message);
  return res.data;
}

/** Screenshots at the sidebar's width and two desktop widths, then back to the sidebar's. */
const status = (page: Page) => page.getByTestId('status').textContent();

describe.skipIf(missing)('passwords, codes and devices in Chromium', () => {
  let hub: RunningHub;
  let browser: Browser;
  let admin: HubSocket;
  const contexts: BrowserContext[] = [];
  const device = async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 900 } });
    contexts.push(context);
    return context.newPage();
  };

  beforeAll(async () => {
    hub = await startHub({ demo: true });
    browser = await launchChromium();
    admin = await connect(hub.url, (await signIn(hub.url, DEMO_USERS.admin)).token);
  });
  afterAll(async () => {
    admin?.close();
    for (const c of contexts) await c.close();
    await browser?.close();
    await hub?.dispose();
  });

  it('signs in with a one-time code, forced to choose a password by the rules; signs another device out', async () => {
    const issued = await issueCode(admin, await userId(hub, 'agent2'));
    const page = await device();
    await page.goto(hub.url);
    await page.getByRole('button', { name: 'I have a one-time code' }).click();
    await page.getByLabel('Username').fill('agent2');
    await page.getByLabel('One-time code').fill('WRNG-WRNG-WRNG');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page
      .getByRole('alert')
      .getByText(/That code is wrong/)
      .waitFor();
    await page.getByLabel('One-time code').fill(issued.code.toLowerCase());
    await page.getByRole('button', { name: 'Continue' }).click();

    // Nothing else opens before the password is chosen; the rules are on the screen.
    await page.getByRole('heading', { name: 'Choose your password' }).waitFor();
    expect(await page.getByTestId('status').count()).toBe(0);
    for (const rule of [
      'have at least 12 characters (up to 256)',
      'not contain your username',
      'not contain your name',
      /not be a common or breached password/,
    ])
      await page.getByText(rule).waitFor();
    const save = page.getByRole('button', { name: 'Save password and sign in' });
    await page.getByLabel('New password', { exact: true }).fill('short');
    expect(await save.isDisabled()).toBe(true);
    await page.getByLabel('New password', { exact: true }).fill('Password2024!');
    await page.getByLabel('Repeat the new password').fill('Password2024!');
    await save.click();
    await page
      .getByRole('alert')
      .getByText(/list of common or breached passwords/)
      .waitFor();
    await checkedAtWidths(page, 'account-choose-password-refused');

    await page.getByLabel('New password', { exact: true }).fill(GOOD);
    await page.getByLabel('Repeat the new password').fill(GOOD);
    await save.click();
    await expect.poll(() => status(page)).toBe('Available');

    // A second device signs in with the new password.
    const other = await device();
    await signInAs(other, hub.url, 'agent2', GOOD);
    await expect.poll(() => status(other)).toBe('Available');

    await page.getByRole('button', { name: 'Account' }).click();
    const devices = page.getByTestId('device');
    await expect.poll(() => devices.count()).toBe(2);
    const mine = page.locator('[data-testid="device"][data-current="true"]');
    expect(await mine.textContent()).toMatch(/^Chrome on Linux.*This device.*from 127\.0\.0\.1/);
    await checkedAtWidths(page, 'account-devices');

    await page.getByRole('button', { name: 'Sign out Chrome on Linux' }).click();
    await page.getByRole('status').getByText('Chrome on Linux was signed out.').waitFor();
    await expect.poll(() => devices.count()).toBe(1);
    // The other device is sent to the sign-in screen, saying why.
    await other.getByText('Your sign-in has ended. Please sign in again.').waitFor();
    await other.getByRole('button', { name: 'Sign in' }).waitFor();
    await checkedAtWidths(other, 'account-signed-out');
  });

  it('changes the own password, which signs the other devices out', async () => {
    const page = await device();
    await signInAs(page, hub.url, 'agent1');
    await expect.poll(() => status(page)).toBe('Available');
    const other = await device();
    await signInAs(other, hub.url, 'agent1');
    await expect.poll(() => status(other)).toBe('Available');

    await page.getByRole('button', { name: 'Account' }).click();
    await page.getByLabel('Current password').fill('not my password');
    await page.getByLabel('New password', { exact: true }).fill('a tidy desk at dawn');
    await page.getByLabel('Repeat the new password').fill('a tidy desk at dawn');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByRole('alert').getByText('The current password is wrong.').waitFor();
    await page.getByLabel('Current password').fill('sidecoach-demo');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('Password changed. Your other devices were signed out.').waitFor();
    await other.getByText('Your sign-in has ended. Please sign in again.').waitFor();
    await expect.poll(() => page.getByTestId('device').count()).toBe(1);
    await checkedAtWidths(page, 'account-account-changed');
    await signInAs(other, hub.url, 'agent1', 'a tidy desk at dawn');
    await expect.poll(() => status(other)).toBe('Available');
  });

  it('opens a reset link straight on choosing the password, and takes the token out of the address', async () => {
    const issued = await issueCode(admin, await userId(hub, 'agent3'));
    const page = await device();
    await page.goto(`${hub.url}/${issued.link.slice(issued.link.indexOf('#'))}`);
    await page.getByRole('heading', { name: 'Choose your password' }).waitFor();
    expect(page.url()).not.toContain('#reset=');
    await page.getByLabel('New password', { exact: true }).fill('seven silver spoons');
    await page.getByLabel('Repeat the new password').fill('seven silver spoons');
    await page.getByRole('button', { name: 'Save password and sign in' }).click();
    await expect.poll(() => status(page)).toBe('Available');
    // Used: the same link again says so.
    const again = await device();
    await again.goto(`${hub.url}/${issued.link.slice(issued.link.indexOf('#'))}`);
    await again
      .getByRole('alert')
      .getByText(/This link is wrong, has expired or was already used/)
      .waitFor();
  });
  it('states the rules in Chinese and marks what breaks them as the user types', async () => {
    const issued = await issueCode(admin, await userId(hub, 'agent4'));
    const context = await browser.newContext({
      viewport: { width: 360, height: 900 },
      locale: 'zh-CN',
    });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${hub.url}/${issued.link.slice(issued.link.indexOf('#'))}`);
    await page.getByRole('heading', { name: '设置密码' }).waitFor();
    await page.getByText('至少 12 个字符（最多 256 个）').waitFor();
    const broken = page.locator('.password-rules li[data-met="false"]');
    await page.getByLabel('新密码', { exact: true }).fill('i am agent4 here');
    await expect
      .poll(() => broken.allTextContents())
      .toContainEqual(expect.stringContaining('不包含您的用户名'));
    // One piece repeated is refused by the sidebar itself, without the hub's list.
    await page.getByLabel('新密码', { exact: true }).fill('abcabcabcabc');
    await expect
      .poll(() => broken.allTextContents())
      .toEqual([expect.stringContaining('不是常见密码或已泄露的密码')]);
    expect(await page.getByRole('button', { name: '保存密码并登录' }).isDisabled()).toBe(true);
    await checkedAtWidths(page, 'account-choose-password-zh');
  });
});
