// A real softphone drives the sidebar: two baresip processes on loopback (agent and customer),
// the BaresipAdapter on the agent's ctrl_tcp, the built renderer in Chromium, a real hub.
// Electron's IPC is the one part not here: the adapter's events reach the page through
// Playwright (injectDesktopBridge) into the same `onCallEvent` bridge verb the preload
// implements; the Electron end-to-end test covers the IPC where a binary exists.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DesktopSettingsSchema, type CallControl, type CallEvent } from '@sidecoach/shared';
import { BaresipAdapter } from '../src/main/softphone/baresip.js';
import { callsOf, startHub, type RunningHub } from '../../hub/test/support/hub-process.js';
import {
  baresipMissing,
  freeSipPort,
  startSoftphone,
  waitUntil,
  type Softphone,
} from './support/baresip.js';
import {
  chromiumMissing,
  injectDesktopBridge,
  launchChromium,
  screenshot,
  sidebarPage,
  signInAs,
  type InjectedWindow,
} from './support/browser.js';

const missing = chromiumMissing() ?? baresipMissing();
if (missing) console.warn(`[skip] softphone end-to-end tests: ${missing}`);

describe.skipIf(missing)('baresip drives the sidebar', () => {
  let hub: RunningHub;
  let browser: Browser;
  let page: Page;
  let agent: Softphone;
  let customer: Softphone;
  let adapter: BaresipAdapter;
  let customerCtrl: BaresipAdapter;
  const events: CallEvent[] = [];

  beforeAll(async () => {
    hub = await startHub({ demo: true });
    const sip = await freeSipPort();
    agent = await startSoftphone('agent', sip);
    customer = await startSoftphone('cust', await freeSipPort([sip]));
    adapter = new BaresipAdapter({ port: agent.ctrlPort, minBackoffMs: 100, maxBackoffMs: 500 });
    customerCtrl = new BaresipAdapter({ port: customer.ctrlPort });
    adapter.start();
    customerCtrl.start();
    await waitUntil(
      () => adapter.status === 'connected' && customerCtrl.status === 'connected',
      'baresip control',
    );

    browser = await launchChromium();
    page = await sidebarPage(browser);
    await injectDesktopBridge(
      page,
      DesktopSettingsSchema.parse({ hubUrl: 'http://placeholder', language: null }),
    );
    adapter.onEvent((e) => {
      events.push(e);
      void page.evaluate((ev) => (window as InjectedWindow).deliverCallEvent?.(ev), e);
    });
    // The sidebar's Answer / Hold / Hang up buttons reach the adapter as the IPC would.
    await page.exposeFunction('sidecoachControl', async (action: CallControl) => {
      const response = await adapter[action]();
      if (!response.ok) throw new Error(`baresip refused to ${action}`);
    });
    await signInAs(page, hub.url, 'agent1');
    await page.getByRole('button', { name: 'Start call' }).waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await adapter?.stop();
    await customerCtrl?.stop();
    await agent?.dispose();
    await customer?.dispose();
    await hub?.dispose();
  });

  const storedCall = async (externalId: string) =>
    (await callsOf(hub.url, 'agent1')).find((c) => c.externalId === externalId);

  it('answers and holds from the sidebar, shows the checklist, and the self-assessment when the customer hangs up', async () => {
    expect((await customerCtrl.dial(agent.uri)).ok).toBe(true);
    await page.getByText(/Incoming call from sip:cust@127\.0\.0\.1/).waitFor();
    await page.getByRole('button', { name: 'Answer' }).click();
    await page.getByRole('group', { name: 'Process' }).waitFor();
    await page.getByRole('button', { name: 'Hold' }).click();
    await page.getByText('On hold').waitFor();
    await page.getByRole('button', { name: 'Resume' }).click();
    await expect.poll(() => page.getByText('On hold').count()).toBe(0);
    expect(await page.getByText('Softphone').count()).toBeGreaterThan(0);
    await screenshot(page, 'sidebar-baresip-call');
    expect((await customerCtrl.hangup()).ok).toBe(true);
    await page.getByRole('heading', { name: 'How did that call go?' }).waitFor();
    await page.getByRole('button', { name: 'Skip' }).click();
    await expect.poll(() => page.getByTestId('sync').textContent()).toBe('All changes saved');

    expect(events.map((e) => e.kind)).toEqual(['ringing', 'answered', 'held', 'resumed', 'ended']);
    const answered = events[1]!;
    const ended = events[4]!;
    const stored = await storedCall(answered.callId);
    expect(stored).toMatchObject({ source: 'baresip', startedAt: answered.at, endedAt: ended.at });
    expect(stored?.durationMs).toBe(Date.parse(ended.at) - Date.parse(answered.at));
  });

  it('follows the next call after baresip is killed and restarted', async () => {
    events.length = 0;
    await agent.kill();
    await waitUntil(() => adapter.status !== 'connected', 'the adapter to notice');
    await agent.restart();
    await waitUntil(() => adapter.status === 'connected', 'the adapter to reconnect', 15_000);
    expect((await customerCtrl.dial(agent.uri)).ok).toBe(true);
    await waitUntil(() => events.some((e) => e.kind === 'ringing'), 'ringing');
    expect((await adapter.answer()).ok).toBe(true);
    await page.getByRole('group', { name: 'Process' }).waitFor();
    await page.getByRole('button', { name: 'Hang up' }).click();
    await page.getByRole('heading', { name: 'How did that call go?' }).waitFor();
    const callId = events.find((e) => e.kind === 'answered')?.callId ?? '';
    await expect.poll(async () => (await storedCall(callId))?.endedAt ?? null).not.toBeNull();
  });
});
