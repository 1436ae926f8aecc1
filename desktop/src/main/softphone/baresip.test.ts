// The adapter against real baresip softphones on loopback: an agent and a customer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallEvent } from '@sidecoach/shared';
import {
  baresipMissing,
  freeSipPort,
  startSoftphone,
  waitUntil,
  type Softphone,
} from '../../../e2e/support/baresip.js';
import { BaresipAdapter, activeCallCount, backoffDelay, type AdapterStatus } from './baresip.js';

const missing = baresipMissing();
if (missing) console.warn(`[skip] baresip adapter tests: ${missing}`);

describe('activeCallCount', () => {
  it('reads the count from baresip’s listcalls answer', () => {
    expect(
      activeCallCount('\n--- Active calls (1) ---\n> [line 1]  0:00:01  ESTABLISHED  sip:c@x\n'),
    ).toBe(1);
    expect(activeCallCount('\n--- Active calls (0) ---\n')).toBe(0);
    expect(activeCallCount('something else')).toBeNull();
  });
});

describe('backoffDelay', () => {
  it('doubles from the minimum, caps at the maximum, and jitters down by at most 20%', () => {
    expect([0, 1, 2, 3].map((n) => backoffDelay(n, 250, 10_000, () => 1))).toEqual([
      250, 500, 1000, 2000,
    ]);
    expect(backoffDelay(30, 250, 10_000, () => 1)).toBe(10_000);
    expect(backoffDelay(2, 250, 10_000, () => 0)).toBe(800);
  });
});

describe.skipIf(missing)('BaresipAdapter with real baresip', () => {
  let agent: Softphone;
  let customer: Softphone;
  let adapter: BaresipAdapter;
  let customerCtrl: BaresipAdapter;
  const events: CallEvent[] = [];
  const statuses: AdapterStatus[] = [];

  beforeAll(async () => {
    const sip = await freeSipPort();
    agent = await startSoftphone('agent', sip);
    customer = await startSoftphone('cust', await freeSipPort([sip]));
    adapter = new BaresipAdapter({ port: agent.ctrlPort, minBackoffMs: 100, maxBackoffMs: 500 });
    adapter.onEvent((e) => events.push(e));
    adapter.onStatus((s) => statuses.push(s));
    adapter.start();
    customerCtrl = new BaresipAdapter({ port: customer.ctrlPort });
    customerCtrl.start();
    await waitUntil(() => adapter.status === 'connected', 'the agent adapter to connect');
    await waitUntil(() => customerCtrl.status === 'connected', 'the customer control to connect');
  });
  afterAll(async () => {
    await adapter?.stop();
    await customerCtrl?.stop();
    await agent?.dispose();
    await customer?.dispose();
  });

  it('follows a call from ringing to answered to ended, and answers and holds through baresip', async () => {
    expect((await customerCtrl.dial(agent.uri)).ok).toBe(true);
    await expect.poll(() => events.map((e) => e.kind), { timeout: 10_000 }).toEqual(['ringing']);
    expect(events[0]).toMatchObject({
      direction: 'inbound',
      source: 'baresip',
      remoteParty: customer.uri,
    });

    expect((await adapter.answer()).ok).toBe(true);
    await expect
      .poll(() => events.map((e) => e.kind), { timeout: 10_000 })
      .toEqual(['ringing', 'answered']);
    expect((await adapter.hold()).ok).toBe(true);
    expect((await adapter.resume()).ok).toBe(true);

    expect((await customerCtrl.hangup()).ok).toBe(true);
    await expect
      .poll(() => events.map((e) => e.kind), { timeout: 10_000 })
      .toEqual(['ringing', 'answered', 'held', 'resumed', 'ended']);
    expect(new Set(events.map((e) => e.callId)).size).toBe(1);
    const [ringing, , , , ended] = events;
    expect(Date.parse(ended!.at)).toBeGreaterThanOrEqual(Date.parse(ringing!.at));
  });

  it('reconnects when baresip is killed and restarted, and follows the next call', async () => {
    events.length = 0;
    await agent.kill();
    await expect.poll(() => adapter.status, { timeout: 10_000 }).not.toBe('connected');
    await agent.restart();
    await expect.poll(() => adapter.status, { timeout: 15_000 }).toBe('connected');
    expect(statuses).toEqual(expect.arrayContaining(['connecting', 'connected', 'disconnected']));

    expect((await customerCtrl.dial(agent.uri)).ok).toBe(true);
    await expect.poll(() => events.map((e) => e.kind), { timeout: 10_000 }).toEqual(['ringing']);
    expect((await adapter.hangup()).ok).toBe(true);
    await expect
      .poll(() => events.map((e) => e.kind), { timeout: 10_000 })
      .toEqual(['ringing', 'ended']);
  });

  it('reports a live call ended when baresip comes back without it', async () => {
    events.length = 0;
    expect((await customerCtrl.dial(agent.uri)).ok).toBe(true);
    await expect.poll(() => events.map((e) => e.kind), { timeout: 10_000 }).toEqual(['ringing']);
    expect((await adapter.answer()).ok).toBe(true);
    await expect
      .poll(() => events.map((e) => e.kind), { timeout: 10_000 })
      .toEqual(['ringing', 'answered']);
    await agent.kill();
    await agent.restart();
    await expect
      .poll(() => events.map((e) => e.kind), { timeout: 15_000 })
      .toEqual(['ringing', 'answered', 'ended']);
    expect(events[2]).toMatchObject({
      callId: events[1]?.callId,
      reason: expect.stringMatching(/not active/),
    });
    await customerCtrl.hangup().catch(() => undefined);
  });

  it('refuses commands while disconnected, with a clear error', async () => {
    const offline = new BaresipAdapter({ port: 1 });
    await expect(offline.answer()).rejects.toThrow('baresip is not connected');
  });
});
