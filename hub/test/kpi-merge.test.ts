import { describe, expect, it } from 'vitest';
import type { QueueEvent } from '@sidecoach/shared';
import { mergeEvent, queueEventKey } from '../src/cti/queue-records.js';

// Merging a leg's events (cti/queue-records.ts) gives the same leg whatever their order, and an
// event merged again changes nothing: what makes replays and late arrivals harmless.

const base = { queue: 'sales', callId: 'pbx-1' };
const EVENTS: QueueEvent[] = [
  {
    ...base,
    kind: 'offered',
    at: '2026-03-10T09:00:00Z',
    from: '+371 2000 0001',
    callType: 'booking',
  },
  { ...base, kind: 'answered', at: '2026-03-10T09:00:12Z', extension: '1001', waitMs: 12_000 },
  {
    ...base,
    kind: 'wrapup-started',
    at: '2026-03-10T09:05:12Z',
    extension: '1001',
    talkMs: 270_000,
    holdMs: 30_000,
  },
  { ...base, kind: 'wrapup-ended', at: '2026-03-10T09:06:00Z', extension: '1001', complaint: true },
];

/** Every order of the events. */
function orders<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, i) =>
    orders([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]),
  );
}

const merged = (events: readonly QueueEvent[]) =>
  events.reduce<ReturnType<typeof mergeEvent> | null>((leg, e) => mergeEvent(leg, e, 'ava'), null)!;

describe('merging queue events into a leg', () => {
  it('gives the same leg in any of the 24 orders', () => {
    const expected = merged(EVENTS);
    expect(expected).toMatchObject({
      offered_seen: 1,
      offered_at: '2026-03-10T09:00:00.000Z',
      answered_at: '2026-03-10T09:00:12.000Z',
      wait_ms: 12_000,
      talk_ms: 270_000,
      hold_ms: 30_000,
      complaint: 1,
      agent_id: 'ava',
      extension: '1001',
      pbx_call_type: 'booking',
      customer_key: '120000001',
    });
    for (const order of orders(EVENTS)) expect(merged(order)).toEqual(expected);
  });

  it('changes nothing when an event is merged again', () => {
    const leg = merged(EVENTS);
    for (const e of EVENTS) expect(mergeEvent(leg, e, 'ava')).toEqual(leg);
  });

  it('infers the offer from the answer less the wait until the offer arrives', () => {
    const answered = merged([EVENTS[1]!]);
    expect(answered).toMatchObject({ offered_seen: 0, offered_at: '2026-03-10T09:00:00.000Z' });
  });

  it('keys an event by the PBX id, else by kind, call, queue and instant', () => {
    const [offered] = EVENTS;
    expect(queueEventKey(undefined, offered!)).toBe(
      queueEventKey(undefined, { ...offered!, at: '2026-03-10T11:00:00+02:00' }),
    );
    expect(queueEventKey(undefined, offered!)).not.toBe(
      queueEventKey(undefined, { ...offered!, queue: 'support' }),
    );
    expect(queueEventKey('e-1', offered!)).toBe(queueEventKey('e-1', EVENTS[2]!));
  });
});
