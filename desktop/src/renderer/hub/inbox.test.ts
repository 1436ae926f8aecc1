// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { InboxMessage, ObservationRecord } from '@sidecoach/shared';
import type { InboxRoutes } from './feature.js';
import { inboxLoaded, inboxPosition, onInboxMessage, routeInbox, stopInbox } from './inbox.js';
import { useSession, type HubSocket } from './session-store.js';

const receipt = (seq: number): InboxMessage => ({
  seq,
  kind: 'receipt',
  receipt: {
    observationId: `obs-${seq}`,
    agentId: 'agent-1',
    releasedAt: null,
    deliveredAt: '2026-12-01T10:00:00.000Z',
    readAt: null,
  },
});

function routed() {
  const seen: number[] = [];
  const take = (m: InboxMessage) => void seen.push(m.seq);
  routeInbox({
    observation: take,
    'coaching-note': take,
    receipt: take,
    'survey-response': take,
    'survey-status': take,
    recognition: take,
  } satisfies InboxRoutes);
  return seen;
}

/** A socket that only records reconnects (the gap handling's one effect on it). */
function fakeSocket() {
  const socket = { connected: true, disconnect: vi.fn(), connect: vi.fn() };
  useSession.setState({ socket: socket as unknown as HubSocket });
  return socket;
}

afterEach(() => {
  stopInbox();
  useSession.setState({ socket: null });
});

describe('the inbox', () => {
  it('hands each number to its route once, in order, and ignores replays', () => {
    const seen = routed();
    inboxLoaded(0);
    for (const seq of [1, 2, 2, 1, 3]) onInboxMessage(receipt(seq));
    expect(seen).toEqual([1, 2, 3]);
    expect(inboxPosition()).toBe(3);
  });

  it('on a gap handles nothing out of order and reconnects from the last number handled', () => {
    const seen = routed();
    const socket = fakeSocket();
    inboxLoaded(4);
    onInboxMessage(receipt(5));
    onInboxMessage(receipt(7)); // 6 went missing
    expect(seen).toEqual([5]);
    expect(inboxPosition()).toBe(5);
    expect(socket.disconnect).toHaveBeenCalledOnce();
    expect(socket.connect).toHaveBeenCalledOnce();
    // The hub replays from 5 on the new connection.
    onInboxMessage(receipt(6));
    onInboxMessage(receipt(7));
    expect(seen).toEqual([5, 6, 7]);
  });

  it('starts from the first number the hub sends when the device has none', () => {
    const seen = routed();
    onInboxMessage(receipt(41));
    onInboxMessage(receipt(42));
    expect(seen).toEqual([41, 42]);
  });

  it('starts again from the hub when its numbers are behind this device (a replaced database)', () => {
    const seen = routed();
    inboxLoaded(0);
    onInboxMessage(receipt(1));
    onInboxMessage(receipt(2));
    inboxLoaded(0); // the hub's inbox is empty: its numbers start again
    onInboxMessage(receipt(1));
    expect(seen).toEqual([1, 2, 1]);
  });

  it('routes each kind to the feature that took it', () => {
    const observations: ObservationRecord[] = [];
    const other = vi.fn();
    routeInbox({
      observation: (m) => void observations.push(m.observation),
      'coaching-note': other,
      receipt: other,
      'survey-response': other,
      'survey-status': other,
      recognition: other,
    });
    inboxLoaded(0);
    const observation = { id: 'o1' } as ObservationRecord;
    onInboxMessage({ seq: 1, kind: 'observation', observation });
    onInboxMessage(receipt(2));
    expect(observations).toEqual([observation]);
    expect(other).toHaveBeenCalledOnce();
  });
});
