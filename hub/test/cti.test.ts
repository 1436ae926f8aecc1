import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallEvent } from '@sidecoach/shared';
import { signRequest } from '../src/lib/signature.js';
import { hubSecret } from './support/database.js';
import {
  connect,
  signIn,
  startHub,
  type HubSocket,
  type RunningHub,
} from './support/hub-process.js';

describe('CTI webhook', () => {
  let hub: RunningHub;
  let secret: string;
  let agent: HubSocket;
  const received: CallEvent[] = [];
  const event = (kind: CallEvent['kind']) => ({
    kind,
    callId: 'pbx-42',
    direction: 'inbound',
    remoteParty: '+37120000000',
    at: new Date().toISOString(),
    source: 'cti',
  });
  const post = (body: string, headers: Record<string, string>) =>
    fetch(`${hub.url}/api/cti/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });
  const signed = (payload: unknown, at = Math.floor(Date.now() / 1000), key = secret) => {
    const body = JSON.stringify(payload);
    return post(body, {
      'x-sidecoach-timestamp': String(at),
      'x-sidecoach-signature': signRequest(key, at, body),
    });
  };

  beforeAll(async () => {
    hub = await startHub({ demo: true });
    secret = await hubSecret(hub, 'cti-secret');
    agent = await connect(hub.url, (await signIn(hub.url, 'agent1')).token);
    agent.on('softphone:event', (e) => received.push(e));
  });
  afterAll(async () => {
    agent?.close();
    await hub?.dispose();
  });

  it('relays a signed event to the agent with that extension', async () => {
    const res = await signed({ extension: '1001', event: event('ringing') });
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ delivered: 1 });
    await expect.poll(() => received.length).toBe(1);
    expect(received[0]).toMatchObject({ kind: 'ringing', callId: 'pbx-42', source: 'cti' });
  });

  it('refuses a bad signature, a stale or missing timestamp, with 401 and a reason', async () => {
    const body = JSON.stringify({ extension: '1001', event: event('answered') });
    const now = Math.floor(Date.now() / 1000);
    const wrongKey = await signed(
      { extension: '1001', event: event('answered') },
      now,
      'not-the-secret-at-all',
    );
    expect(wrongKey.status).toBe(401);
    expect(await wrongKey.json()).toMatchObject({
      error: { code: 'unauthorized', message: 'bad signature' },
    });
    const tampered = await post(body.replace('1001', '1002'), {
      'x-sidecoach-timestamp': String(now),
      'x-sidecoach-signature': signRequest(secret, now, body),
    });
    expect(tampered.status).toBe(401);
    const stale = await signed({ extension: '1001', event: event('answered') }, now - 3600);
    expect(stale.status).toBe(401);
    expect(await stale.json()).toMatchObject({
      error: { message: expect.stringMatching(/stale timestamp/) },
    });
    const unsigned = await post(body, {});
    expect(unsigned.status).toBe(401);
    expect(received).toHaveLength(1);
  });

  it('answers an unknown extension with 404 and a malformed event with 400', async () => {
    const unknown = await signed({ extension: '9999', event: event('ringing') });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({
      error: { code: 'not_found', message: 'no agent with extension 9999' },
    });
    const malformed = await signed({
      extension: '1001',
      event: { ...event('ringing'), kind: 'exploded' },
    });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({
      error: { code: 'bad_request', message: expect.stringMatching(/kind/) },
    });
    expect(received).toHaveLength(1);
  });

  it('shows the ringing phone on the supervisors’ floor until the call is answered', async () => {
    const supervisor = await connect(hub.url, (await signIn(hub.url, 'supervisor')).token);
    try {
      const statuses: string[] = [];
      supervisor.on('floor:agent', (a) => a.displayName === 'Ava Agent' && statuses.push(a.status));
      await signed({ extension: '1001', event: event('ended') }); // the earlier test's call
      await signed({ extension: '1001', event: { ...event('ringing'), callId: 'pbx-43' } });
      await expect.poll(() => statuses.at(-1)).toBe('ringing');
      await signed({ extension: '1001', event: { ...event('answered'), callId: 'pbx-43' } });
      await expect.poll(() => statuses.at(-1)).toBe('available');
    } finally {
      supervisor.close();
    }
  });
});
