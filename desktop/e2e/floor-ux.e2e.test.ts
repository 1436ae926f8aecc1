// What people tripped over on the floor, end to end in Chromium on a real hub: the agent's
// self-assessment in a few taps (and a skipped one completed later), the supervisor's long
// note (never cut, refused visibly), who-sees-it choices reset after each note, and a live
// call's timer that stops when the hub is gone instead of running as if live.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { OBSERVATION_TEXT_MAX } from '@sidecoach/shared';
import { startHub, type RunningHub } from '../../hub/test/support/hub-process.js';
import {
  chromiumMissing,
  launchChromium,
  checkedAtWidths,
  sidebarPage,
  signInAs,
  startCall,
} from './support/browser.js';

const missing = chromiumMissing();
if (missing) console.warn(`[skip] floor UX end-to-end tests: ${missing}`);

describe.skipIf(missing)('the floor, as people use it', () => {
  let hub: RunningHub;
  let browser: Browser;
  let agent: Page;
  let supervisor: Page;

  beforeAll(async () => {
    hub = await startHub({ demo: true });
    browser = await launchChromium();
    agent = await sidebarPage(browser);
    supervisor = await sidebarPage(browser);
    await signInAs(agent, hub.url, 'agent1');
  });
  afterAll(async () => {
    await browser?.close();
    await hub?.dispose();
  });

  it('assesses a call in a few taps, and completes a skipped one later from Recent calls', async () => {
    await startCall(agent, 'Booking');
    await agent.getByRole('button', { name: 'End call' }).click();
    const form = agent.getByRole('form', { name: 'How did that call go?' });
    await form.waitFor();
    // Save with questions open: they are marked and the first one has the focus.
    await form.getByRole('button', { name: 'Save self-assessment' }).click();
    await form
      .getByRole('alert')
      .filter({ hasText: /marked question/ })
      .waitFor();
    expect(await form.locator('.answer.missing').count()).toBeGreaterThan(1);
    expect(
      await agent.evaluate(() => document.activeElement?.closest('.answer.missing') !== null),
    ).toBe(true);
    await checkedAtWidths(agent, 'floor-ux-assessment-marked');
    // The rest are yes, then one exception.
    await form.getByRole('button', { name: 'The rest are yes' }).click();
    expect(await form.locator('.answer.missing').count()).toBe(0);
    await form
      .getByRole('radiogroup', { name: /^Verifies the customer/ })
      .getByText('No', { exact: true })
      .click();
    const nextTime = form.getByLabel('Next time I will…');
    expect(await nextTime.evaluate((el) => el.tagName)).toBe('TEXTAREA');
    await nextTime.fill('Verify first,\nthen book');
    await form.getByRole('button', { name: 'Save self-assessment' }).click();
    const first = agent.getByTestId('recent-call').first();
    await expect.poll(() => first.textContent()).toMatch(/Booking.*\d+%/);

    // A call skipped in a hurry, assessed later.
    await startCall(agent, 'Booking');
    await agent.getByRole('button', { name: 'End call' }).click();
    await agent.getByRole('button', { name: 'Skip' }).click();
    const skipped = agent.getByTestId('recent-call').first();
    await expect.poll(() => skipped.textContent()).toMatch(/Skipped/);
    await skipped.getByRole('button', { name: 'Assess now' }).click();
    await skipped.getByRole('button', { name: 'The rest are yes' }).click();
    await skipped.getByRole('button', { name: 'Save self-assessment' }).click();
    await expect.poll(() => skipped.textContent()).toMatch(/Booking100%/);
    await expect.poll(() => agent.getByTestId('sync').textContent()).toBe('All changes saved');
  });

  it('never cuts a long note: it counts, refuses visibly past the limit, and resets who sees the next', async () => {
    await startCall(agent, 'Booking');
    await signInAs(supervisor, hub.url, 'supervisor');
    // Supervisors run coaching sessions too (not only team leads).
    await supervisor.getByRole('button', { name: 'Coaching sessions' }).click();
    await supervisor.getByRole('heading', { name: 'Coaching sessions' }).waitFor();
    await supervisor.getByRole('button', { name: 'Back to where you were' }).click();
    await supervisor.getByRole('button', { name: 'Observe Ava Agent' }).click();
    await supervisor.getByRole('heading', { name: 'Ava Agent' }).waitFor();

    const box = supervisor.getByLabel('Observation', { exact: true });
    const pasted = `${'Greeting was warm and the booking was confirmed. '.repeat(60)}END`;
    expect(pasted.length).toBeGreaterThan(OBSERVATION_TEXT_MAX);
    await box.fill(pasted);
    // Nothing cut: the whole paste is in the box, with how far over it is.
    expect((await box.inputValue()).length).toBe(pasted.length);
    const count = supervisor.getByTestId('text-count');
    await expect
      .poll(() => count.textContent())
      .toBe(
        `${pasted.length - OBSERVATION_TEXT_MAX} characters over the limit of ${OBSERVATION_TEXT_MAX}: shorten it to send`,
      );
    expect(await box.getAttribute('aria-invalid')).toBe('true');
    const send = supervisor.getByRole('button', { name: 'Send', exact: true });
    expect(await send.isDisabled()).toBe(true);
    // The box scrolls inside itself: the checklist below the composer stays close.
    const height = await box.evaluate((el) => el.getBoundingClientRect().height);
    expect(height).toBeLessThan(400);
    await checkedAtWidths(supervisor, 'floor-ux-long-note');

    await box.fill(pasted.slice(0, OBSERVATION_TEXT_MAX));
    await expect.poll(() => count.textContent()).toBe(`2000 / 2000 characters`);
    await supervisor.getByRole('radio', { name: 'Shared' }).check();
    await supervisor.getByRole('radio', { name: 'After the call' }).check();
    expect(await send.isDisabled()).toBe(false);
    await send.click();
    // In the list it shows its beginning; the rest is one tap away.
    const sent = supervisor.getByTestId('observed-note').first();
    const all = sent.getByRole('button', { name: 'Show all (2000 characters)' });
    await all.waitFor();
    await all.click();
    expect(await sent.textContent()).toContain(
      pasted.slice(OBSERVATION_TEXT_MAX - 40, OBSERVATION_TEXT_MAX),
    );
    // The next note starts private again: nobody sends one "after the call" without choosing.
    expect(await supervisor.getByRole('radio', { name: 'Private' }).isChecked()).toBe(true);
    expect(await supervisor.getByRole('radio', { name: 'After the call' }).count()).toBe(0);
  });

  it('opens an agent’s history: calls with ticks, self-assessments and notes, filtered', async () => {
    await supervisor.getByRole('button', { name: 'Open Ava Agent’s history' }).click();
    await supervisor.getByRole('heading', { name: 'Ava Agent: history' }).waitFor();
    const calls = supervisor.getByTestId('history-call');
    // Two booking calls assessed in the first test, and the one on now.
    await expect.poll(() => calls.count()).toBe(3);
    await expect
      .poll(() => supervisor.getByTestId('history-summary').textContent())
      .toMatch(/^3 calls · 2 self-assessed · \d+ notes?$/);
    const assessed = calls.filter({ hasText: '100%' }).first();
    await assessed.locator('summary').click();
    await expect.poll(() => assessed.textContent()).toContain('self: Yes');
    await checkedAtWidths(supervisor, 'floor-ux-history');
    // The table goes to a spreadsheet: a byte-order mark, a header, one row a call.
    const download = supervisor.waitForEvent('download');
    await supervisor.getByRole('button', { name: 'Export CSV' }).click();
    const csv = await readFile(await (await download).path());
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.toString('utf8').trim().split('\r\n');
    expect(lines[0]).toContain('Started,Call type,Duration (s)');
    expect(lines).toHaveLength(4);
    await supervisor.getByLabel('Call type').selectOption({ label: 'Sales' });
    await expect.poll(() => calls.count()).toBe(0);
    await supervisor.getByLabel('Call type').selectOption({ label: 'All call types' });
    await expect.poll(() => calls.count()).toBe(3);
    await supervisor.getByRole('button', { name: 'Back to where you were' }).click();
    await supervisor.getByRole('heading', { name: 'Ava Agent' }).waitFor();
  });

  it('stops the live call timer when the hub is gone and says since when', async () => {
    const state = supervisor.getByTestId('observed-call');
    await expect.poll(() => state.textContent()).toMatch(/^Booking · On the call for 00:\d\d$/);
    await hub.kill();
    await expect
      .poll(() => state.textContent(), { timeout: 15_000 })
      .toMatch(/^Booking · On the call for at least 00:\d\d: last heard from the hub at \d\d:\d\d/);
    // That wording is only shown frozen: offline, the view's clock (useNow) is not running.
    expect(await supervisor.getByTestId('floor-status').textContent()).toMatch(/^On call · ≥ /);
    await checkedAtWidths(supervisor, 'floor-ux-offline-observe');
  });

  it('warns before signing out with unsent work, keeps it for its owner, and ends the session on the hub once it is back', async () => {
    // Still offline: a note waits on this device.
    await supervisor.getByLabel('Observation', { exact: true }).fill('Kept through a sign-out');
    await supervisor.getByRole('button', { name: 'Send', exact: true }).click();
    await expect
      .poll(() => supervisor.getByTestId('sync').textContent())
      .toMatch(/waiting to sync/);
    await supervisor.getByRole('button', { name: 'Sign out' }).click();
    const confirm = supervisor.getByTestId('sign-out-confirm');
    await expect.poll(() => confirm.textContent()).toContain('The hub is not reachable now.');
    await checkedAtWidths(supervisor, 'floor-ux-sign-out-offline');
    await confirm.getByRole('button', { name: 'Sign out, keep them here' }).click();
    await supervisor.getByRole('button', { name: 'Sign in' }).waitFor();
    const { token } = await supervisor.evaluate(
      () =>
        (
          JSON.parse(localStorage.getItem('sidecoach.pendingSignOuts') ?? '[]') as {
            token: string;
          }[]
        )[0]!,
    );
    // Another user on this browser: nothing of the supervisor's is shown or counted.
    hub = await startHub({ demo: true, dataDir: hub.dataDir, port: hub.port });
    await signInAs(supervisor, hub.url, 'lead');
    await expect.poll(() => supervisor.getByTestId('sync').textContent()).toBe('All changes saved');
    // The hub heard of the sign-out: the old session no longer works.
    await expect
      .poll(() => supervisor.evaluate(() => localStorage.getItem('sidecoach.pendingSignOuts')))
      .toBeNull();
    const res = await fetch(`${hub.url}/api/auth/sign-out`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(401);
    // The supervisor signs in again: the note kept on the device goes to the hub.
    await supervisor.getByRole('button', { name: 'Sign out' }).click();
    await signInAs(supervisor, hub.url, 'supervisor');
    await expect.poll(() => supervisor.getByTestId('sync').textContent()).toBe('All changes saved');
  });
});
