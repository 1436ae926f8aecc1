// Survey sends that fail are retried and never lost: an SMS gateway answering 500, an SMTP
// server that is down, and a hub killed with SIGKILL between a call's end and its send.
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hubSecret, withHubDatabase } from './support/database.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifySignedRequest } from '../src/lib/signature.js';
import { data } from './support/calls.js';
import { InboxClient } from './support/inbox-client.js';
import {
  connect,
  signIn,
  startHub,
  type HubSocket,
  type RunningHub,
} from './support/hub-process.js';
import {
  afterEmailSentinels,
  ctiCall,
  startMailbox,
  submitSurvey,
  surveyEmail,
  surveyLinkIn,
  surveyHubArgs,
  surveySent,
} from './support/surveys.js';

interface Received {
  status: number;
  body: string;
  headers: IncomingMessage['headers'];
}

/** A local SMS gateway that fails the first `failures` requests with a 500. */
async function startGateway(failures: number) {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      const status = received.length < failures ? 500 : 202;
      received.push({ status, body, headers: req.headers });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/sms`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('survey delivery', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sidecoach-survey-delivery-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('shows an email survey as a link when the hub has no mail server, and tells the lead why', async () => {
    const hub = await startHub({ demo: true, extraArgs: surveyHubArgs(dir, {}) });
    const agentOne = await InboxClient.open(hub.url, 'agent1');
    const lead = await InboxClient.open(hub.url, 'lead');
    try {
      const agent = await connect(hub.url, (await signIn(hub.url, 'agent1')).token);
      const email = `fallback-${Date.now()}@example.com`;
      const call = await ctiCall(hub, agent, {
        extension: '1001',
        callType: 'booking',
        customer: { email },
      });
      agent.close();
      await agentOne.until('the link', () =>
        agentOne.of('survey-status').some((m) => m.survey.callId === call.id),
      );
      const { survey } = agentOne.of('survey-status').find((m) => m.survey.callId === call.id)!;
      expect(survey).toMatchObject({ channel: 'link', state: 'sent' });
      expect(
        (await submitSurvey(survey.link!, { csat: '5', resolved: 'yes', effort: '1' })).status,
      ).toBe(303);
      const report = data(await lead.socket.emitWithAck('survey:report', { days: 1 }));
      expect(report.delivery).toMatchObject({
        pending: 0,
        configured: { email: false, sms: false, ivr: false },
        asLink: { email: 1, sms: 0, ivr: 0 },
      });
      // The customer is not asked again within the cooldown, whatever the channel was.
      const row = await withHubDatabase(hub.dataDir, (db) =>
        db.selectFrom('survey_sends').selectAll().where('call_id', '=', call.id).executeTakeFirst(),
      );
      expect(row).toMatchObject({
        channel: 'link',
        fallback_from: 'email',
        address: null,
        address_key: `email:${email}`,
      });
    } finally {
      agentOne.close();
      lead.close();
      await hub.dispose();
    }
  });

  it('signs SMS gateway requests and retries after 500s until one is accepted', async () => {
    const gateway = await startGateway(2);
    const hub = await startHub({
      demo: true,
      extraArgs: surveyHubArgs(dir, { webhookUrl: gateway.url }),
    });
    const agent = await connect(hub.url, (await signIn(hub.url, 'agent1')).token);
    try {
      const secret = await hubSecret(hub, 'survey-webhook-secret');
      const call = await ctiCall(hub, agent, {
        extension: '1001',
        callType: 'complaint',
        remoteParty: 'sip:+371 2000 0001@pbx.example',
      });
      // The hub stores the send as made only once the gateway has accepted it.
      await surveySent(hub, call.id);
      expect(gateway.received.map((r) => r.status)).toEqual([500, 500, 202]);
      for (const r of gateway.received) {
        const check = verifySignedRequest(
          secret,
          r.headers['x-sidecoach-timestamp'] as string,
          r.headers['x-sidecoach-signature'] as string,
          r.body,
        );
        expect(check).toEqual({ ok: true });
        expect(r.headers['idempotency-key']).toBe(`survey-${call.id}`);
      }
      // A forged signature does not verify.
      const last = gateway.received.at(-1)!;
      expect(
        verifySignedRequest(
          'another-secret-value',
          last.headers['x-sidecoach-timestamp'] as string,
          last.headers['x-sidecoach-signature'] as string,
          last.body,
        ).ok,
      ).toBe(false);
      const payload = JSON.parse(last.body) as {
        to: string;
        channel: string;
        text: string;
        url: string;
        callId: string;
      };
      expect(payload).toMatchObject({ to: '+371 2000 0001', channel: 'sms', callId: call.id });
      expect(payload.text).toContain(payload.url);
      // The SMS link is a working survey page.
      expect((await fetch(payload.url)).status).toBe(200);
      // The attempts are recorded; nothing is pending.
      const lead = await connect(hub.url, (await signIn(hub.url, 'lead')).token);
      const report = data(await lead.emitWithAck('survey:report', { days: 1 }));
      expect(report.delivery).toMatchObject({ pending: 0, failed: 0, waitingBecause: [] });
      lead.close();
    } finally {
      agent.close();
      await hub.dispose();
      await gateway.close();
    }
  });

  it('keeps an email survey through an SMTP outage and a SIGKILL, and sends it once the server is back', async () => {
    const dataDir = join(dir, 'outage');
    // Take a free port for the SMTP server, then stop it: the hub finds nobody there.
    const probe = await startMailbox();
    const smtpPort = probe.port;
    await probe.close();
    const args = surveyHubArgs(dir, { smtpUrl: `smtp://127.0.0.1:${smtpPort}` });
    let hub: RunningHub = await startHub({ demo: true, dataDir, extraArgs: args });
    let agent: HubSocket = await connect(hub.url, (await signIn(hub.url, 'agent1')).token);
    const lead = async () => connect(hub.url, (await signIn(hub.url, 'lead')).token);
    const email = 'outage@example.test';
    const call = await ctiCall(hub, agent, {
      extension: '1001',
      callType: 'booking',
      customer: { email },
    });
    // Failing and retrying: pending in the report, with the error logged.
    await hub.untilOutput('a failed attempt', (l) => l.includes('survey send failed; will retry'));
    let coach = await lead();
    // The lead reads why it waits (the mail server's refusal), not only that it does.
    expect(data(await coach.emitWithAck('survey:report', { days: 1 })).delivery).toMatchObject({
      pending: 1,
      configured: { email: true, sms: false, ivr: false },
      waitingBecause: [{ count: 1, error: expect.stringMatching(/ECONNREFUSED|connect/i) }],
    });
    coach.close();
    agent.close();
    await hub.kill('SIGKILL');

    // A second call ends and the hub is killed right after (no SMTP either).
    hub = await startHub({ demo: true, dataDir, extraArgs: args, port: hub.port });
    agent = await connect(hub.url, (await signIn(hub.url, 'agent1')).token);
    const second = await ctiCall(hub, agent, {
      extension: '1001',
      callType: 'booking',
      customer: { email: 'second@example.test' },
    });
    agent.close();
    await hub.kill('SIGKILL');
    // Whether or not the decision made it before the kill, take it out: the database is then
    // exactly as after a crash between the call end's commit and the decision's.
    await withHubDatabase(dataDir, (db) =>
      db.deleteFrom('survey_sends').where('call_id', '=', second.id).execute(),
    );

    // The outage's retries backed off (0.2 s doubling): the first send is due when its last
    // backoff ends, later on a loaded machine. Wait until then, and a margin, for it.
    const due = await withHubDatabase(dataDir, (db) =>
      db
        .selectFrom('survey_sends')
        .select('next_attempt_at')
        .where('call_id', '=', call.id)
        .executeTakeFirstOrThrow(),
    );
    const firstWithin = Math.max(20_000, Date.parse(due.next_attempt_at!) - Date.now() + 20_000);

    const mailbox = await startMailbox(smtpPort);
    hub = await startHub({ demo: true, dataDir, extraArgs: args, port: hub.port });
    try {
      expect(
        hub.output.some((l) => l.includes('surveys decided for calls ended before the restart')),
      ).toBe(true);
      const mail = await surveyEmail(hub, mailbox, email, firstWithin);
      expect(mail.messageId).toBe(`<survey-${call.id}@sidecoach>`);
      const secondMail = await surveyEmail(hub, mailbox, 'second@example.test', 20_000);
      expect(secondMail.messageId).toBe(`<survey-${second.id}@sidecoach>`);
      expect(
        (await submitSurvey(surveyLinkIn(mail), { csat: '4', resolved: 'yes', effort: '2' }))
          .status,
      ).toBe(303);
      coach = await lead();
      const report = data(await coach.emitWithAck('survey:report', { days: 1 }));
      expect(report.delivery).toMatchObject({ pending: 0, failed: 0, waitingBecause: [] });
      expect(report.team.surveyed).toBe(2);
      expect(report.team.responses).toBe(1);
      coach.close();
      // Sent once each.
      agent = await connect(hub.url, (await signIn(hub.url, 'agent1')).token);
      const sentinels = await afterEmailSentinels(hub, agent, mailbox);
      agent.close();
      expect(mailbox.to(email)).toHaveLength(1);
      expect(mailbox.to('second@example.test')).toHaveLength(1);
      expect(mailbox.messages).toHaveLength(2 + sentinels.length);
    } finally {
      await hub.dispose();
      await mailbox.close();
    }
  }, 180_000);
});
