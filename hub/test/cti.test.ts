import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallEvent } from '@sidecoach/shared';
import { randomUUID } from 'node:crypto';
import { signRequest } from '../src/lib/signature.js';
import { eventKey } from '../src/cti/records.js';
import { data } from './support/calls.js';
import { hubSecret, withHubDatabase } from './support/database.js';
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

  /** The kinds of event the hub stored for a PBX call id, in the order received. */
  const stored = (callId: string) =>
    withHubDatabase(hub.dataDir, async (db) =>
      (
        await db
          .selectFrom('cti_events')
          .select('kind')
          .where('call_id', '=', callId)
          .orderBy('received_at')
          .execute()
      ).map((r) => r.kind),
    );

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

  it('accepts a request re-sent with the same signature once: 200 duplicate, not stored or relayed again', async () => {
    const body = JSON.stringify({
      extension: '1001',
      event: { ...event('ringing'), callId: 'pbx-replay' },
    });
    const at = Math.floor(Date.now() / 1000);
    const headers = {
      'x-sidecoach-timestamp': String(at),
      'x-sidecoach-signature': signRequest(secret, at, body),
    };
    const before = received.length;
    const first = await post(body, headers);
    expect(first.status).toBe(202);
    expect(await first.json()).toEqual({ delivered: 1 });
    await expect.poll(() => received.length).toBe(before + 1);
    for (let i = 0; i < 3; i++) {
      const again = await post(body, headers);
      expect(again.status).toBe(200);
      expect(await again.json()).toEqual({ duplicate: true, delivered: 0 });
    }
    // A relayed copy would have reached the agent by the time this event does.
    await signed({ extension: '1001', event: { ...event('ended'), callId: 'pbx-replay' } });
    await expect.poll(() => received.at(-1)?.kind).toBe('ended');
    expect(received.filter((e) => e.callId === 'pbx-replay').map((e) => e.kind)).toEqual([
      'ringing',
      'ended',
    ]);
    expect(await stored('pbx-replay')).toEqual(['ringing', 'ended']);
  });

  it('knows an event again by its own key when the PBX re-signs it, and by the PBX’s event id', async () => {
    const ringing = { ...event('ringing'), callId: 'pbx-retry', at: '2026-11-24T10:00:00Z' };
    expect((await signed({ extension: '1001', event: ringing })).status).toBe(202);
    // Re-signed a second later, the time spelled with milliseconds: the same instant.
    const resigned = await signed(
      { extension: '1001', event: { ...ringing, at: '2026-11-24T10:00:00.000Z' } },
      Math.floor(Date.now() / 1000) + 1,
    );
    expect(resigned.status).toBe(200);
    expect(await resigned.json()).toMatchObject({ duplicate: true });
    // Another kind of the same call is another event.
    const answered = { ...ringing, kind: 'answered' };
    expect((await signed({ extension: '1001', event: answered })).status).toBe(202);

    // With the PBX's id, the id decides: the same id is the same event, a new id a new one.
    const held = { ...ringing, kind: 'held' };
    const withId = (eventId: string, at?: number) =>
      signed({ extension: '1001', eventId, event: held }, at);
    expect((await withId('evt-1')).status).toBe(202);
    expect((await withId('evt-1', Math.floor(Date.now() / 1000) + 2)).status).toBe(200);
    expect((await withId('evt-2')).status).toBe(202);
    expect(await stored('pbx-retry')).toEqual(['ringing', 'answered', 'held', 'held']);
    const badId = await signed({ extension: '1001', eventId: '', event: held });
    expect(badId.status).toBe(400);
    expect(await badId.json()).toMatchObject({
      error: { code: 'bad_request', message: expect.stringMatching(/eventId/) },
    });
  });

  it('still ends the call when the PBX retries a hang-up the hub kept but did not act on', async () => {
    const call = data(
      await agent.emitWithAck('call:start', {
        id: randomUUID(),
        callType: 'booking',
        startedAt: new Date(Date.now() - 60_000).toISOString(),
        source: 'cti',
        externalId: 'pbx-crash',
      }),
    );
    const ended = { ...event('ended'), callId: 'pbx-crash' };
    // As if the hub had stored the hang-up and stopped before ending the call.
    await withHubDatabase(hub.dataDir, (db) =>
      db
        .insertInto('cti_event_keys')
        .values({
          key: eventKey('1001', undefined, ended as CallEvent),
          received_at: new Date().toISOString(),
        })
        .execute(),
    );
    const retry = await signed({ extension: '1001', event: ended });
    expect(retry.status).toBe(200);
    expect(await retry.json()).toEqual({ duplicate: true, delivered: 0 });
    const after = data(await agent.emitWithAck('call:get', { callId: call.id }));
    expect(after.endedAt).not.toBeNull();
    expect(received.some((e) => e.callId === 'pbx-crash')).toBe(false);
  });

  it('keeps the recording a hang-up names on the call, never relays it, and refuses a bad URL', async () => {
    const call = data(
      await agent.emitWithAck('call:start', {
        id: randomUUID(),
        callType: 'booking',
        startedAt: new Date(Date.now() - 60_000).toISOString(),
        source: 'cti',
        externalId: 'pbx-recorded',
      }),
    );
    const recordingUrl = 'https://pbx.example.test/recordings/pbx-recorded.wav?sig=a%2Fb';
    const refused = async (url: unknown) => {
      const res = await signed({
        extension: '1001',
        event: { ...event('ended'), callId: 'pbx-recorded', recordingUrl: url },
      });
      expect(res.status, String(url)).toBe(400);
      return ((await res.json()) as { error: { message: string } }).error.message;
    };
    expect(await refused('ftp://pbx.example.test/r.wav')).toContain(
      'recordingUrl must be an http or https URL',
    );
    expect(await refused('not a url')).toContain('recordingUrl');
    expect(await refused(`https://pbx.example.test/${'r'.repeat(2048)}`)).toContain('recordingUrl');
    const before = received.length;
    const res = await signed({
      extension: '1001',
      event: { ...event('ended'), callId: 'pbx-recorded', recordingUrl },
    });
    expect(res.status).toBe(202);
    await expect.poll(() => received.length).toBe(before + 1);
    const relayed = received.at(-1)!;
    expect(relayed).toMatchObject({ kind: 'ended', callId: 'pbx-recorded' });
    expect(relayed).not.toHaveProperty('recordingUrl');
    const stored = await withHubDatabase(hub.dataDir, (db) =>
      db
        .selectFrom('calls')
        .select(['recording_url', 'ended_at'])
        .where('id', '=', call.id)
        .executeTakeFirstOrThrow(),
    );
    expect(stored.recording_url).toBe(recordingUrl);
    expect(stored.ended_at).not.toBeNull();
  });

  it('forgets event keys older than the signature window when it starts', async () => {
    const own = await startHub({ demo: true });
    let again: RunningHub | undefined;
    try {
      const cti = await hubSecret(own, 'cti-secret');
      const body = (callId: string) =>
        JSON.stringify({ extension: '1001', event: { ...event('ringing'), callId } });
      for (const callId of ['pbx-old-1', 'pbx-old-2', 'pbx-new']) {
        const at = Math.floor(Date.now() / 1000);
        // One body for the signature and the request: each event() carries the time of its
        // making, so two calls a millisecond apart would sign another body than is sent.
        const sent = body(callId);
        const res = await fetch(`${own.url}/api/cti/events`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-sidecoach-timestamp': String(at),
            'x-sidecoach-signature': signRequest(cti, at, sent),
          },
          body: sent,
        });
        expect(res.status, await res.clone().text()).toBe(202);
      }
      // Two keys aged past the window (2 x 300 s + 60 s), as an hour of waiting would.
      const hourAgo = new Date(Date.now() - 3_600_000).toISOString();
      const keys = () =>
        withHubDatabase(own.dataDir, (db) =>
          db.selectFrom('cti_event_keys').select(['key', 'received_at']).execute(),
        );
      const all = await keys();
      expect(all).toHaveLength(3);
      const kept = all.at(-1)!.key;
      await withHubDatabase(own.dataDir, (db) =>
        db
          .updateTable('cti_event_keys')
          .set({ received_at: hourAgo })
          .where('key', '!=', kept)
          .execute(),
      );
      await own.stop();
      again = await startHub({ dataDir: own.dataDir, demo: true });
      await expect.poll(async () => (await keys()).map((k) => k.key)).toEqual([kept]);
    } finally {
      await again?.stop();
      await own.dispose();
    }
  });
});
