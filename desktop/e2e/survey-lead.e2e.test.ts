// Customer feedback for leads end to end, on real parts: a hub process (the built hub/dist
// serving the built renderer), a real SMTP server on loopback, calls ended through the signed
// CTI webhook, customers answering the survey page over HTTP, and the lead's sidebar in
// Chromium: answers live, the service-recovery alert, the selective-surveying report, and the
// team setting that decides whether agents see their customers' feedback.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { CallRecord, ExclusionReason } from '@sidecoach/shared';
import { data } from '../../hub/test/support/calls.js';
import {
  connect,
  signIn,
  startHub,
  type HubSocket,
  type RunningHub,
} from '../../hub/test/support/hub-process.js';
import {
  ctiCall,
  startMailbox,
  submitSurvey,
  surveyEmail,
  surveyLinkIn,
  surveyHubArgs,
  type Mailbox,
} from '../../hub/test/support/surveys.js';
import {
  checkedAtWidths,
  chromiumMissing,
  frameFromHub,
  launchChromium,
  sidebarPage,
  signInAs,
  signInAsInChinese,
} from './support/browser.js';

const missing = chromiumMissing();
if (missing) console.warn(`[skip] survey (lead) end-to-end tests: ${missing}`);

/** What has the keyboard: its accessible name as the test reads it. */
const focused = (page: Page) =>
  page.evaluate(
    () =>
      document.activeElement?.getAttribute('aria-label') ??
      document.activeElement?.textContent ??
      '',
  );

describe.skipIf(missing)('customer feedback for leads in Chromium', () => {
  let dir: string;
  let mailbox: Mailbox;
  let hub: RunningHub;
  let browser: Browser;
  let lead: Page;
  let ava: HubSocket;
  let ben: HubSocket;
  let leadSocket: HubSocket;
  let n = 0;

  /** A call that ends through the CTI webhook, is emailed, and answered by its customer. */
  async function answeredCall(
    agent: HubSocket,
    extension: string,
    answers: Record<string, string>,
  ): Promise<CallRecord> {
    const email = `customer${++n}@example.test`;
    const call = await ctiCall(hub, agent, { extension, callType: 'booking', customer: { email } });
    const link = surveyLinkIn(await surveyEmail(hub, mailbox, email));
    expect((await submitSurvey(link, answers)).status).toBe(303);
    return call;
  }

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sidecoach-survey-lead-'));
    mailbox = await startMailbox();
    hub = await startHub({
      demo: true,
      extraArgs: surveyHubArgs(
        dir,
        // The SMS gateway is down and sends are given up at once: the report must warn.
        { smtpUrl: mailbox.url, webhookUrl: 'http://127.0.0.1:9/gateway' },
        '--survey-give-up',
        '0',
      ),
    });
    browser = await launchChromium();
    lead = await sidebarPage(browser);
    ava = await connect(hub.url, (await signIn(hub.url, 'agent1')).token);
    ben = await connect(hub.url, (await signIn(hub.url, 'agent2')).token);
    leadSocket = await connect(hub.url, (await signIn(hub.url, 'lead')).token);
  });
  afterAll(async () => {
    ava?.close();
    ben?.close();
    leadSocket?.close();
    await browser?.close();
    await hub?.dispose();
    await mailbox?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('shows customers’ answers live, and alerts the lead to low scores without taking the focus', async () => {
    await signInAs(lead, hub.url, 'lead');
    await lead.getByRole('heading', { name: 'Floor' }).waitFor();
    await lead.getByRole('button', { name: 'Customer feedback' }).click();
    await lead.getByRole('heading', { name: 'Customer feedback' }).waitFor();
    await expect
      .poll(() => lead.getByTestId('feedback-empty').textContent())
      .toBe('No responses in the last 7 days.');
    const setting = lead.getByLabel('Agents see their customers’ feedback');
    await expect.poll(() => setting.isChecked()).toBe(true);
    await checkedAtWidths(lead, 'survey-lead-empty');

    // An answer arrives while the view is open: listed at once, the comment shown as text.
    await answeredCall(ava, '1001', {
      csat: '5',
      resolved: 'yes',
      effort: '1',
      comment: 'Quick and kind <b>really</b>',
    });
    const items = lead.getByTestId('survey-response');
    await expect.poll(() => items.count()).toBe(1);
    await expect
      .poll(() => items.first().textContent())
      .toMatch(
        /^Ava AgentCSAT 5\/5 · Very satisfiedBooking · Resolved · Effort 1\/5 \(very easy\)Customer comment: Quick and kind <b>really<\/b>\w{3} \d+, \d\d:\d\d (AM|PM) · Email$/,
      );
    expect(await items.first().locator('b').count()).toBe(0);
    await expect
      .poll(() => lead.getByTestId('feedback-by-agent').locator('tbody tr').allInnerTexts())
      .toEqual(['Ava Agent\t1\t100%\t5.0']);

    // On the floor, with the keyboard on a button: the alert shows and leaves the focus be.
    await lead.getByRole('button', { name: 'Back to where you were' }).click();
    await lead.getByRole('heading', { name: 'Floor' }).waitFor();
    await lead.getByRole('button', { name: 'Observe Chen Agent' }).focus();
    await answeredCall(ben, '1002', {
      csat: '1',
      resolved: 'no',
      effort: '5',
      comment:
        'Nobody called back. I had to explain the whole booking three times to three people.',
    });
    const alert = lead.getByTestId('survey-alert');
    await expect
      .poll(() => alert.textContent())
      .toMatch(/^Service recovery: Ben Agent’s customer rated 1\/5 \(Booking\)“Nobody called back/);
    expect(await alert.getAttribute('role')).toBe('alert');
    expect(await focused(lead)).toBe('Observe Chen Agent');
    await checkedAtWidths(lead, 'survey-lead-alert-floor');
    await answeredCall(ava, '1001', { csat: '2', resolved: 'no', effort: '4', comment: '' });
    await expect
      .poll(() => alert.textContent())
      .toMatch(/^Service recovery: Ava Agent’s customer rated 2\/5 \(Booking\)1 more alert/);
    expect(await focused(lead)).toBe('Observe Chen Agent');
    await lead.keyboard.type(' '); // the keyboard still works the floor: observing Chen
    await lead.getByRole('heading', { name: 'Chen Agent' }).waitFor();
    await expect.poll(() => alert.count()).toBe(1); // over the observation view too
    await checkedAtWidths(lead, 'survey-lead-alert');

    await lead
      .getByRole('button', { name: 'Dismiss the alert about Ava Agent’s customer' })
      .click();
    await expect.poll(() => alert.textContent()).toMatch(/Ben Agent’s customer rated 1\/5/);
    await expect.poll(() => lead.getByTestId('survey-alert-more').count()).toBe(0);
    await lead.getByRole('button', { name: 'Open the response from Ben Agent’s customer' }).click();
    await lead.getByRole('heading', { name: 'Customer feedback' }).waitFor();
    await expect.poll(() => alert.count()).toBe(0);
    const marked = lead.locator('[data-testid="survey-response"][aria-current="true"]');
    await expect
      .poll(() => marked.textContent())
      .toMatch(
        /^Ben AgentCSAT 1\/5 · Very dissatisfiedBooking · Not resolved · Effort 5\/5 \(very hard\)Customer comment: Nobody called back/,
      );
    await expect
      .poll(() => items.locator('strong.who').allTextContents())
      .toEqual(['Ava Agent', 'Ben Agent', 'Ava Agent']);
    await expect
      .poll(() => lead.getByTestId('feedback-by-agent').locator('tbody tr').allInnerTexts())
      // CSAT is the share of 4-5 answers (Ava: 5 and 2), the mean rating 1-5 beside it.
      .toEqual(['Ava Agent\t2\t50%\t3.5', 'Ben Agent\t1\t0%\t1.0']);
    await checkedAtWidths(lead, 'survey-lead-feedback');

    // Back returns to the agent being observed; the filters narrow the list.
    await lead.getByRole('button', { name: 'Back to where you were' }).click();
    await lead.getByRole('heading', { name: 'Chen Agent' }).waitFor();
    await lead.getByRole('button', { name: 'Back to the floor' }).click();
    await lead.getByRole('button', { name: 'Customer feedback' }).click();
    await expect.poll(() => items.count()).toBe(3);
    await lead.getByLabel('Agent', { exact: true }).selectOption({ label: 'Ben Agent' });
    await expect.poll(() => items.locator('strong.who').allTextContents()).toEqual(['Ben Agent']);
    await lead.getByLabel('Call type', { exact: true }).selectOption({ label: 'Complaint' });
    await expect
      .poll(() => lead.getByTestId('feedback-empty').textContent())
      .toBe('No responses match these filters.');
    await lead.getByLabel('Call type', { exact: true }).selectOption({ label: 'All call types' });
    await lead.getByLabel('Agent', { exact: true }).selectOption({ label: 'All agents' });
    await lead.getByLabel('Period').selectOption({ label: 'Last 30 days' });
    await expect.poll(() => items.count()).toBe(3);
    // A custom range of days: the last days' answers, none in a range before them.
    const day = (offset: number) =>
      new Date(Date.now() + offset * 86_400_000).toLocaleDateString('sv');
    await lead.getByLabel('Period').selectOption({ label: 'Custom range…' });
    await lead.getByLabel('From', { exact: true }).fill(day(-60));
    await lead.getByLabel('To', { exact: true }).fill(day(-40));
    await expect
      .poll(() => lead.getByTestId('feedback-empty').textContent())
      .toBe(`No responses from ${day(-60)} to ${day(-40)}.`);
    await lead.getByLabel('To', { exact: true }).fill(day(-70));
    await expect
      .poll(() => lead.getByRole('alert').textContent())
      .toContain('The end is before the start.');
    await lead.getByLabel('To', { exact: true }).fill(day(0));
    await expect.poll(() => items.count()).toBe(3);
    await lead.getByLabel('Period').selectOption({ label: 'Last 30 days' });
  });

  it('flags the agent who excludes far more calls than the rest of the team', async () => {
    const exclude = (reason: ExclusionReason) => async (call: CallRecord) => {
      data(await ava.emitWithAck('survey:exclude', { callId: call.id, reason }));
    };
    // Ava keeps 12 of 30 in-person sales away from the survey; Ben excludes none.
    for (let i = 0; i < 30; i++)
      await ctiCall(hub, ava, {
        extension: '1001',
        callType: 'sales',
        ...(i < 12 ? { during: exclude(i % 3 === 2 ? 'wrong-number' : 'abusive-caller') } : {}),
      });
    for (let i = 0; i < 12; i++) await ctiCall(hub, ben, { extension: '1002', callType: 'sales' });
    // A complaint goes out by SMS through the gateway, which is down.
    await ctiCall(hub, ben, {
      extension: '1002',
      callType: 'complaint',
      customer: { phone: '+371 2000 0042' },
    });
    // Not faster: survey:report has a budget (60 in ten minutes, hub/src/lib/budgets.ts).
    await expect
      .poll(async () => data(await leadSocket.emitWithAck('survey:report', {})).delivery.failed, {
        interval: 500,
      })
      .toBe(1);

    await lead.getByRole('button', { name: 'Survey report' }).click();
    await lead.getByRole('heading', { name: 'Selective-surveying report' }).waitFor();
    const flags = lead.getByTestId('survey-flag');
    await expect
      .poll(() => flags.allTextContents())
      .toEqual([
        'Ava Agent excludes far more calls than the rest of the team: 38% of eligible calls against 0%.',
        expect.stringMatching(
          /^Ava Agent has far fewer calls surveyed than the rest of the team: 63% of eligible calls against \d+%\.$/,
        ),
      ]);
    const avaRow = lead.getByTestId('survey-agent').filter({ hasText: 'Ava Agent' });
    expect(await avaRow.getAttribute('class')).toContain('flagged');
    await expect
      .poll(() => avaRow.locator('td').allInnerTexts())
      .toEqual([
        '32',
        '32',
        '63%',
        '38% (12)',
        '8',
        '4',
        '0',
        '10%',
        '50%',
        '3.5',
        '0·1·0·0·1',
        '0',
      ]);
    expect(await avaRow.locator('th').innerText()).toMatch(
      /^Ava Agent ⚑\s+flagged: excludes far more calls than the rest of the team; far fewer calls surveyed than the rest of the team$/,
    );
    const benRow = lead.getByTestId('survey-agent').filter({ hasText: 'Ben Agent' });
    expect(await benRow.getAttribute('class')).not.toContain('flagged');
    await expect
      .poll(() => lead.getByTestId('survey-delivery').textContent())
      .toMatch(/1 survey could not be sent \(0 still retrying\)/);

    // The chart compares the flagged agent with the team; a row picks another agent.
    await lead.getByRole('heading', { name: 'CSAT: Ava Agent against the team' }).waitFor();
    await expect.poll(() => lead.getByTestId('csat-chart').locator('canvas').count()).toBe(1);
    await benRow.getByRole('button', { name: 'Ben Agent' }).click();
    await lead.getByRole('heading', { name: 'CSAT: Ben Agent against the team' }).waitFor();
    await expect
      .poll(() => lead.getByTestId('csat-chart-legend').innerText())
      .toMatch(/Team 1: \d+% · 2: \d+% · 3: \d+% · 4: \d+% · 5: \d+%\s+Ben Agent 1: /);
    await expect
      .poll(() => lead.getByTestId('survey-call-types').locator('tbody tr').allInnerTexts())
      .toEqual([expect.stringMatching(/^Booking\t3\t33%\t2\.7\t33%\t3\.3\t1·1·0·0·1$/)]);

    // Every exclusion, with its reason.
    const exclusions = lead.getByTestId('survey-exclusion');
    await expect.poll(() => exclusions.count()).toBe(10);
    await lead.getByRole('button', { name: 'Show all 12' }).click();
    await expect.poll(() => exclusions.count()).toBe(12);
    await expect.poll(() => exclusions.filter({ hasText: 'Wrong number' }).count()).toBe(4);
    expect(await exclusions.first().textContent()).toMatch(
      /^Ava Agent.*Sales · (Abusive caller|Wrong number)$/,
    );
    await checkedAtWidths(lead, 'survey-report');
  });

  it('lets the lead decide whether agents see their customers’ feedback', async () => {
    await lead.getByRole('button', { name: 'Customer feedback' }).click();
    const setting = lead.getByLabel('Agents see their customers’ feedback');
    const status = lead.getByTestId('team-setting-status');
    await expect.poll(() => setting.isChecked()).toBe(true);
    await setting.uncheck();
    await expect.poll(() => status.textContent()).toBe('Saved');

    const agent = await sidebarPage(browser);
    // The hub's refusal of the sidebar's request for Ava's feedback, as it comes over the socket.
    const refused = frameFromHub(agent, (frame) =>
      frame.includes("does not share customers' survey responses"),
    );
    await signInAs(agent, hub.url, 'agent1');
    // Ava's last call ended through the phone system: she is in wrap-up.
    await expect.poll(() => agent.getByTestId('status').textContent()).toBe('Wrap-up');
    await refused;
    // Asked, the sidebar shows the section ('loading') until it has the answer; then none.
    const mine = agent.getByRole('heading', { name: 'Your customers’ feedback' });
    await expect.poll(() => mine.count()).toBe(0);

    await setting.check();
    await expect.poll(() => status.textContent()).toBe('Saved');
    await agent.reload();
    await mine.waitFor();
    await expect
      .poll(() => agent.getByTestId('my-feedback-summary').textContent())
      .toBe('2 responses in the last 30 days · CSAT 50% · mean rating 3.5');
    await expect
      .poll(() => agent.getByTestId('survey-response').locator('strong.who').allTextContents())
      .toEqual(['Booking', 'Booking']);
    await agent.getByRole('button', { name: 'Skip' }).click();
    await expect.poll(() => agent.getByTestId('status').textContent()).toBe('Available');
    await checkedAtWidths(agent, 'survey-agent-my-feedback');
    await agent.context().close();
  });

  it('shows the feedback and the report in Simplified Chinese', async () => {
    const page = await sidebarPage(browser, 'zh-CN');
    await signInAsInChinese(page, hub.url, 'lead');
    await page.getByRole('button', { name: '客户反馈' }).click();
    await page.getByRole('heading', { name: '客户反馈' }).waitFor();
    await expect
      .poll(() => page.getByTestId('survey-response').first().textContent())
      .toMatch(/^Ava Agent满意度 2\/5 · 不满意预订 · 未解决 · 费力度 4\/5（费力）/);
    await checkedAtWidths(page, 'survey-lead-zh-CN');
    await page.getByRole('button', { name: '调查报告' }).click();
    await page.getByRole('heading', { name: '选择性调查报告' }).waitFor();
    await expect
      .poll(() => page.getByTestId('survey-flag').first().textContent())
      .toBe('Ava Agent 排除的通话远多于团队其他人：占符合条件通话的 38%，其他人为 0%。');
    await checkedAtWidths(page, 'survey-report-zh-CN');
    await page.context().close();
  });

  it('gives the quality manager the survey pack beside the feedback views', async () => {
    const quality = await sidebarPage(browser);
    await signInAs(quality, hub.url, 'quality');
    await quality.getByRole('heading', { name: 'Floor' }).waitFor();
    const nav = quality.getByRole('navigation', { name: 'Coaching views' });
    await expect
      .poll(() => nav.getByRole('button').allTextContents())
      .toEqual([
        'Coaching language',
        'Coaching sessions',
        'Customer feedback',
        'Survey report',
        'Figures',
        'Scorecard',
        'Survey pack',
        'Quality',
        'Recognition',
        'Mystery calls',
        'Administration',
      ]);
    // Every agent's answers (a quality manager coaches every team).
    await nav.getByRole('button', { name: 'Customer feedback' }).click();
    await expect.poll(() => quality.getByTestId('survey-response').count()).toBe(3);
    await quality.getByRole('button', { name: 'Survey pack' }).click();
    await quality.getByRole('heading', { name: 'Survey pack' }).waitFor();
    await checkedAtWidths(quality, 'survey-admin-pack');
    await quality.getByRole('button', { name: 'Back to where you were' }).click();
    await quality.getByRole('heading', { name: 'Floor' }).waitFor();
    await quality.context().close();
  });

  it('sets apart an answer given in a browser signed in to the sidebar, and shows the lead why', async () => {
    // Ava opens her customer's link in the browser her web sidebar runs in (same origin).
    const avaPage = await sidebarPage(browser);
    await signInAs(avaPage, hub.url, 'agent1');
    await expect
      .poll(() => avaPage.evaluate(() => localStorage.getItem('sidecoach.session') !== null))
      .toBe(true);
    // The session stays in the origin's storage; the sidebar itself is closed, or it would start
    // the PBX's call on its own (racing the test's socket, which drives the call here).
    await avaPage.goto('about:blank');
    const call = await ctiCall(hub, ava, { extension: '1001', callType: 'sales' });
    let link = '';
    await expect
      .poll(async () => {
        link = data(await ava.emitWithAck('survey:status', { callId: call.id })).link ?? '';
        return link;
      })
      .toMatch(/\/s\//);
    await avaPage.goto(link);
    const group = (name: RegExp) => avaPage.getByRole('group', { name });
    await group(/How satisfied are you\?/)
      .getByRole('radio', { name: /5\s*Very satisfied/ })
      .check();
    await group(/Was it resolved\?/)
      .getByRole('radio', { name: /Yes/ })
      .check();
    await group(/How easy was it\?/)
      .getByRole('radio', { name: /5\s*Very easy/ })
      .check();
    await avaPage.getByRole('button', { name: 'Send my answers' }).click();
    // She is thanked like any customer.
    await avaPage.getByRole('heading', { name: 'Thank you' }).waitFor();
    await avaPage.context().close();

    await lead.getByRole('button', { name: 'Survey report' }).click();
    await lead.getByRole('heading', { name: 'Selective-surveying report' }).waitFor();
    await lead.getByRole('button', { name: 'Refresh' }).click();
    const rows = lead.getByTestId('survey-self-answer-row');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toMatch(/^Ava Agent.*Staff browser5/);
    await expect
      .poll(() =>
        lead
          .getByTestId('survey-agent')
          .filter({ hasText: 'Ava Agent' })
          .getByTestId('agent-set-apart')
          .textContent(),
      )
      .toBe('1');
    await checkedAtWidths(lead, 'survey-report-set-apart');
  });

  it('says so when the hub cannot be reached', async () => {
    await lead.getByRole('button', { name: 'Survey report' }).click();
    await lead.getByRole('heading', { name: 'Selective-surveying report' }).waitFor();
    await hub.stop();
    await expect.poll(() => lead.getByTestId('status').textContent()).toBe('Offline');
    await lead.getByRole('button', { name: 'Refresh' }).click();
    await expect
      .poll(() => lead.getByRole('alert').allTextContents())
      .toContain('The hub is not reachable: try again when you are online.');
    await checkedAtWidths(lead, 'survey-report-offline');
  });
});
