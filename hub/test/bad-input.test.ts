import { randomUUID } from 'node:crypto';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallRecord } from '@sidecoach/shared';
import {
  connect,
  signIn,
  startHub,
  type HubSocket,
  type RunningHub,
} from './support/hub-process.js';
import { data, iso, runCall } from './support/calls.js';

/** Sends an event the typed client would not let us send. */
function raw(socket: HubSocket, event: string, ...args: unknown[]): Promise<unknown> {
  const loose = socket as unknown as {
    timeout(ms: number): { emitWithAck(e: string, ...a: unknown[]): Promise<unknown> };
  };
  return loose.timeout(5_000).emitWithAck(event, ...args);
}

describe('bad input never crashes the hub or loses stored data', () => {
  let hub: RunningHub;
  let agent: HubSocket;
  let stored: CallRecord;

  beforeAll(async () => {
    hub = await startHub({ demo: true });
    agent = await connect(hub.url, (await signIn(hub.url, 'agent1')).token);
    stored = await runCall(agent, 'booking', ['proc-greeting']);
  });
  afterAll(async () => {
    agent?.close();
    await hub?.dispose();
  });

  it.each([
    ['a string payload', 'call:start', 'hello'],
    ['a null payload', 'call:start', null],
    ['wrong types', 'call:start', { id: 42, callType: ['booking'], startedAt: true }],
    ['a missing field', 'call:end', { callId: randomUUID() }],
    [
      'an extra field',
      'call:tick',
      { callId: randomUUID(), itemId: 'x', checked: true, at: iso(), agentId: 'me' },
    ],
    [
      'a non-uuid id',
      'call:start',
      { id: '../../etc/passwd', callType: 'booking', startedAt: iso() },
    ],
    ['an invalid time', 'call:end', { callId: randomUUID(), endedAt: '24/11/2026' }],
    [
      'an unknown answer',
      'assessment:submit',
      {
        id: randomUUID(),
        callId: randomUUID(),
        status: 'submitted',
        answers: { a: 'perhaps' },
        at: iso(),
      },
    ],
    [
      'an unknown status',
      'assessment:submit',
      { id: randomUUID(), callId: randomUUID(), status: 'whatever', at: iso() },
    ],
    ['a session period beyond 90 days', 'reflection:prepare', { agentId: 'x', days: 120 }],
    [
      'an agenda entry of an unknown kind',
      'reflection:start',
      {
        id: randomUUID(),
        agentId: 'x',
        agenda: [{ kind: 'gossip', itemId: null, actionId: null }],
      },
    ],
    [
      'an empty session note',
      'reflection:note',
      { id: randomUUID(), sessionId: randomUUID(), text: '   ', at: iso() },
    ],
    [
      'a follow-up date that is not a day',
      'reflection:action',
      {
        id: randomUUID(),
        sessionId: randomUUID(),
        text: 'Summarise',
        itemId: null,
        owner: 'agent',
        due: 'next week',
      },
    ],
    ['a sign-off of version 0', 'reflection:sign', { sessionId: randomUUID(), version: 0 }],
    ['an unknown action status', 'action:status', { actionId: randomUUID(), status: 'forgotten' }],
    ['a payload where none is taken', 'action:mine', { all: true }],
  ])('answers %s with bad_request', async (_name, event, payload) => {
    const res = await raw(agent, event, payload);
    expect(res).toMatchObject({
      ok: false,
      error: { code: 'bad_request', message: expect.any(String) },
    });
  });

  it('answers an event without a payload, and one with extra arguments', async () => {
    expect(await raw(agent, 'call:list')).toMatchObject({
      ok: false,
      error: { code: 'bad_request' },
    });
    expect(await raw(agent, 'call:list', {}, {})).toMatchObject({
      ok: false,
      error: { code: 'bad_request' },
    });
  });

  it('answers unknown events with unknown_event', async () => {
    expect(await raw(agent, 'admin:drop-tables', {})).toMatchObject({
      ok: false,
      error: { code: 'unknown_event' },
    });
  });

  it('answers an unknown call type and an end before the start', async () => {
    const unknownType = await agent.emitWithAck('call:start', {
      id: randomUUID(),
      callType: 'karaoke',
      startedAt: iso(),
    });
    expect(unknownType).toMatchObject({
      ok: false,
      error: { code: 'bad_request', message: expect.stringMatching(/karaoke/) },
    });
    const id = randomUUID();
    data(await agent.emitWithAck('call:start', { id, callType: 'booking', startedAt: iso() }));
    const backwards = await agent.emitWithAck('call:end', { callId: id, endedAt: iso(-3_600_000) });
    expect(backwards).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    data(await agent.emitWithAck('call:end', { callId: id, endedAt: iso(1_000) }));
  });

  it('refuses another agent’s call id without saying whether it exists', async () => {
    const agent2 = await connect(hub.url, (await signIn(hub.url, 'agent2')).token);
    try {
      const theirs = await agent2.emitWithAck('call:end', { callId: stored.id, endedAt: iso() });
      const nobody = await agent2.emitWithAck('call:end', { callId: randomUUID(), endedAt: iso() });
      expect(theirs).toMatchObject({ ok: false, error: { code: 'not_found' } });
      expect(nobody).toMatchObject({ ok: false, error: { code: 'not_found' } });
      // Reusing another agent's call id for a new call is a conflict, not a takeover.
      const reuse = await agent2.emitWithAck('call:start', {
        id: stored.id,
        callType: 'booking',
        startedAt: iso(),
      });
      expect(reuse).toMatchObject({ ok: false, error: { code: 'conflict' } });
    } finally {
      agent2.close();
    }
  });

  it('closes a connection that sends an oversize message, and the hub stays up', async () => {
    const victim = await connect(hub.url, (await signIn(hub.url, 'agent1')).token);
    const closed = new Promise<string>((resolve) => victim.once('disconnect', resolve));
    victim.emit(
      'call:start',
      { id: randomUUID(), callType: 'x'.repeat(200_000), startedAt: iso() },
      () => undefined,
    );
    expect(await closed).toMatch(/transport (close|error)/);
    const res = await fetch(`${hub.url}/healthz`);
    expect(res.status).toBe(200);
  });

  it('answers an oversize or malformed HTTP body with a 4xx and a message', async () => {
    const big = await fetch(`${hub.url}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'agent1', password: 'x'.repeat(100_000) }),
    });
    expect(big.status).toBe(413);
    expect(await big.json()).toMatchObject({ error: { code: 'payload_too_large' } });
    const wrong = await fetch(`${hub.url}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 7 }),
    });
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({
      error: { code: 'bad_request', message: expect.stringMatching(/username/) },
    });
  });

  it('refuses sockets with no token, a wrong token, or a foreign browser origin', async () => {
    const noToken = io(hub.url, { transports: ['websocket'], reconnection: false });
    const err = await new Promise<Error>((resolve) => noToken.once('connect_error', resolve));
    noToken.close();
    expect(err.message).toBe('unauthorized');
    await expect(connect(hub.url, 'not-a-real-token')).rejects.toThrow('unauthorized');
    const { token } = await signIn(hub.url, 'agent1');
    await expect(connect(hub.url, token, 'https://evil.example')).rejects.toThrow();
    const desktop = await connect(hub.url, token, 'app://sidecoach');
    desktop.close();
  });

  it('refuses a NUL character in any text, on sockets and over HTTP, with a clear 4xx', async () => {
    const refused = await agent.emitWithAck('call:start', {
      id: randomUUID(),
      callType: 'book\u0000ing',
      startedAt: iso(),
    });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'bad_request', message: expect.stringMatching(/NUL/) },
    });
    const res = await fetch(`${hub.url}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'agent\u00001', password: 'x' }),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      error: { code: 'bad_request', message: expect.stringMatching(/NUL/) },
    });
  });

  it('rate-limits repeated wrong passwords', async () => {
    const attempt = () =>
      fetch(`${hub.url}/api/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'agent3', password: 'guess' }),
      });
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await attempt()).status);
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    const limited = await attempt();
    expect(await limited.json()).toMatchObject({ error: { code: 'rate_limited' } });
  });

  it('still has everything stored before the abuse, and still serves', async () => {
    const fresh = await connect(hub.url, (await signIn(hub.url, 'agent1')).token);
    try {
      const call = data(await fresh.emitWithAck('call:get', { callId: stored.id }));
      expect(call).toEqual(stored);
      const calls = data(await fresh.emitWithAck('call:list', { limit: 100 })).calls;
      expect(calls).toHaveLength(2);
    } finally {
      fresh.close();
    }
    expect(hub.process.exitCode).toBeNull();
  });
});
