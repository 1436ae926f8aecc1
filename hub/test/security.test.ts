// What an attacker on the floor's network tries against a real hub, and that each hole is closed (issue 17).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallEvent, SurveyReport, SurveyResponse } from '@sidecoach/shared';
import { signRequest } from '../src/lib/signature.js';
import { data } from './support/calls.js';
import { databaseFor, hubSecret, testDialect, withHubDatabase } from './support/database.js';
import {
  connect,
  DEMO_PASSWORD,
  signIn,
  startHub,
  type HubSocket,
  type RunningHub,
} from './support/hub-process.js';
import { ctiCall, surveyHubArgs } from './support/surveys.js';

describe('a captured signed PBX request, sent again (CTI replay)', () => {
  // Two nodes on one PostgreSQL database (the uniqueness must live in the database); one hub
  // on SQLite.
  let a: RunningHub;
  let b: RunningHub | undefined;
  let agent: HubSocket;
  const received: CallEvent[] = [];

  beforeAll(async () => {
    a = await startHub({ demo: true });
    if (testDialect() === 'postgres')
      b = await startHub({ database: (await databaseFor(a.dataDir))! });
    agent = await connect(a.url, (await signIn(a.url, 'agent1')).token);
    agent.on('softphone:event', (e) => received.push(e));
  });
  afterAll(async () => {
    agent?.close();
    await b?.dispose();
    await a?.dispose();
  });

  it('is stored and relayed once, however often and to whichever node it is replayed at once', async () => {
    const secret = await hubSecret(a, 'cti-secret');
    const body = JSON.stringify({
      extension: '1001',
      event: {
        kind: 'answered',
        callId: 'pbx-captured',
        direction: 'inbound',
        remoteParty: '+37120000000',
        at: new Date().toISOString(),
        source: 'cti',
      },
    });
    const at = Math.floor(Date.now() / 1000);
    const headers = {
      'content-type': 'application/json',
      'x-sidecoach-timestamp': String(at),
      'x-sidecoach-signature': signRequest(secret, at, body),
    };
    const nodes = b ? [a, b] : [a];
    // The genuine request and nine replays of its exact bytes, all in flight together.
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        fetch(`${nodes[i % nodes.length]!.url}/api/cti/events`, { method: 'POST', headers, body }),
      ),
    );
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 202]);
    for (const r of answers.filter((x) => x.status === 200))
      expect(await r.json()).toEqual({ duplicate: true, delivered: 0 });
    await expect.poll(() => received.length).toBe(1);
    const stored = await withHubDatabase(a.dataDir, (db) =>
      db.selectFrom('cti_events').select('kind').where('call_id', '=', 'pbx-captured').execute(),
    );
    expect(stored).toHaveLength(1);
    // A later replay, alone: still nothing new reaches the agent.
    const late = await fetch(`${nodes.at(-1)!.url}/api/cti/events`, {
      method: 'POST',
      headers,
      body,
    });
    expect(late.status).toBe(200);
    const marker = await fetch(`${a.url}/api/cti/events`, {
      method: 'POST',
      ...(() => {
        const next = body.replace('"answered"', '"ended"');
        const now = Math.floor(Date.now() / 1000);
        return {
          headers: {
            ...headers,
            'x-sidecoach-timestamp': String(now),
            'x-sidecoach-signature': signRequest(secret, now, next),
          },
          body: next,
        };
      })(),
    });
    expect(marker.status).toBe(202);
    await expect.poll(() => received.length).toBe(2);
    expect(received.map((e) => e.kind)).toEqual(['answered', 'ended']);
  });
});

describe('an agent answering their own customer’s survey', () => {
  // The hub sits behind a balancer (--trust-proxy 127.0.0.1): X-Forwarded-For gives each
  // request the address the hub would see. Nothing is sent to those addresses.
  const AGENT_DESK = '198.51.100.21';
  const FLOOR_NAT = '203.0.113.50';
  const FLOOR_V6 = '2001:db8:10:20::5';
  const CUSTOMER = '192.0.2.10';
  const GOOD = { csat: '5', resolved: 'yes', effort: '1', comment: 'Wonderful!' };
  let dir: string;
  let hub: RunningHub;
  let agent: HubSocket;
  let agentToken: string;
  let lead: HubSocket;

  const signInFrom = async (username: string, address: string) => {
    const res = await fetch(`${hub.url}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
      body: JSON.stringify({ username, password: DEMO_PASSWORD }),
    });
    expect(res.status).toBe(200);
    return ((await res.json()) as { token: string }).token;
  };
  /** A link-channel call of agent1's: the survey link the sidebar shows them. */
  const linkCall = async () => {
    const call = await ctiCall(hub, agent, { extension: '1001', callType: 'sales' });
    let link: string | null = null;
    await expect
      .poll(async () => {
        link = data(await agent.emitWithAck('survey:status', { callId: call.id })).link;
        return link;
      })
      .toMatch(/\/s\//);
    return { call, link: link! };
  };
  const from = (address: string) => ({ 'x-forwarded-for': address });
  const answer = (link: string, address: string, extra: Record<string, string> = {}) =>
    fetch(link, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...from(address) },
      body: new URLSearchParams({ ...GOOD, ...extra }).toString(),
      redirect: 'manual',
    });
  const report = async (): Promise<SurveyReport> =>
    data(await lead.emitWithAck('survey:report', { days: 1 }));
  const leadSees = async (callId: string): Promise<SurveyResponse | undefined> =>
    data(await lead.emitWithAck('survey:responses', { days: 1 })).responses.find(
      (r) => r.callId === callId,
    );

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sidecoach-self-answer-'));
    hub = await startHub({
      demo: true,
      extraArgs: [...surveyHubArgs(dir, {}), '--trust-proxy', '127.0.0.1'],
    });
    // The agent's sidebar on their desk PC; the lead on the floor (behind the centre's NAT,
    // and on IPv6 too); the socket connections themselves come from loopback.
    agentToken = await signInFrom('agent1', AGENT_DESK);
    agent = await connect(hub.url, agentToken);
    lead = await connect(hub.url, await signInFrom('lead', FLOOR_NAT));
    await signInFrom('lead', FLOOR_V6);
  });
  afterAll(async () => {
    agent?.close();
    lead?.close();
    await hub?.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  it('sets apart an answer from the agent’s own address and shows it to their lead, the page unchanged', async () => {
    const own = await linkCall();
    const theirs = await linkCall();
    // The page each one is shown is the same, byte for byte.
    const ownPage = await (await fetch(own.link, { headers: from(AGENT_DESK) })).text();
    const customerPage = await (await fetch(own.link, { headers: from(CUSTOMER) })).text();
    expect(ownPage).toBe(customerPage);

    const byAgent = await answer(own.link, AGENT_DESK);
    const byCustomer = await answer(theirs.link, CUSTOMER);
    expect(byAgent.status).toBe(303);
    expect(byCustomer.status).toBe(303);
    const thanks = (res: Response, address: string) =>
      fetch(new URL(res.headers.get('location')!, hub.url), { headers: from(address) }).then((r) =>
        r.text(),
      );
    expect(await thanks(byAgent, AGENT_DESK)).toBe(await thanks(byCustomer, CUSTOMER));

    expect(await leadSees(own.call.id)).toMatchObject({ selfAnswer: 'agent-address', csat: 5 });
    expect(await leadSees(theirs.call.id)).toMatchObject({ selfAnswer: null, csat: 5 });
    const r = await report();
    expect(r.selfAnswers).toEqual([
      expect.objectContaining({ callId: own.call.id, reason: 'agent-address', csat: 5 }),
    ]);
    const ava = r.agents.find((x) => x.agentName === 'Ava Agent')!;
    expect(ava).toMatchObject({
      responses: 1,
      selfAnswers: 1,
      selfAnswersByReason: { 'agent-address': 1 },
    });
    // Only the reason is kept with the answer, never the address.
    const row = await withHubDatabase(hub.dataDir, (db) =>
      db
        .selectFrom('survey_responses')
        .selectAll()
        .where('call_id', '=', own.call.id)
        .executeTakeFirstOrThrow(),
    );
    expect(row.self_answer).toBe('agent-address');
    expect(JSON.stringify(row)).not.toContain(AGENT_DESK);
    // The agent is not told which of their answers were caught.
    const mine = data(await agent.emitWithAck('survey:responses', { days: 1 })).responses;
    expect(mine.find((x) => x.callId === own.call.id)).toMatchObject({ selfAnswer: null });
  });

  it('sets apart an answer from their phone on the floor’s Wi-Fi (a staff address, IPv4 or IPv6 /64)', async () => {
    const v4 = await linkCall();
    const v6 = await linkCall();
    expect((await answer(v4.link, FLOOR_NAT)).status).toBe(303);
    expect((await answer(v6.link, '2001:db8:10:20:a1b2:c3d4:e5f6:1')).status).toBe(303);
    expect(await leadSees(v4.call.id)).toMatchObject({ selfAnswer: 'staff-address' });
    expect(await leadSees(v6.call.id)).toMatchObject({ selfAnswer: 'staff-address' });
  });

  it('sets apart an answer from a browser signed in to the web sidebar, from any address', async () => {
    const call = await linkCall();
    // What the page's script adds where this origin's storage holds a staff session.
    expect((await answer(call.link, '192.0.2.99', { staff_session: agentToken })).status).toBe(303);
    expect(await leadSees(call.call.id)).toMatchObject({ selfAnswer: 'staff-browser' });
    // A made-up token is no staff session: a customer's answer is never set apart by it.
    const other = await linkCall();
    await answer(other.link, '192.0.2.98', { staff_session: 'x'.repeat(43) });
    expect(await leadSees(other.call.id)).toMatchObject({ selfAnswer: null });
    // The page carries the script for everyone; it is served, and reads only this origin.
    const page = await (await fetch(call.link, { headers: from(CUSTOMER) })).text();
    expect(page).toContain('<script src="/s/assets/survey.js" defer=""></script>');
    const script = await fetch(`${hub.url}/s/assets/survey.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toMatch(/javascript/);
    expect(await script.text()).toContain('location.origin');
  });

  it('leaves set-apart answers out of CSAT and responses, and lists each with its reason', async () => {
    const r = await report();
    const reasons = r.selfAnswers.map((x) => x.reason).sort();
    expect(reasons).toEqual(['agent-address', 'staff-address', 'staff-address', 'staff-browser']);
    expect(r.team.selfAnswers).toBe(4);
    // The customers' answers: the one from 192.0.2.10 and the made-up token's.
    expect(r.team.responses).toBe(2);
    expect(r.byCallType.find((c) => c.callType === 'sales')?.responses).toBe(2);
  });
});
