import { describe, expect, it } from 'vitest';
import { clientEventSchemas } from './events.js';
import { HubUrlSchema } from '../ipc/bridge.js';

const id = '0190f0e8-7a4c-7cc2-9a3d-3f1c2b4a5d6e';
const now = '2026-11-24T10:00:00.000Z';

describe('client event schemas', () => {
  it('accept well-formed payloads', () => {
    expect(
      clientEventSchemas['call:start'].safeParse({ id, callType: 'booking', startedAt: now })
        .success,
    ).toBe(true);
    expect(
      clientEventSchemas['assessment:submit'].safeParse({
        id,
        callId: id,
        status: 'submitted',
        answers: { greet: 'yes', verify: 'na' },
        nextTime: 'summarise before closing',
        at: now,
      }).success,
    ).toBe(true);
    expect(
      clientEventSchemas['assessment:submit'].safeParse({
        id,
        callId: id,
        status: 'skipped',
        at: now,
      }).success,
    ).toBe(true);
  });

  it('refuse wrong types, unknown fields, bad ids and times', () => {
    const start = clientEventSchemas['call:start'];
    expect(start.safeParse({ id: 'nope', callType: 'booking', startedAt: now }).success).toBe(
      false,
    );
    expect(start.safeParse({ id, callType: 7, startedAt: now }).success).toBe(false);
    expect(start.safeParse({ id, callType: 'booking', startedAt: 'yesterday' }).success).toBe(
      false,
    );
    expect(
      start.safeParse({ id, callType: 'booking', startedAt: now, agentId: 'someone' }).success,
    ).toBe(false);
    expect(
      clientEventSchemas['assessment:submit'].safeParse({
        id,
        callId: id,
        status: 'submitted',
        answers: { a: 'maybe' },
        at: now,
      }).success,
    ).toBe(false);
    expect(
      clientEventSchemas['assessment:submit'].safeParse({
        id,
        callId: id,
        status: 'submitted',
        answers: {},
        nextTime: 'x'.repeat(501),
        at: now,
      }).success,
    ).toBe(false);
    expect(clientEventSchemas['call:list'].safeParse({ limit: 1000 }).success).toBe(false);
  });

  it('defaults the list size', () => {
    expect(clientEventSchemas['call:list'].parse({})).toEqual({ limit: 20 });
  });
});

describe('HubUrlSchema', () => {
  it('takes plain http(s) origins only', () => {
    expect(HubUrlSchema.safeParse('http://127.0.0.1:4780').success).toBe(true);
    expect(HubUrlSchema.safeParse('https://hub.example.com').success).toBe(true);
    // IPv6 literals are refused: no Content Security Policy source can name one.
    expect(HubUrlSchema.safeParse('http://[::1]:4780/').success).toBe(false);
    for (const bad of [
      'ftp://x',
      'javascript:alert(1)',
      'http://u:p@x',
      'http://x/?a=1',
      'not a url',
    ]) {
      expect(HubUrlSchema.safeParse(bad).success, bad).toBe(false);
    }
  });
});
