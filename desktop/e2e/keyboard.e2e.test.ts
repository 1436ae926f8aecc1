// Every action by keyboard alone, in Chromium on a real hub: Tab reaches it, Enter or Space does
// it, and nothing needs a pointer. The agent signs in, takes a call, ticks the checklist and
// self-assesses; the supervisor observes, writes a note and opens the coach's views; the
// customer answers the survey.
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { complaintsByLink } from '../../hub/test/support/surveys.js';
import { chromiumMissing, demoHubAndBrowser, sidebarPage } from './support/browser.js';

const missing = chromiumMissing();
if (missing) console.warn(`[skip] keyboard end-to-end tests: ${missing}`);

/** What has the focus, for a failure message: its aria-label, or its first words. */
const focusedName = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return '(nothing)';
    return (el.getAttribute('aria-label') ?? el.id ?? el.textContent ?? '').trim().slice(0, 30);
  });

/** Presses Tab until `target` has the focus (a bounded walk: at most 120 stops). */
async function tabTo(page: Page, target: Locator): Promise<void> {
  const seen: string[] = [];
  for (let i = 0; i < 120; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    seen.push(await focusedName(page));
  }
  throw new Error(`Tab never reached ${String(target)}; it went through: ${seen.join(' | ')}`);
}

/** The sign-in form by keyboard: Tab to each box, type, Enter. */
async function signInByKeyboard(page: Page, url: string, username: string) {
  await page.goto(url);
  await tabTo(page, page.getByLabel('Username'));
  await page.keyboard.type(username);
  await tabTo(page, page.getByLabel('Password'));
  await page.keyboard.type('sidecoach-demo');
  await page.keyboard.press('Enter');
}

describe.skipIf(missing)('everything by keyboard', () => {
  const env = demoHubAndBrowser((hub) => complaintsByLink(hub.url));

  it('the agent: sign in, a call, the checklist, the self-assessment, the survey link', async () => {
    const page = await sidebarPage(env.browser);
    await signInByKeyboard(page, env.hub.url, 'agent1');
    await expect.poll(() => page.getByTestId('status').textContent()).toBe('Available');

    await tabTo(page, page.getByLabel('Call type'));
    await page.keyboard.press('End'); // the last type in the list: Sales
    await tabTo(page, page.getByRole('button', { name: 'Start call' }));
    await page.keyboard.press('Enter');
    const first = page.getByRole('checkbox').first();
    await first.waitFor();
    await tabTo(page, first);
    await page.keyboard.press('Space');
    await expect.poll(() => first.isChecked()).toBe(true);
    await tabTo(page, page.getByRole('button', { name: 'End call' }));
    await page.keyboard.press('Enter');

    await tabTo(page, page.getByRole('button', { name: 'The rest are yes' }));
    await page.keyboard.press('Enter');
    await tabTo(page, page.getByLabel('Next time I will…'));
    await page.keyboard.type('Summarise before I close');
    await tabTo(page, page.getByRole('button', { name: 'Save self-assessment' }));
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByTestId('recent-call').first().textContent())
      .toMatch(/Sales.*100%/);
    await page.context().close();
  });

  it('the supervisor: observe, a note sent with Ctrl+Enter, back, the coach’s views', async () => {
    const page = await sidebarPage(env.browser);
    await page.setViewportSize({ width: 1280, height: 900 });
    await signInByKeyboard(page, env.hub.url, 'supervisor');
    await page.getByRole('heading', { name: 'Floor' }).waitFor();

    await tabTo(page, page.getByRole('button', { name: 'Observe Ava Agent' }));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Ava Agent' }).waitFor();
    await tabTo(page, page.getByRole('button', { name: 'Tone', exact: true }));
    await page.keyboard.press('Space');
    await tabTo(page, page.getByLabel('Observation', { exact: true }));
    await page.keyboard.type('Calm and clear when the customer raised the price');
    await page.keyboard.press('Control+Enter');
    await page
      .getByTestId('observed-note')
      .filter({ hasText: 'Calm and clear when the customer raised the price' })
      .waitFor();
    // The keyboard stays in the box for the next note.
    expect(
      await page
        .getByLabel('Observation', { exact: true })
        .evaluate((el) => el === document.activeElement),
    ).toBe(true);

    await tabTo(page, page.getByRole('button', { name: 'Back to the floor' }));
    await page.keyboard.press('Enter');
    await tabTo(page, page.getByRole('button', { name: 'Coaching sessions' }));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Coaching sessions' }).waitFor();
    await tabTo(page, page.getByRole('button', { name: 'Back to where you were' }));
    await page.keyboard.press('Enter');
    await tabTo(page, page.getByRole('button', { name: 'Survey report' }));
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).hash).toBe('#/report');
    await page.context().close();
  });

  it('the customer: the survey answered with arrows, Space and Enter', async () => {
    const agent = await sidebarPage(env.browser);
    await agent.goto(env.hub.url);
    await agent.getByLabel('Username').fill('agent2');
    await agent.getByLabel('Password').fill('sidecoach-demo');
    await agent.getByRole('button', { name: 'Sign in' }).click();
    await agent.getByLabel('Call type').selectOption('complaint');
    await agent.getByRole('button', { name: 'Start call' }).click();
    await agent.getByRole('button', { name: 'End call' }).click();
    const link = agent.getByTestId('survey-link');
    await expect.poll(() => link.textContent()).toMatch(/\/s\/\S+$/);

    const page = await sidebarPage(env.browser);
    await page.goto((await link.textContent()) ?? '');
    const questions = page.getByRole('group').filter({ has: page.getByRole('radio') });
    const count = await questions.count();
    expect(count).toBeGreaterThan(0);
    for (let i = 0; i < count; i++) {
      // Tab into the question's radios, then the arrow keys choose within it.
      const radios = questions.nth(i).getByRole('radio');
      await tabTo(page, radios.first());
      await page.keyboard.press('ArrowRight');
      expect(await radios.nth(1).isChecked()).toBe(true);
    }
    await tabTo(page, page.getByRole('button', { name: 'Send my answers' }));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Thank you' }).waitFor();
    await page.context().close();
    await agent.context().close();
  });
});
