// Post-call surveys on real parts: a hub process, socket.io clients, a real SQLite file and a
// real SMTP server on loopback. Calls end the way the PBX ends them (signed CTI webhook), the
// hub decides and emails, the customer answers over plain HTTP, the lead hears of it live.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withHubDatabase } from './support/database.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallRecord } from '@sidecoach/shared';
import { data, noteBetweenCalls } from './support/calls.js';
import {
  connect,
  signIn,
  startHub,
  type HubSocket,
  type RunningHub,
} from './support/hub-process.js';
import { InboxClient } from './support/inbox-client.js';
import {
  afterEmailSentinels,
  ctiCall,
  startMailbox,
  submitSurvey,
  surveyEmail,
  surveyLinkIn,
  surveyHubArgs,
  type Mailbox,
} from './support/surveys.js';

const GOOD = { csat: '5', resolved: 'yes', effort: '1', comment: 'Quick and kind.' };

describe('post-call surveys by email', () => {
  let dir: string;
  let mailbox: Mailbox;
  let hub: RunningHub;
  let agent: HubSocket;
  let lead: InboxClient;
  let agentInbox: InboxClient;
  let n = 0;
  /** A fresh customer address per test, so the cooldown never links two tests. */
  const customer = () => `customer${++n}@example.test`;
  const emailCall = (email: string, extra: Partial<Parameters<typeof ctiCall>[2]> = {}) =>
    ctiCall(hub, agent, { extension: '1001', callType: 'booking', customer: { email }, ...extra });

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sidecoach-surveys-'));
    mailbox = await startMailbox();
    hub = await startHub({
      demo: true,
      extraArgs: surveyHubArgs(
        dir,
        { smtpUrl: mailbox.url },
        '--mail-from',
        'Surveys <surveys@sidecoach.test>',
      ),
    });
    agent = await connect(hub.url, (await signIn(hub.url, 'agent1')).token);
    lead = await InboxClient.open(hub.url, 'lead');
    agentInbox = await InboxClient.open(hub.url, 'agent2');
  });
  afterAll(async () => {
    agent?.close();
    lead?.close();
    agentInbox?.close();
    await hub?.dispose();
    await mailbox?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('emails the customer at call end; the answer reaches the lead once, with an alert at CSAT 1', async () => {
    const email = customer();
    const call = await emailCall(email);
    const mail = await surveyEmail(hub, mailbox, email);
    expect(mail.subject).toMatch(/survey/i);
    expect(mail.from?.text).toContain('surveys@sidecoach.test');
    expect(mail.messageId).toBe(`<survey-${call.id}@sidecoach>`);
    expect(mail.html).toContain('Answer the survey');
    const link = surveyLinkIn(mail);
    expect(link.startsWith(hub.url)).toBe(true);

    const form = await fetch(link);
    expect(form.status).toBe(200);
    const html = await form.text();
    expect(html).toContain('Service survey');
    expect(html).toContain('How satisfied are you?');
    expect(html).toMatch(/<fieldset[^>]*><legend>How satisfied are you\?/);

    const posted = await submitSurvey(link, {
      csat: '1',
      resolved: 'no',
      effort: '5',
      comment: 'Nobody called back <b>twice</b>',
    });
    expect(posted.status).toBe(303);
    const thanks = await fetch(new URL(posted.headers.get('location')!, hub.url));
    expect(thanks.status).toBe(200);
    expect(await thanks.text()).toContain('Your team reads every answer.');

    await lead.until('the response', () => lead.of('survey-response').length > 0);
    const [message] = lead.of('survey-response');
    expect(message!.response).toMatchObject({
      callId: call.id,
      agentName: 'Ava Agent',
      callType: 'booking',
      csat: 1,
      resolved: false,
      effort: 5,
      comment: 'Nobody called back <b>twice</b>',
      alert: true,
    });
    const listed = data(await lead.socket.emitWithAck('survey:responses', { days: 1 }));
    expect(listed.responses.map((r) => r.callId)).toContain(call.id);
    // The agent's own view (their team shares responses by default).
    const mine = data(await agent.emitWithAck('survey:responses', {}));
    expect(mine.responses.map((r) => r.callId)).toEqual([call.id]);

    // Used once: the form and a second answer are refused with a page that says so.
    const again = await fetch(link);
    expect(again.status).toBe(409);
    expect(await again.text()).toContain('already been answered');
    expect((await submitSurvey(link, GOOD)).status).toBe(409);
    // A later message to the lead (their own private note): a second response would be before it.
    await lead.afterSentinel(() => noteBetweenCalls(lead.socket, call.agentId, 'private'));
    expect(lead.of('survey-response')).toHaveLength(1);
  });

  it('surveys a call the PBX ended while the sidebar was closed', async () => {
    const email = customer();
    const call = await emailCall(email, { sidebarEnds: false });
    expect(call.endedAt).not.toBeNull();
    expect((await mailbox.waitFor(email)).messageId).toBe(`<survey-${call.id}@sidecoach>`);
    // The sidebar's own end, arriving late, changes nothing.
    const late = data(
      await agent.emitWithAck('call:end', { callId: call.id, endedAt: new Date().toISOString() }),
    );
    expect(late.endedAt).toBe(call.endedAt);
  });

  it('refuses forged, tampered and malformed tokens with a clear page', async () => {
    const email = customer();
    await emailCall(email);
    const link = surveyLinkIn(await surveyEmail(hub, mailbox, email));
    const token = link.split('/s/')[1]!;
    const tampered = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
    for (const bad of [tampered, 'x'.repeat(43), 'short', `${token}x`, '../../api/healthz']) {
      const res = await fetch(`${hub.url}/s/${encodeURIComponent(bad)}`);
      expect(res.status, bad).toBe(404);
      expect(await res.text()).toContain('This link does not work');
      expect((await submitSurvey(`${hub.url}/s/${encodeURIComponent(bad)}`, GOOD)).status).toBe(
        404,
      );
    }
    // The real one still works.
    expect((await fetch(link)).status).toBe(200);
  });

  it('refuses an expired link', async () => {
    const email = customer();
    const call = await emailCall(email);
    const link = surveyLinkIn(await surveyEmail(hub, mailbox, email));
    await withHubDatabase(hub.dataDir, (db) =>
      db
        .updateTable('survey_sends')
        .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
        .where('call_id', '=', call.id)
        .execute(),
    );
    const res = await fetch(link);
    expect(res.status).toBe(410);
    expect(await res.text()).toContain('This survey has closed');
    expect((await submitSurvey(link, GOOD)).status).toBe(410);
  });

  it('shows the form again with errors, keeps answers, escapes them and caps the comment', async () => {
    const email = customer();
    await emailCall(email);
    const link = surveyLinkIn(await surveyEmail(hub, mailbox, email));
    const res = await submitSurvey(link, { csat: '7', comment: '<script>alert(1)</script>' });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('Please check your answers');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>');
    expect(html).toContain('role="alert"');
    const long = await submitSurvey(link, { ...GOOD, comment: 'x'.repeat(201) });
    expect(long.status).toBe(400);
    expect(await long.text()).toContain('200 characters');
    // Still answerable after the refusals.
    expect((await submitSurvey(link, GOOD)).status).toBe(303);
  });

  it('serves the page in the customer’s language, and on request in another', async () => {
    const email = customer();
    await emailCall(email, { customer: { email, lang: 'zh-CN' } });
    const mail = await surveyEmail(hub, mailbox, email);
    expect(mail.subject).toContain('调查');
    const link = surveyLinkIn(mail);
    const zh = await (await fetch(link)).text();
    expect(zh).toContain('<html lang="zh-CN"');
    expect(zh).toContain('您满意吗？');
    const en = await (await fetch(`${link}?lang=en`)).text();
    expect(en).toContain('How satisfied are you?');
  });

  it('writes to a customer in Taiwan in Traditional Chinese and offers all four languages', async () => {
    const email = customer();
    await emailCall(email, { customer: { email, lang: 'zh-Hant-TW' } });
    const mail = await surveyEmail(hub, mailbox, email);
    expect(mail.subject).toBe('我們的服務表現如何？一分鐘填寫本次來電的問卷');
    expect(mail.headers.get('content-language')).toBe('zh-TW');
    expect(mail.text).toContain('填寫問卷');
    expect(mail.text).toContain('每 30 天最多只會收到一次問卷');
    const link = surveyLinkIn(mail);
    const tw = await (await fetch(link)).text();
    expect(tw).toContain('<html lang="zh-TW"');
    expect(tw).toContain('您滿意嗎？');
    expect(tw).toContain('送出我的回答');
    expect(tw).toContain('選填，最多 200 個字。');
    // The page offers every language the survey is written in, each named in its own words.
    expect(tw).toContain('<span aria-current="true" lang="zh-TW">繁體中文</span>');
    for (const [lang, name] of [
      ['en', 'English'],
      ['zh-CN', '简体中文'],
      ['lv', 'Latviešu'],
    ])
      expect(tw).toContain(`lang="${lang}" hrefLang="${lang}">${name}</a>`);

    // Chosen on the page: Latvian, with its plural forms in the hint and the error.
    const lv = await (await fetch(`${link}?lang=lv`)).text();
    expect(lv).toContain('<html lang="lv"');
    expect(lv).toContain('Vai esat apmierināti?');
    expect(lv).toContain('Pēc izvēles, līdz 200 rakstzīmēm.');
    const long = await submitSurvey(link, { ...GOOD, comment: 'ā'.repeat(201), lang: 'lv' });
    expect(long.status).toBe(400);
    expect(await long.text()).toContain('Lūdzu, saīsiniet tekstu līdz 200 rakstzīmēm.');
  });

  it('follows the browser’s language when the call did not know the customer’s', async () => {
    const email = customer();
    await emailCall(email); // no language from the PBX: the email goes out in the hub's default
    const mail = await surveyEmail(hub, mailbox, email);
    expect(mail.subject).toMatch(/survey/i);
    const link = surveyLinkIn(mail);
    const langOf = async (acceptLanguage?: string) => {
      const res = await fetch(
        link,
        acceptLanguage ? { headers: { 'accept-language': acceptLanguage } } : {},
      );
      return /<html lang="([^"]+)"/.exec(await res.text())?.[1];
    };
    expect(await langOf('lv-LV,lv;q=0.9,en-US;q=0.8')).toBe('lv');
    expect(await langOf('zh-HK,zh;q=0.9')).toBe('zh-TW');
    expect(await langOf('zh-SG')).toBe('zh-CN');
    expect(await langOf('de-DE,de;q=0.9')).toBe('en');
    expect(await langOf()).toBe('en');

    // The call's language wins over the browser's.
    const known = customer();
    await emailCall(known, { customer: { email: known, lang: 'zh-CN' } });
    const zhLink = surveyLinkIn(await surveyEmail(hub, mailbox, known));
    const zh = await fetch(zhLink, { headers: { 'accept-language': 'lv' } });
    expect(await zh.text()).toContain('<html lang="zh-CN"');
  });

  it('shows a survey text the pack lacks in English, the rest of the page in the customer’s language', async () => {
    const call = await ctiCall(hub, agent, {
      extension: '1001',
      callType: 'sales',
      customer: { lang: 'lv' },
    });
    let link: string | null = null;
    await expect
      .poll(async () => {
        const status = data(await agent.emitWithAck('survey:status', { callId: call.id }));
        link = status.link;
        return link;
      })
      .not.toBeNull();
    const html = await (await fetch(link!)).text();
    expect(html).toContain('<html lang="lv"');
    expect(html).toContain('<h1>Visit survey</h1>'); // named in English only
    expect(html).toContain('Vai esat apmierināti?');
    expect(html).toContain('Nosūtīt atbildes');
    // Only English has the survey's name: no language to switch to.
    expect(html).not.toContain('hrefLang');
  });

  it('never surveys the same customer twice within the cooldown', async () => {
    const email = customer();
    await emailCall(email);
    await mailbox.waitFor(email);
    const second = await emailCall(email.toUpperCase());
    // Decided just after the call's end (until then its state reads "pending", undecided).
    await expect
      .poll(async () => data(await lead.socket.emitWithAck('survey:status', { callId: second.id })))
      .toMatchObject({ state: 'skipped', skipReason: 'cooldown' });
    await afterEmailSentinels(hub, agent, mailbox);
    expect(mailbox.messages.filter((m) => m.text?.includes(second.id))).toHaveLength(0);
    expect(mailbox.to(email)).toHaveLength(1);
  });

  it('records an agent’s exclusion with its reason, sends nothing and shows it to the lead', async () => {
    const email = customer();
    let during: unknown;
    const call = await emailCall(email, {
      during: async (open: CallRecord) => {
        during = data(
          await agent.emitWithAck('survey:exclude', {
            callId: open.id,
            reason: 'vulnerable-customer',
          }),
        );
        // Only reasons from the fixed list.
        const bad = await agent.emitWithAck('survey:exclude', {
          callId: open.id,
          reason: 'bad-mood' as 'wrong-number',
        });
        expect(bad.ok ? null : bad.error.code).toBe('bad_request');
      },
    });
    expect(during).toMatchObject({ exclusionReason: 'vulnerable-customer', state: 'skipped' });
    await afterEmailSentinels(hub, agent, mailbox);
    expect(mailbox.to(email)).toEqual([]);
    const status = data(await lead.socket.emitWithAck('survey:status', { callId: call.id }));
    expect(status).toMatchObject({
      skipReason: 'excluded',
      exclusionReason: 'vulnerable-customer',
    });
    const report = data(await lead.socket.emitWithAck('survey:report', { days: 1 }));
    expect(report.exclusions).toContainEqual(
      expect.objectContaining({
        callId: call.id,
        agentName: 'Ava Agent',
        reason: 'vulnerable-customer',
        callType: 'booking',
      }),
    );
    // After the survey window (delay 0 here) the agent can no longer exclude a call.
    const late = await emailCall(customer());
    const refused = await agent.emitWithAck('survey:exclude', {
      callId: late.id,
      reason: 'wrong-number',
    });
    expect(refused.ok ? null : refused.error).toMatchObject({ code: 'conflict' });
    // Nobody else may exclude an agent's call.
    const byLead = await lead.socket.emitWithAck('survey:exclude', {
      callId: late.id,
      reason: 'wrong-number',
    });
    expect(byLead.ok ? null : byLead.error.code).toBe('forbidden');
  });

  it('hides from the agent whether a call was sampled', async () => {
    const call = await emailCall(customer());
    // Decided just after the call's end: the lead sees how once it is.
    await expect
      .poll(async () => data(await lead.socket.emitWithAck('survey:status', { callId: call.id })))
      .toMatchObject({ channel: 'email', surveyId: 'service' });
    const own = data(await agent.emitWithAck('survey:status', { callId: call.id }));
    expect(own).toMatchObject({
      state: 'pending',
      channel: null,
      surveyId: null,
      skipReason: null,
    });
    const coach = data(await lead.socket.emitWithAck('survey:status', { callId: call.id }));
    expect(coach).toMatchObject({ channel: 'email', surveyId: 'service' });
    // Other agents' calls do not exist for an agent.
    const other = await agentInbox.socket.emitWithAck('survey:status', { callId: call.id });
    expect(other.ok ? null : other.error.code).toBe('not_found');
  });

  it('shows a link-channel survey to the agent, who hands it over as link or QR code', async () => {
    const agentOne = await InboxClient.open(hub.url, 'agent1');
    try {
      const call = await ctiCall(hub, agent, { extension: '1001', callType: 'sales' });
      await agentOne.until('the link', () =>
        agentOne.of('survey-status').some((m) => m.survey.callId === call.id),
      );
      const { survey } = agentOne.of('survey-status').find((m) => m.survey.callId === call.id)!;
      expect(survey).toMatchObject({ channel: 'link', state: 'sent' });
      expect((await fetch(survey.link!)).status).toBe(200);
      expect((await submitSurvey(survey.link!, GOOD)).status).toBe(303);
    } finally {
      agentOne.close();
    }
  });

  it('reports CSAT as the share of 4 and 5 answers, the mean 1-5 beside it', async () => {
    // Only this test surveys cancellations: three customers answer 5, 4 and 2.
    for (const csat of ['5', '4', '2']) {
      const email = customer();
      await emailCall(email, { callType: 'cancellation' });
      const link = surveyLinkIn(await surveyEmail(hub, mailbox, email));
      expect((await submitSurvey(link, { ...GOOD, csat })).status).toBe(303);
    }
    const report = data(await lead.socket.emitWithAck('survey:report', { days: 1 }));
    const row = report.byCallType.find((c) => c.callType === 'cancellation');
    expect(row).toMatchObject({ responses: 3, csatDistribution: [0, 1, 0, 1, 1] });
    expect(row!.csat).toBeCloseTo(2 / 3, 10);
    expect(row!.meanCsat).toBeCloseTo(11 / 3, 10);
    // The team's and each agent's CSAT are shares of the same kind, of the customers' answers.
    const own = data(await lead.socket.emitWithAck('survey:responses', { days: 1, limit: 500 }))
      .responses.filter((r) => r.selfAnswer === null && r.csat !== null)
      .map((r) => r.csat!);
    expect(report.team.responses).toBeGreaterThanOrEqual(3);
    expect(report.team.csat).toBeCloseTo(own.filter((c) => c >= 4).length / own.length, 10);
    expect(report.team.meanCsat).toBeCloseTo(own.reduce((a, b) => a + b, 0) / own.length, 10);
    const ava = report.agents.find((a) => a.agentName === 'Ava Agent')!;
    const [, , , four, five] = ava.csatDistribution;
    const answers = ava.csatDistribution.reduce((a, b) => a + b, 0);
    expect(ava.csat).toBeCloseTo((four + five) / answers, 10);
  });

  it('reports on a custom range of days as on the last days, and refuses a bad range', async () => {
    const email = customer();
    await emailCall(email);
    await submitSurvey(surveyLinkIn(await surveyEmail(hub, mailbox, email)), GOOD);
    const day = (offset: number) =>
      new Date(Date.now() + offset * 86_400_000).toLocaleDateString('sv');
    const count = async (period: object) =>
      data(await lead.socket.emitWithAck('survey:responses', { ...period, limit: 500 })).responses
        .length;
    const lastWeek = await count({ days: 7 });
    expect(lastWeek).toBeGreaterThan(0);
    expect(await count({ from: day(-6), to: day(0) })).toBe(lastWeek);
    expect(await count({ from: day(-30), to: day(-20) })).toBe(0);
    const report = data(
      await lead.socket.emitWithAck('survey:report', { from: day(-6), to: day(0) }),
    );
    expect(report.byCallType.reduce((n, c) => n + c.responses, 0)).toBeGreaterThan(0);
    for (const bad of [
      { from: day(0) },
      { from: day(0), to: day(-1) },
      { from: day(-400), to: day(0) },
      { from: '2026-02-30', to: day(0) },
    ]) {
      const res = await lead.socket.emitWithAck('survey:report', bad);
      expect(res.ok ? null : res.error.code).toBe('bad_request');
    }
  });

  it('lets the lead stop sharing responses with agents', async () => {
    const teamId = 'team-demo';
    const off = data(
      await lead.socket.emitWithAck('team:settings', { teamId, agentsSeeSurveys: false }),
    );
    expect(off).toEqual({ teamId, agentsSeeSurveys: false, behavioursOnly: false });
    const refused = await agent.emitWithAck('survey:responses', {});
    expect(refused.ok ? null : refused.error.code).toBe('forbidden');
    // Agents and supervisors cannot change it.
    const byAgent = await agent.emitWithAck('team:settings', { teamId, agentsSeeSurveys: true });
    expect(byAgent.ok ? null : byAgent.error.code).toBe('forbidden');
    data(await lead.socket.emitWithAck('team:settings', { teamId, agentsSeeSurveys: true }));
    expect((await agent.emitWithAck('survey:responses', {})).ok).toBe(true);
  });

  it('lets the quality manager change the survey pack, refusing bad YAML with the line', async () => {
    const admin = await connect(hub.url, (await signIn(hub.url, 'quality')).token);
    try {
      const info = data(await admin.emitWithAck('survey:pack', {}));
      expect(info.version).toBe(1);
      const broken = await admin.emitWithAck('survey:save-pack', {
        yaml: info.yaml.replace('samplePercent: 100', 'samplePercent: 140'),
      });
      expect(broken.ok ? null : broken.error.message).toMatch(
        /survey pack:\d+:\d+: .*samplePercent/,
      );
      const sameVersion = await admin.emitWithAck('survey:save-pack', { yaml: info.yaml });
      expect(sameVersion.ok ? null : sameVersion.error.message).toContain('version must be 2');
      const saved = data(
        await admin.emitWithAck('survey:save-pack', {
          yaml: info.yaml.replace('version: 1', 'version: 2'),
        }),
      );
      expect(saved).toMatchObject({ version: 2, savedBy: 'Quinn Quality' });
      const byAgent = await agent.emitWithAck('survey:save-pack', { yaml: saved.yaml });
      expect(byAgent.ok ? null : byAgent.error.code).toBe('forbidden');
    } finally {
      admin.close();
    }
  });

  it('rate-limits the survey page per address', async () => {
    const email = customer();
    await emailCall(email);
    const link = surveyLinkIn(await surveyEmail(hub, mailbox, email));
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await submitSurvey(link, { csat: '9' })).status);
    expect(statuses.slice(0, 10).every((s) => s === 400)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    const page = await submitSurvey(link, GOOD);
    expect(await page.text()).toContain('Too many requests');
  });
});
