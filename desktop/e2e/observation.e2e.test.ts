// Side-by-side observation end to end: a supervisor and an agent in two Chromium pages on a real
// hub (the built hub/dist serving the built renderer).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DesktopSettingsSchema } from '@sidecoach/shared';
import { startHub, type RunningHub } from '../../hub/test/support/hub-process.js';
import {
  chromiumMissing,
  injectDesktopBridge,
  launchChromium,
  screenshot,
  sidebarPage,
  signInAs,
  signInAsInChinese,
  type InjectedWindow,
} from './support/browser.js';

const missing = chromiumMissing();
if (missing) console.warn(`[skip] observation end-to-end tests: ${missing}`);

/** A full-page screenshot from the top (the header is sticky: scrolled, it would sit mid-page). */
async function shot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, name);
}
const activeId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');
/** The inbox position the sidebar keeps in IndexedDB for the signed-in user. */
const storedInboxSeq = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<number | undefined>((resolve, reject) => {
        const open = indexedDB.open('sidecoach');
        open.onerror = () => reject(new Error('cannot open the database'));
        open.onsuccess = () => {
          const db = open.result;
          const all = db.transaction('inbox').objectStore('inbox').getAll();
          all.onsuccess = () => {
            resolve((all.result as number[])[0]);
            db.close();
          };
        };
      }),
  );
const coachNote = (page: Page, text: string) =>
  page.getByTestId('coach-note').filter({ hasText: text });
const receiptOf = (page: Page, text: string) =>
  page.getByTestId('observed-note').filter({ hasText: text }).getByTestId('receipt');

/** Sends an observation from the supervisor's composer. */
async function note(
  page: Page,
  text: string,
  options: {
    tag?: string;
    visibility?: 'Private' | 'Shared';
    when?: 'Now' | 'After the call';
  } = {},
) {
  if (options.tag) await page.getByRole('button', { name: options.tag, exact: true }).click();
  await page.getByRole('radio', { name: options.visibility ?? 'Shared' }).check();
  if ((options.visibility ?? 'Shared') === 'Shared')
    await page.getByRole('radio', { name: options.when ?? 'Now' }).check();
  await page.getByLabel('Observation', { exact: true }).fill(text);
}

/**
 * Proves that no earlier note is still on its way to the agent: the supervisor sends a shared
 * note now and the test waits for it at the agent. The outbox sends one write at a time, each
 * after the hub acknowledged the one before (stored it); the agent's inbox delivers in the
 * order stored, and the sidebar shows each message as it comes.
 */
async function sentinelNote(supervisor: Page, agent: Page, text: string) {
  await note(supervisor, text);
  await supervisor.getByRole('button', { name: 'Send', exact: true }).click();
  await coachNote(agent, text).waitFor();
}

describe.skipIf(missing)('side-by-side observation in Chromium', () => {
  let hub: RunningHub;
  let browser: Browser;
  let agent: Page;
  let supervisor: Page;

  beforeAll(async () => {
    hub = await startHub({ demo: true });
    browser = await launchChromium();
    agent = await sidebarPage(browser);
    supervisor = await sidebarPage(browser);
  });
  afterAll(async () => {
    await browser?.close();
    await hub?.dispose();
  });

  it('puts the supervisor’s notes beside the agent without taking their focus', async () => {
    await signInAs(agent, hub.url, 'agent1');
    await expect.poll(() => agent.getByTestId('status').textContent()).toBe('Available');
    await agent.getByLabel('Call type').selectOption({ label: 'Booking' });
    await agent.getByRole('button', { name: 'Start call' }).click();
    await agent.getByRole('group', { name: 'Process' }).waitFor();

    await signInAs(supervisor, hub.url, 'supervisor');
    const row = supervisor.getByTestId('floor-agent').filter({ hasText: 'Ava Agent' });
    await expect.poll(() => row.textContent()).toMatch(/On call · 00:\d\d.*Booking/);
    await expect.poll(() => supervisor.getByTestId('floor-agent').count()).toBe(3);
    await expect.poll(() => supervisor.getByRole('button', { name: 'Start call' }).count()).toBe(0);
    await shot(supervisor, 'observation-floor');

    await supervisor.getByRole('button', { name: 'Observe Ava Agent' }).click();
    await supervisor.getByRole('heading', { name: 'Ava Agent' }).waitFor();
    await expect
      .poll(() => supervisor.getByTestId('observed-call').textContent())
      .toMatch(/^Booking · On the call for 00:\d\d$/);
    // The agent ticks: the supervisor's read-only checklist and timeline follow live.
    await agent
      .getByRole('checkbox', { name: 'Greets with own name and the company name' })
      .click();
    await expect
      .poll(() => supervisor.getByTestId('observed-ticked').textContent())
      .toMatch(/^1 of \d+ ticked$/);
    await supervisor
      .locator('.timeline')
      .getByText(/Greets with own name/)
      .waitFor();

    // The agent is typing in the CRM beside the sidebar.
    await agent.evaluate(() => {
      const crm = document.createElement('input');
      crm.id = 'crm';
      crm.setAttribute('aria-label', 'CRM notes');
      document.body.append(crm);
    });
    await agent.locator('#crm').click();
    await agent.keyboard.type('Booking ref 4711');

    await note(supervisor, 'Warm greeting, used the customer’s name', { tag: 'Tone' });
    await supervisor.getByLabel('Observation', { exact: true }).press('Control+Enter');
    await expect.poll(() => activeId(supervisor)).toBe('observation-text');
    await expect
      .poll(() => supervisor.getByLabel('Observation', { exact: true }).inputValue())
      .toBe('');

    await coachNote(agent, 'Warm greeting').waitFor();
    await expect
      .poll(() => coachNote(agent, 'Warm greeting').textContent())
      .toMatch(/Sam Supervisor.*at 0:\d\d.*Tone.*Warm greeting/);
    await expect.poll(() => activeId(agent)).toBe('crm');
    await expect
      .poll(() => agent.getByTestId('unread-notes').textContent())
      .toBe('1 new coach note · Warm greeting, used the customer’s name');
    await agent.keyboard.type(', confirmed');
    await expect.poll(() => agent.locator('#crm').inputValue()).toBe('Booking ref 4711, confirmed');
    await expect.poll(() => receiptOf(supervisor, 'Warm greeting').textContent()).toBe('Delivered');

    await note(supervisor, 'Summarise the booking before closing', { when: 'After the call' });
    await supervisor.getByRole('button', { name: 'Send', exact: true }).click();
    await expect.poll(() => activeId(supervisor)).toBe('observation-text');
    await expect
      .poll(() => receiptOf(supervisor, 'Summarise the booking').textContent())
      .toBe('Held until the call ends');
    await note(supervisor, 'Leaning back, headset mic far from the mouth', {
      tag: 'Posture',
      visibility: 'Private',
    });
    await supervisor.getByRole('button', { name: 'Send', exact: true }).click();
    await expect.poll(() => receiptOf(supervisor, 'Leaning back').textContent()).toBe('Private');
    await sentinelNote(supervisor, agent, 'Good pace while taking the details');
    expect(await coachNote(agent, 'Summarise the booking').count()).toBe(0);
    expect(await coachNote(agent, 'Leaning back').count()).toBe(0);
    await expect.poll(() => supervisor.getByTestId('sync').textContent()).toBe('All changes saved');
    await shot(supervisor, 'observation-observe-view');
    await shot(agent, 'observation-agent-during-call');

    await agent.getByRole('button', { name: 'End call' }).click();
    await agent.getByRole('heading', { name: 'How did that call go?' }).waitFor();
    await agent.locator('#crm').focus();
    await coachNote(agent, 'Summarise the booking').waitFor();
    await expect.poll(() => activeId(agent)).toBe('crm');
    await expect.poll(() => coachNote(agent, 'Leaning back').count()).toBe(0);
    await coachNote(agent, 'Summarise the booking').getByRole('button', { name: 'Got it' }).click();
    await expect
      .poll(() => receiptOf(supervisor, 'Summarise the booking').textContent())
      .toBe('Read');
    await expect
      .poll(() => supervisor.getByTestId('observed-call').textContent())
      .toMatch(/^Booking · Call ended after 00:\d\d$/);
    await shot(agent, 'observation-agent-after-call');

    // The coach turns the call's observations into a coaching note.
    await supervisor.getByRole('button', { name: 'Write coaching note' }).click();
    const coaching = supervisor.getByLabel('Coaching note for Ava Agent');
    await expect.poll(() => activeId(supervisor)).toBe('coaching-text');
    await expect
      .poll(() => coaching.inputValue())
      .toMatch(/Observations from this call \(Booking, 00:\d\d\):\n• 0:\d\d .*Warm greeting/);
    expect(await coaching.inputValue()).not.toContain('Leaning back'); // private stays private
    await coaching.press('Control+End');
    await coaching.pressSequentially('Your greeting set a warm tone.');
    await shot(supervisor, 'observation-coaching-note');
    await supervisor.getByRole('button', { name: 'Send coaching note' }).click();
    await supervisor.getByTestId('sent-coaching-note').waitFor();
    await agent
      .getByTestId('coaching-note')
      .filter({ hasText: 'Your greeting set a warm tone.' })
      .waitFor();
    await shot(agent, 'observation-agent-coaching-note');

    // The agent answers: one short reply, read by the language coach too, seen by the coach.
    const received = agent
      .getByTestId('coaching-note')
      .filter({ hasText: 'Your greeting set a warm tone.' });
    await received.getByRole('button', { name: 'Reply', exact: true }).click();
    const reply = agent.getByLabel('Your reply to Sam Supervisor');
    await expect.poll(() => activeId(agent)).toMatch(/^reply-/);
    await reply.fill('Thanks! But the hold was long, I should warn them first.');
    // The coach reads the agent's words too: the "but" after thanks, and the command.
    await agent.getByText(/“But” erases the praise before it/).waitFor();
    await shot(agent, 'observation-agent-reply-checked');
    await reply.fill('Thanks. Next time I will tell the customer how long the hold will be.');
    await agent.getByRole('button', { name: 'Send reply' }).click();
    await expect
      .poll(() => received.getByTestId('note-reply').textContent())
      .toMatch(/^Your reply.*Next time I will tell the customer/);
    await expect
      .poll(() =>
        supervisor.getByTestId('sent-coaching-note').getByTestId('note-reply').textContent(),
      )
      .toBe(
        'Reply from Ava AgentThanks. Next time I will tell the customer how long the hold will be.',
      );
    expect(await received.getByRole('button', { name: 'Reply', exact: true }).count()).toBe(0);
    await shot(supervisor, 'observation-coach-sees-reply');
  });

  it('keeps a note written while the hub is down and joins the agent again when it is back', async () => {
    const { dataDir, port } = hub;
    await hub.stop();
    await expect.poll(() => supervisor.getByTestId('status').textContent()).toBe('Offline');
    await note(supervisor, 'Nice recovery after the hold', { when: 'Now' });
    await supervisor.getByRole('button', { name: 'Send', exact: true }).click();
    await expect.poll(() => receiptOf(supervisor, 'Nice recovery').textContent()).toBe('Sending…');
    await expect
      .poll(() => supervisor.getByTestId('sync').textContent())
      .toBe('1 change waiting to sync');
    await shot(supervisor, 'observation-offline');

    hub = await startHub({ demo: true, dataDir, port });
    // The outbox sends it once the hub is back; the agent's sidebar catches up from its inbox.
    await coachNote(agent, 'Nice recovery').waitFor({ timeout: 30_000 });
    await expect
      .poll(() => supervisor.getByTestId('sync').textContent(), { timeout: 30_000 })
      .toBe('All changes saved');
    await expect
      .poll(() => receiptOf(supervisor, 'Nice recovery').textContent())
      .toMatch(/^(Delivered|Read)$/);
    await expect.poll(() => coachNote(agent, 'Nice recovery').count()).toBe(1);

    // Joined again after the reconnect: the agent's next call shows up live.
    await agent.getByRole('button', { name: 'Skip' }).click();
    await agent.getByRole('button', { name: 'Start call' }).click();
    await expect
      .poll(() => supervisor.getByTestId('observed-call').textContent())
      .toMatch(/On the call for/);
    // The coaching note for the call before can still be written during the next one.
    await supervisor
      .getByRole('heading', { name: /^Coaching note · Booking call, 00:\d\d$/ })
      .waitFor();
    await expect
      .poll(() => supervisor.getByRole('button', { name: 'Write coaching note' }).count())
      .toBe(1);

    // The agent's inbox position is kept on the device; a reload shows every note once.
    await expect.poll(() => storedInboxSeq(agent)).toBeGreaterThan(0);
    await agent.reload();
    await coachNote(agent, 'Nice recovery').waitFor();
    await expect.poll(() => coachNote(agent, 'Warm greeting').count()).toBe(1);
    await expect.poll(() => coachNote(agent, 'Summarise the booking').count()).toBe(0); // read, last call
    await note(supervisor, 'Checked the booking system quickly');
    await supervisor.getByRole('button', { name: 'Send', exact: true }).click();
    await coachNote(agent, 'Checked the booking system').waitFor();
    await sentinelNote(supervisor, agent, 'Kept the customer informed during the wait');
    expect(await coachNote(agent, 'Checked the booking system').count()).toBe(1);
  });

  it('shows the agent’s ringing phone on the floor', async () => {
    const phone = await sidebarPage(browser);
    await injectDesktopBridge(
      phone,
      DesktopSettingsSchema.parse({ hubUrl: 'http://placeholder', language: null }),
    );
    await signInAs(phone, hub.url, 'agent2');
    await expect.poll(() => phone.getByTestId('status').textContent()).toBe('Available');
    const lead = await sidebarPage(browser);
    await signInAs(lead, hub.url, 'lead');
    const ben = lead.getByTestId('floor-agent').filter({ hasText: 'Ben Agent' });
    await expect.poll(() => ben.getByTestId('floor-status').textContent()).toBe('Available');
    const ring = (kind: 'ringing' | 'ended') =>
      phone.evaluate(
        (k) =>
          (window as InjectedWindow).deliverCallEvent?.({
            kind: k,
            callId: 'sip-1',
            direction: 'inbound',
            remoteParty: '+371 2000 0001',
            at: new Date().toISOString(),
            source: 'baresip',
          }),
        kind,
      );
    await ring('ringing');
    await phone.getByText('Incoming call from +371 2000 0001').waitFor();
    await expect.poll(() => ben.getByTestId('floor-status').textContent()).toBe('Ringing');
    await shot(lead, 'observation-floor-ringing');
    await ring('ended');
    await expect.poll(() => ben.getByTestId('floor-status').textContent()).toBe('Available');
    await phone.context().close();
    await lead.context().close();
  });

  it('shows the floor and the observation view in Simplified Chinese', async () => {
    const page = await sidebarPage(browser, 'zh-CN');
    await signInAsInChinese(page, hub.url, 'lead');
    await page.getByRole('heading', { name: '现场' }).waitFor();
    await expect
      .poll(() => page.getByTestId('floor-agent').filter({ hasText: 'Ava Agent' }).textContent())
      .toMatch(/通话中 · 00:\d\d.*预订/);
    await page.getByRole('button', { name: '陪听 Ava Agent' }).click();
    await page.getByRole('group', { name: '标签' }).waitFor();
    await page.getByLabel('观察内容').fill('语气很友好');
    await page.getByRole('button', { name: '发送', exact: true }).click();
    await expect.poll(() => receiptOf(page, '语气很友好').textContent()).toBe('仅自己');
    await shot(page, 'observation-zh-CN');
    await page.context().close();
  });
});
