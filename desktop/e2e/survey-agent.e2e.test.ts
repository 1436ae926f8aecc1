// Post-call surveys from the sidebar, end to end on a real hub in real Chromium: the quality
// manager edits the survey pack, an agent flags a call "do not survey" with a reason from the
// fixed list, and shows a link-channel survey to the customer as a link and a QR code.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  callsOf,
  connect,
  signIn,
  startHub,
  type RunningHub,
} from '../../hub/test/support/hub-process.js';
import {
  checkedAtWidths,
  chromiumMissing,
  launchChromium,
  sidebarPage,
  signInAs,
  signInAsInChinese,
  startCall,
} from './support/browser.js';
import { complaintsByLink } from '../../hub/test/support/surveys.js';

const missing = chromiumMissing();
if (missing) console.warn(`[skip] survey end-to-end tests: ${missing}`);

const activeId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');
const DONT_SURVEY = /^Don.t survey this call$/;

/** The agent is typing in the CRM beside the sidebar (an input outside the sidebar's views). */
async function typeInCrm(page: Page, text: string) {
  await page.evaluate(() => {
    if (document.getElementById('crm')) return;
    const crm = document.createElement('input');
    crm.id = 'crm';
    crm.setAttribute('aria-label', 'CRM notes');
    document.body.append(crm);
  });
  await page.locator('#crm').click();
  await page.keyboard.type(text);
}

/** What the hub says about a call's survey, asked as the agent from a second session. */
async function hubStatus(url: string, username: string, callId: string) {
  const socket = await connect(url, (await signIn(url, username)).token);
  try {
    const res = await socket.emitWithAck('survey:status', { callId });
    if (!res.ok) throw new Error(res.error.message);
    return res.data;
  } finally {
    socket.close();
  }
}

/** Complaint follow-ups by link (the first test does it through the editor; alone, this does). */

async function openCallId(url: string, username: string): Promise<string> {
  const open = (await callsOf(url, username)).find((c) => c.endedAt === null);
  if (!open) throw new Error(`${username} has no open call`);
  return open.id;
}

describe.skipIf(missing)('post-call surveys in Chromium', () => {
  let hub: RunningHub;
  let browser: Browser;
  let agent: Page;

  beforeAll(async () => {
    hub = await startHub({ demo: true });
    browser = await launchChromium();
    agent = await sidebarPage(browser);
  });
  afterAll(async () => {
    await browser?.close();
    await hub?.dispose();
  });

  it('lets the quality manager edit the survey pack, checked as they type', async () => {
    const quality = await sidebarPage(browser);
    await signInAs(quality, hub.url, 'quality');
    await quality.getByRole('button', { name: 'Survey pack', exact: true }).click();
    const yaml = quality.getByLabel('Survey pack (YAML)');
    await yaml.waitFor();
    const summary = quality.getByTestId('survey-pack-summary');
    await expect
      .poll(() => quality.getByTestId('survey-pack-active').textContent())
      .toMatch(/^Active: version 1, imported from the survey file, /);
    await expect.poll(() => summary.textContent()).toContain('Service survey');
    const text = (await summary.textContent()) ?? '';
    for (const part of [
      'Complaint follow-up',
      'Email',
      'SMS',
      '50% of eligible calls',
      'Every eligible call',
      '4 questions',
      '3 questions',
      'Nobody is surveyed twice within 30 days.',
      '+3716700*',
      '+37120000000',
    ])
      expect(text).toContain(part);
    expect(await quality.getByRole('button', { name: 'Save', exact: true }).isDisabled()).toBe(
      true,
    );
    await checkedAtWidths(quality, 'survey-pack-loaded');

    // A channel that does not exist: the error names the line and the field, as the hub would.
    const original = await yaml.inputValue();
    await yaml.fill(original.replace('channel: sms', 'channel: fax'));
    const errors = quality.getByTestId('survey-pack-errors');
    await expect
      .poll(() => errors.textContent())
      .toMatch(/Line \d+, column \d+: surveys\[1\]\.channel/);
    expect(await errors.getAttribute('role')).toBe('alert');
    expect(await yaml.getAttribute('aria-invalid')).toBe('true');
    await checkedAtWidths(quality, 'survey-pack-error');
    await quality.getByRole('button', { name: /^Go to line \d+$/ }).click();
    await expect.poll(() => activeId(quality)).toBe(await yaml.getAttribute('id'));

    // Complaint follow-ups by link (shown in the agent's sidebar): the version is still 1.
    await yaml.fill(original.replace('channel: sms', 'channel: link'));
    await expect
      .poll(() => errors.textContent())
      .toContain('The version is still 1: a saved pack needs the next one, 2.');
    await quality.getByRole('button', { name: 'Set version to 2' }).click();
    await expect.poll(() => errors.count()).toBe(0);
    expect(await yaml.inputValue()).toMatch(/^version: 2$/m);
    await expect.poll(() => summary.textContent()).toContain('Link and QR code in the sidebar');
    await quality.getByText('Your edit (version 2, not saved yet)').waitFor();
    await checkedAtWidths(quality, 'survey-pack-ready');
    await quality.getByRole('button', { name: 'Save version 2' }).click();
    await quality.getByText('Saved version 2.').waitFor();
    await expect
      .poll(() => quality.getByTestId('survey-pack-active').textContent())
      .toMatch(/^Active: version 2, saved by Quinn Quality, /);
    await checkedAtWidths(quality, 'survey-pack-saved');

    // Saved meanwhile from another sidebar: the hub refuses the stale version and says why.
    const other = await sidebarPage(browser);
    await signInAs(other, hub.url, 'quality');
    await other.getByRole('button', { name: 'Survey pack', exact: true }).click();
    const otherYaml = other.getByLabel('Survey pack (YAML)');
    await expect.poll(() => otherYaml.inputValue()).toMatch(/^version: 2$/m);
    await otherYaml.fill((await otherYaml.inputValue()).replace(/^version: 2$/m, 'version: 3'));
    await other.getByRole('button', { name: 'Save version 3' }).click();
    await other.getByText('Saved version 3.').waitFor();
    await other.context().close();

    await yaml.fill((await yaml.inputValue()).replace('cooldownDays: 30', 'cooldownDays: 14'));
    await quality.getByRole('button', { name: 'Set version to 3' }).click();
    await quality.getByRole('button', { name: 'Save version 3' }).click();
    await expect
      .poll(() => quality.getByRole('alert').filter({ hasText: 'did not save' }).textContent())
      .toBe('The hub did not save the pack: version must be 4 (the active pack is version 3)');
    await checkedAtWidths(quality, 'survey-pack-refused');
    await quality.getByRole('button', { name: 'Reload the active pack' }).click();
    await expect
      .poll(() => errors.textContent())
      .toContain('The version is still 3: a saved pack needs the next one, 4.');
    await quality.getByRole('button', { name: 'Set version to 4' }).click();
    await quality.getByRole('button', { name: 'Save version 4' }).click();
    await quality.getByText('Saved version 4.').waitFor();
    await expect
      .poll(() => summary.textContent())
      .toContain('Nobody is surveyed twice within 14 days.');
    await quality.context().close();
  });

  it('lets the agent flag a call "do not survey" only with a listed reason, and records it', async () => {
    await signInAs(agent, hub.url, 'agent1');
    await startCall(agent, 'Booking');
    const control = agent.getByTestId('do-not-survey');
    const toggle = control.getByRole('button', { name: DONT_SURVEY });
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    const reasons = control.getByRole('radio');
    await expect.poll(() => reasons.count()).toBe(3);
    expect(
      await reasons.evaluateAll((els) => els.map((e) => e.closest('label')?.textContent)),
    ).toEqual(['Abusive caller', 'Wrong number', 'Vulnerable customer']);
    expect(await control.getByRole('textbox').count()).toBe(0); // no free text
    await control
      .getByText('every exclusion is recorded with the call and reviewed by your team lead')
      .waitFor();
    const confirm = control.getByRole('button', { name: 'Confirm' });
    expect(await confirm.isDisabled()).toBe(true);
    await checkedAtWidths(agent, 'survey-agent-reasons');

    await control.getByRole('radio', { name: 'Vulnerable customer' }).check();
    await confirm.click();
    const recorded = agent.getByTestId('survey-excluded');
    await expect
      .poll(() => recorded.textContent())
      .toBe('Not surveyed: vulnerable customer. Your team lead sees this.');
    expect(await control.getByRole('button', { name: DONT_SURVEY }).count()).toBe(0);
    await checkedAtWidths(agent, 'survey-agent-excluded-on-call');
    const callId = await openCallId(hub.url, 'agent1');
    expect((await hubStatus(hub.url, 'agent1', callId)).exclusionReason).toBe(
      'vulnerable-customer',
    );

    // After the call the wrap-up still says so; the hub skipped the survey for that reason.
    await agent.getByRole('button', { name: 'End call' }).click();
    await agent.getByRole('heading', { name: 'How did that call go?' }).waitFor();
    await expect
      .poll(() => agent.getByTestId('survey-excluded').textContent())
      .toBe('Not surveyed: vulnerable customer. Your team lead sees this.');
    await expect
      .poll(async () => (await hubStatus(hub.url, 'agent1', callId)).skipReason)
      .toBe('excluded');
    await checkedAtWidths(agent, 'survey-agent-excluded-wrap-up');
    await agent.getByRole('button', { name: 'Skip' }).click();
    await expect.poll(() => agent.getByTestId('status').textContent()).toBe('Available');
  });

  it('shows a link-channel survey as a link and a QR code without taking the focus', async () => {
    await agent
      .context()
      .grantPermissions(['clipboard-read', 'clipboard-write'], { origin: hub.url });
    await complaintsByLink(hub.url);
    await startCall(agent, 'Complaint');
    const callId = await openCallId(hub.url, 'agent1');
    await typeInCrm(agent, 'Complaint ref 99');
    // The phone system ends the call (another session of the agent's, as the CTI would).
    const phone = await connect(hub.url, (await signIn(hub.url, 'agent1')).token);
    const ended = await phone.emitWithAck('call:end', {
      callId,
      endedAt: new Date().toISOString(),
    });
    phone.close();
    expect(ended.ok).toBe(true);

    const card = agent.locator('section').filter({
      has: agent.getByRole('heading', { name: 'Customer survey' }),
    });
    const link = card.getByTestId('survey-link');
    await expect.poll(() => link.textContent()).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/s\/\S+$/);
    const url = (await link.textContent()) ?? '';
    expect(url.startsWith(hub.url)).toBe(true);
    const qr = card.getByRole('img', { name: 'QR code of the customer survey link' });
    await expect.poll(() => qr.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    await card.getByText(/^Valid until /).waitFor();
    // The card appeared while the agent typed in the CRM: the keyboard stayed there.
    expect(await activeId(agent)).toBe('crm');
    await agent.keyboard.type(', escalated');
    expect(await agent.locator('#crm').inputValue()).toBe('Complaint ref 99, escalated');
    expect((await fetch(url)).status).toBe(200);
    await checkedAtWidths(agent, 'survey-agent-link');

    await card.getByRole('button', { name: 'Copy link' }).click();
    await card.getByText('Link copied.').waitFor();
    expect(await agent.evaluate(() => navigator.clipboard.readText())).toBe(url);

    // Flagged after the call, within the window: the link is withdrawn and the flag recorded.
    const after = agent.getByRole('region', { name: 'Survey of the last call' });
    await after.getByRole('button', { name: DONT_SURVEY }).click();
    await after.getByRole('radio', { name: 'Wrong number' }).check();
    await after.getByRole('button', { name: 'Confirm' }).click();
    await expect
      .poll(() => after.getByTestId('survey-excluded').textContent())
      .toBe('Not surveyed: wrong number. Your team lead sees this.');
    await expect.poll(() => card.count()).toBe(0);
    const status = await hubStatus(hub.url, 'agent1', callId);
    expect(status).toMatchObject({ exclusionReason: 'wrong-number', link: null });
    await checkedAtWidths(agent, 'survey-agent-link-excluded');
    await agent.getByRole('button', { name: 'Skip' }).click();
  });

  it('shows the agent in Chinese the same choice, at the sidebar’s width', async () => {
    const zh = await sidebarPage(browser, 'zh-CN');
    await signInAsInChinese(zh, hub.url, 'agent2');
    await expect.poll(() => zh.getByTestId('status').textContent()).toBe('空闲');
    await zh.getByRole('button', { name: '开始通话' }).click();
    await zh.getByRole('button', { name: '此通话不做调查' }).click();
    await zh.getByRole('radio', { name: '弱势客户' }).waitFor();
    await checkedAtWidths(zh, 'survey-agent-reasons-zh');
    await zh.getByRole('button', { name: '取消' }).click();
    await zh.getByRole('button', { name: '结束通话' }).click();
    await zh.context().close();
  });

  it('says so visibly when the flag cannot reach the hub', async () => {
    await startCall(agent, 'Booking');
    await hub.stop();
    await expect.poll(() => agent.getByTestId('status').textContent()).toBe('Offline');
    const control = agent.getByTestId('do-not-survey');
    await control.getByRole('button', { name: DONT_SURVEY }).click();
    await control.getByRole('radio', { name: 'Abusive caller' }).check();
    await control.getByRole('button', { name: 'Confirm' }).click();
    await expect
      .poll(() => control.getByRole('alert').textContent())
      .toBe('Not recorded: you are offline. Try again when the hub is back.');
    await checkedAtWidths(agent, 'survey-agent-offline');
  });
});
