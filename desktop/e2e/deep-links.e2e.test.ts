// Pages have addresses, end to end in Chromium on a real hub: a reload keeps the place and the
// half-typed note, back and forward walk the coach's views, a bookmarked observation opens
// straight away (after signing in, too), and a reload while the hub is down shows the app with
// its offline banner (the service worker), not the browser's error page.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startHub } from '../../hub/test/support/hub-process.js';
import {
  checkedAtWidths,
  chromiumMissing,
  demoHubAndBrowser,
  sidebarPage,
  signInAs,
} from './support/browser.js';

const missing = chromiumMissing();
if (missing) console.warn(`[skip] deep-link end-to-end tests: ${missing}`);

const hashOf = (page: Page) => new URL(page.url()).hash;

describe.skipIf(missing)('addresses, reload, back and forward', () => {
  const env = demoHubAndBrowser();
  let supervisor: Page;
  let observation = '';

  beforeAll(async () => {
    supervisor = await sidebarPage(env.browser);
    await supervisor.setViewportSize({ width: 1280, height: 900 });
    await signInAs(supervisor, env.hub.url, 'supervisor');
  });

  it('keeps the place and the half-typed note through a reload', async () => {
    await supervisor.getByRole('button', { name: 'Observe Ava Agent' }).click();
    await supervisor.getByRole('heading', { name: 'Ava Agent' }).waitFor();
    await expect.poll(() => hashOf(supervisor)).toMatch(/^#\/observe\/[\w-]+$/);
    observation = hashOf(supervisor);
    const box = supervisor.getByLabel('Observation', { exact: true });
    await box.fill('Warm greeting; then the hold was');
    await supervisor.reload();
    await supervisor.getByRole('heading', { name: 'Ava Agent' }).waitFor();
    expect(hashOf(supervisor)).toBe(observation);
    await expect.poll(() => box.inputValue()).toBe('Warm greeting; then the hold was');
    // Sent, the draft is gone: the next reload brings an empty box.
    await supervisor.getByRole('button', { name: 'Send', exact: true }).click();
    await expect.poll(() => box.inputValue()).toBe('');
    await supervisor.reload();
    await supervisor.getByRole('heading', { name: 'Ava Agent' }).waitFor();
    expect(await box.inputValue()).toBe('');
  });

  it('walks back and forward through the coach’s views', async () => {
    await supervisor.getByRole('button', { name: 'Back to the floor' }).click();
    await expect.poll(() => hashOf(supervisor)).toBe('#/');
    await supervisor.getByRole('button', { name: 'Survey report' }).click();
    await expect.poll(() => hashOf(supervisor)).toBe('#/report');
    await supervisor.getByRole('button', { name: 'Coaching sessions' }).click();
    await supervisor.getByRole('heading', { name: 'Coaching sessions' }).waitFor();
    expect(hashOf(supervisor)).toBe('#/sessions');
    await checkedAtWidths(supervisor, 'deep-links-sessions');

    await supervisor.goBack();
    await expect.poll(() => hashOf(supervisor)).toBe('#/report');
    await supervisor
      .getByRole('heading', { name: 'Coaching sessions' })
      .waitFor({ state: 'detached' });
    await supervisor.goBack();
    await supervisor.getByRole('button', { name: 'Observe Ava Agent' }).waitFor();
    expect(hashOf(supervisor)).toBe('#/');
    await supervisor.goBack();
    await supervisor.getByRole('heading', { name: 'Ava Agent' }).waitFor();
    expect(hashOf(supervisor)).toBe(observation);
    await supervisor.goForward();
    await supervisor.getByRole('button', { name: 'Observe Ava Agent' }).waitFor();
    expect(hashOf(supervisor)).toBe('#/');
    await supervisor.goBack();
    await supervisor.getByRole('heading', { name: 'Ava Agent' }).waitFor();
  });

  it('opens a bookmarked observation, after signing in when needed', async () => {
    const bookmark = `${env.hub.url}/${observation}`;
    const tab = await supervisor.context().newPage();
    await tab.goto(bookmark);
    await tab.getByRole('heading', { name: 'Ava Agent' }).waitFor();
    await tab.close();

    // Another env.browser, signed out: the sign-in form first, then the bookmarked place.
    const fresh = await sidebarPage(env.browser);
    await fresh.goto(bookmark);
    await fresh.getByLabel('Username').fill('supervisor');
    await fresh.getByLabel('Password').fill('sidecoach-demo');
    await fresh.getByRole('button', { name: 'Sign in' }).click();
    await fresh.getByRole('heading', { name: 'Ava Agent' }).waitFor();
    expect(hashOf(fresh)).toBe(observation);

    // An address that is not for this user (administration) opens the floor instead.
    await fresh.goto(`${env.hub.url}/#/admin/people`);
    await fresh.getByRole('button', { name: 'Observe Ava Agent' }).waitFor();
    await expect.poll(() => hashOf(fresh)).toBe('#/');
    await fresh.context().close();
  });

  it('reloads while the hub is down: the app and its offline banner, not an error page', async () => {
    // The service worker has kept this build (the page, every chunk) once it is active.
    await supervisor.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await supervisor.reload(); // from now on the page is controlled by it
    await supervisor.getByRole('heading', { name: 'Ava Agent' }).waitFor();
    expect(await supervisor.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    await supervisor.getByLabel('Observation', { exact: true }).fill('Typed before the outage');

    await env.hub.kill();
    await supervisor.reload();
    await supervisor.getByText('Working offline: changes are kept on this device').waitFor();
    expect(hashOf(supervisor)).toBe(observation);
    await expect
      .poll(() => supervisor.getByTestId('observe-joining').textContent())
      .toBe('The hub is not reachable: the observation opens as soon as it is back.');
    await checkedAtWidths(supervisor, 'deep-links-offline-reload');

    // The hub back: the observation opens where it was, with the note as it was typed.
    env.hub = await startHub({ demo: true, dataDir: env.hub.dataDir, port: env.hub.port });
    await supervisor.getByRole('heading', { name: 'Ava Agent' }).waitFor({ timeout: 30_000 });
    expect(await supervisor.getByLabel('Observation', { exact: true }).inputValue()).toBe(
      'Typed before the outage',
    );
  });
});
