import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  scorecardItemsFor,
  type Answer,
  type CallRecord,
  type StandardsPack,
} from '@sidecoach/shared';
import {
  connect,
  signIn,
  startHub,
  type HubSocket,
  type RunningHub,
  signedInSockets,
} from './support/hub-process.js';
import { data, iso, runCall } from './support/calls.js';

describe('calls and self-assessments through a real hub', () => {
  let hub: RunningHub;
  let agent: HubSocket;
  let pack: StandardsPack;
  const { open, closeAll } = signedInSockets(() => hub);

  beforeAll(async () => {
    hub = await startHub({ demo: true });
    agent = await open('agent1');
    pack = data(await agent.emitWithAck('session:bootstrap', {})).pack;
  });
  afterAll(async () => {
    closeAll();
    await hub?.dispose();
  });

  it('bootstraps the agent with profile, status, pack and no calls', async () => {
    const boot = data(await agent.emitWithAck('session:bootstrap', {}));
    expect(boot.user).toMatchObject({
      username: 'agent1',
      role: 'agent',
      teams: [{ name: 'Demo team' }],
    });
    expect(boot.status).toBe('available');
    expect(boot.pack.id).toBe('sidecoach-default');
    expect(boot.recentCalls).toEqual([]);
    expect(boot.openCall).toBeNull();
  });

  let assessed: CallRecord;
  it('runs a call, scores the self-assessment, and tells the agent’s other session', async () => {
    const other = await open('agent1');
    const seen: CallRecord[] = [];
    const statuses: string[] = [];
    other.on('call:changed', (c) => seen.push(c));
    other.on('status:changed', (s) => statuses.push(s.status));

    const call = await runCall(
      agent,
      'complaint',
      ['proc-greeting', 'proc-log-complaint'],
      125_000,
    );
    expect(call.durationMs).toBe(125_000);
    expect(call.ticked).toEqual(['proc-greeting', 'proc-log-complaint']);
    expect(call).toMatchObject({ packId: 'sidecoach-default', packVersion: 1, assessment: null });

    const items = scorecardItemsFor(pack, 'complaint');
    const answers: Record<string, Answer> = Object.fromEntries(items.map((i) => [i.id, 'yes']));
    answers['beh-empathy'] = 'no';
    answers['val-honesty'] = 'na';
    const assessmentId = randomUUID();
    const submit = {
      id: assessmentId,
      callId: call.id,
      status: 'submitted' as const,
      answers,
      nextTime: 'Name the empathy first',
      at: iso(),
    };
    assessed = data(await agent.emitWithAck('assessment:submit', submit));
    const weight = (id: string) => items.find((i) => i.id === id)!.weight;
    const possible = items.reduce((sum, i) => sum + i.weight, 0) - weight('val-honesty');
    expect(assessed.assessment).toMatchObject({
      id: assessmentId,
      status: 'submitted',
      nextTime: 'Name the empathy first',
      score: {
        possible,
        earned: possible - weight('beh-empathy'),
        passed: true,
        criticalFailed: [],
      },
    });

    // A retry of the same id (lost acknowledgement) is acknowledged again and stored once.
    const again = data(await agent.emitWithAck('assessment:submit', submit));
    expect(again.assessment?.id).toBe(assessmentId);
    const otherId = await agent.emitWithAck('assessment:submit', { ...submit, id: randomUUID() });
    expect(otherId).toMatchObject({ ok: false, error: { code: 'conflict' } });

    await expect.poll(() => seen.length).toBeGreaterThanOrEqual(4);
    expect(seen.at(-1)?.assessment?.id).toBe(assessmentId);
    expect(statuses).toEqual(expect.arrayContaining(['on-call', 'wrap-up', 'available']));
  });

  it('stores a repeated call start once', async () => {
    const id = randomUUID();
    const start = { id, callType: 'booking', startedAt: iso(-60_000) };
    const first = data(await agent.emitWithAck('call:start', start));
    const second = data(await agent.emitWithAck('call:start', start));
    expect(second).toEqual(first);
    const refused = await agent.emitWithAck('call:start', { ...start, id: randomUUID() });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
    data(await agent.emitWithAck('call:end', { callId: id, endedAt: iso() }));
    const ended = data(await agent.emitWithAck('call:end', { callId: id, endedAt: iso(5_000) }));
    expect(ended.endedAt).not.toBeNull();
    const skip = data(
      await agent.emitWithAck('assessment:submit', {
        id: randomUUID(),
        callId: id,
        status: 'skipped',
        at: iso(),
      }),
    );
    expect(skip.assessment).toMatchObject({ status: 'skipped', score: null });
    const list = data(await agent.emitWithAck('call:list', {})).calls;
    expect(list.filter((c) => c.id === id)).toHaveLength(1);
  });

  it('completes a skipped self-assessment later, once, and never skips a submitted one', async () => {
    const call = await runCall(agent, 'booking', []);
    const skipId = randomUUID();
    const skip = { id: skipId, callId: call.id, status: 'skipped' as const, at: iso() };
    data(await agent.emitWithAck('assessment:submit', skip));
    const answers: Record<string, Answer> = Object.fromEntries(
      scorecardItemsFor(pack, 'booking').map((i) => [i.id, 'yes']),
    );
    const later = {
      id: randomUUID(),
      callId: call.id,
      status: 'submitted' as const,
      answers,
      nextTime: 'Confirm the date back to the customer',
      at: iso(),
    };
    const completed = data(await agent.emitWithAck('assessment:submit', later));
    expect(completed.assessment).toMatchObject({
      id: later.id,
      status: 'submitted',
      nextTime: 'Confirm the date back to the customer',
      score: { percent: 100 },
    });
    // The same completion again (an outbox resend) is the same answer; anything else is refused.
    expect(data(await agent.emitWithAck('assessment:submit', later)).assessment?.id).toBe(later.id);
    for (const other of [skip, { ...skip, id: randomUUID() }, { ...later, id: randomUUID() }])
      expect(await agent.emitWithAck('assessment:submit', other)).toMatchObject({
        ok: false,
        error: { code: 'conflict' },
      });
    const stored = data(await agent.emitWithAck('call:get', { callId: call.id }));
    expect(stored.assessment).toMatchObject({ id: later.id, status: 'submitted' });
  });

  it('refuses assessments that leave items out, ticks after the end and ticks off the checklist', async () => {
    const call = await runCall(agent, 'sales', []);
    const partial = await agent.emitWithAck('assessment:submit', {
      id: randomUUID(),
      callId: call.id,
      status: 'submitted',
      answers: { 'proc-greeting': 'yes', 'not-an-item': 'no' },
      at: iso(),
    });
    expect(partial.ok).toBe(false);
    if (!partial.ok) {
      expect(partial.error.code).toBe('bad_request');
      expect(partial.error.message).toMatch(/unanswered: .*proc-sales-disclosure/);
      expect(partial.error.message).toMatch(/not on the scorecard: not-an-item/);
    }
    const late = await agent.emitWithAck('call:tick', {
      callId: call.id,
      itemId: 'proc-greeting',
      checked: true,
      at: iso(),
    });
    expect(late).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const booking = randomUUID();
    data(
      await agent.emitWithAck('call:start', { id: booking, callType: 'booking', startedAt: iso() }),
    );
    const offList = await agent.emitWithAck('call:tick', {
      callId: booking,
      itemId: 'proc-log-complaint',
      checked: true,
      at: iso(),
    });
    expect(offList).toMatchObject({
      ok: false,
      error: {
        code: 'bad_request',
        message: expect.stringMatching(/not on the booking checklist/),
      },
    });
    data(await agent.emitWithAck('call:end', { callId: booking, endedAt: iso(1_000) }));
  });

  it('corrects the call type until the call is assessed', async () => {
    const id = randomUUID();
    data(
      await agent.emitWithAck('call:start', { id, callType: 'booking', startedAt: iso(-30_000) }),
    );
    const retyped = data(
      await agent.emitWithAck('call:retype', { callId: id, callType: 'complaint' }),
    );
    expect(retyped.callType).toBe('complaint');
    expect(
      await agent.emitWithAck('call:retype', { callId: id, callType: 'karaoke' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'bad_request' },
    });
    data(await agent.emitWithAck('call:end', { callId: id, endedAt: iso() }));
    data(
      await agent.emitWithAck('assessment:submit', {
        id: randomUUID(),
        callId: id,
        status: 'skipped',
        at: iso(),
      }),
    );
    expect(await agent.emitWithAck('call:retype', { callId: id, callType: 'sales' })).toMatchObject(
      {
        ok: false,
        error: { code: 'conflict' },
      },
    );
    const agent2 = await open('agent2');
    expect(
      await agent2.emitWithAck('call:retype', { callId: id, callType: 'sales' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('lets team supervisors read an agent’s calls and keeps agents to their own', async () => {
    const supervisor = await open('supervisor');
    const theirs = data(
      await supervisor.emitWithAck('call:list', { agentId: assessed.agentId }),
    ).calls;
    expect(theirs.map((c) => c.id)).toContain(assessed.id);
    const fetched = data(await supervisor.emitWithAck('call:get', { callId: assessed.id }));
    expect(fetched.assessment?.score?.percent).toBe(assessed.assessment?.score?.percent);
    expect(
      await supervisor.emitWithAck('call:start', {
        id: randomUUID(),
        callType: 'booking',
        startedAt: iso(),
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });

    const agent2 = await open('agent2');
    expect(await agent2.emitWithAck('call:list', { agentId: assessed.agentId })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await agent2.emitWithAck('call:get', { callId: assessed.id })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    for (const attempt of [
      agent2.emitWithAck('call:tick', {
        callId: assessed.id,
        itemId: 'proc-greeting',
        checked: false,
        at: iso(),
      }),
      agent2.emitWithAck('call:end', { callId: assessed.id, endedAt: iso() }),
      agent2.emitWithAck('assessment:submit', {
        id: randomUUID(),
        callId: assessed.id,
        status: 'skipped',
        at: iso(),
      }),
    ]) {
      expect(await attempt).toMatchObject({ ok: false, error: { code: 'not_found' } });
    }
    expect(data(await agent2.emitWithAck('call:list', {})).calls).toEqual([]);
  });

  it('keeps everything across a hub restart', async () => {
    const before = data(await agent.emitWithAck('call:list', { limit: 100 })).calls;
    closeAll();
    const { dataDir, port } = hub;
    await hub.stop();
    hub = await startHub({ demo: true, dataDir, port });
    agent = await open('agent1');
    const after = data(await agent.emitWithAck('call:list', { limit: 100 })).calls;
    expect(after).toEqual(before);
    expect(after.find((c) => c.id === assessed.id)?.assessment).toEqual(assessed.assessment);
    // The demo team is seeded once, not again on every start.
    expect(hub.output.join('\n')).toMatch(/"demoSeeded":false/);
  });

  it('signs out: the token stops working and its sockets are closed', async () => {
    const session = await signIn(hub.url, 'agent3');
    const socket = await connect(hub.url, session.token);
    const closed = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    const res = await fetch(`${hub.url}/api/auth/sign-out`, {
      method: 'POST',
      headers: { authorization: `Bearer ${session.token}` },
    });
    expect(res.status).toBe(204);
    expect(await closed).toBe('io server disconnect');
    await expect(connect(hub.url, session.token)).rejects.toThrow('unauthorized');
  });
});
