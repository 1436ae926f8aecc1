// Every role against every observation action, allowed and refused, decided by the hub from
// the authenticated session. The target of every action is agent1 (Demo team).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AckResponse, ClientEventName, ErrorCode } from '@sidecoach/shared';
import { signIn, startHub, type RunningHub } from './support/hub-process.js';
import { data, iso } from './support/calls.js';
import { InboxClient } from './support/inbox-client.js';

const USERS = [
  'agent1',
  'agent4',
  'supervisor',
  'lead',
  'night-supervisor',
  'night-lead',
  'quality',
] as const;
type User = (typeof USERS)[number];
type Outcome = 'ok' | ErrorCode;

const COACHES_OF_AGENT1: readonly User[] = ['supervisor', 'lead', 'quality'];
const coachesOnly = (u: User): Outcome => (COACHES_OF_AGENT1.includes(u) ? 'ok' : 'forbidden');

describe('observation authorization matrix', () => {
  let hub: RunningHub;
  const clients = {} as Record<User, InboxClient>;
  let agent1: string;
  let sharedNote: string;

  beforeAll(async () => {
    hub = await startHub({ demo: true });
    for (const u of USERS) clients[u] = await InboxClient.open(hub.url, u);
    agent1 = clients.agent1.userId;
    sharedNote = data(
      await clients.supervisor.socket.emitWithAck('observation:note', {
        id: randomUUID(),
        agentId: agent1,
        callId: null,
        offsetMs: null,
        text: 'shared with agent1',
        visibility: 'shared',
        at: iso(),
      }),
    ).id;
  });
  afterAll(async () => {
    Object.values(clients).forEach((c) => c.close());
    await hub?.dispose();
  });

  /** Sends one event as a user; returns 'ok' or the error code. */
  const attempt = async (user: User, event: ClientEventName, payload: object): Promise<Outcome> => {
    const emit = clients[user].socket.emitWithAck.bind(clients[user].socket) as (
      e: string,
      p: object,
    ) => Promise<AckResponse<unknown>>;
    const res = await emit(event, payload);
    return res.ok ? 'ok' : res.error.code;
  };

  const matrix: Array<{
    action: string;
    event: ClientEventName;
    payload: () => object;
    expected: (u: User) => Outcome;
  }> = [
    {
      action: 'see the floor',
      event: 'floor:list',
      payload: () => ({}),
      expected: (u) => (u.startsWith('agent') ? 'forbidden' : 'ok'),
    },
    {
      action: 'join agent1',
      event: 'observation:join',
      payload: () => ({ agentId: agent1 }),
      expected: coachesOnly,
    },
    {
      action: 'write a note about agent1',
      event: 'observation:note',
      payload: () => ({
        id: randomUUID(),
        agentId: agent1,
        callId: null,
        offsetMs: null,
        text: 'private',
        visibility: 'private',
        at: iso(),
      }),
      expected: coachesOnly,
    },
    {
      action: 'list agent1’s observations',
      event: 'observation:list',
      payload: () => ({ agentId: agent1 }),
      expected: (u) => (u === 'agent1' ? 'ok' : coachesOnly(u)),
    },
    {
      action: 'acknowledge agent1’s note',
      event: 'observation:read',
      payload: () => ({ id: sharedNote }),
      expected: (u) => (u === 'agent1' ? 'ok' : u === 'agent4' ? 'not_found' : 'forbidden'),
    },
    {
      action: 'write a coaching note for agent1',
      event: 'coaching:note',
      payload: () => ({
        id: randomUUID(),
        agentId: agent1,
        callId: null,
        text: 'Well done on the greeting.',
        at: iso(),
      }),
      expected: coachesOnly,
    },
    {
      action: 'report ringing',
      event: 'presence:ringing',
      payload: () => ({ ringing: false }),
      expected: (u) => (u.startsWith('agent') ? 'ok' : 'forbidden'),
    },
  ];

  for (const row of matrix) {
    it.each(USERS)(`${row.action}: %s`, async (user) => {
      expect(await attempt(user, row.event, row.payload())).toBe(row.expected(user));
    });
  }

  it('shows each coach only their teams’ agents (admins: all)', async () => {
    const names = async (u: User) =>
      data(await clients[u].socket.emitWithAck('floor:list', {}))
        .agents.map((a) => a.displayName)
        .sort();
    expect(await names('supervisor')).toEqual(['Ava Agent', 'Ben Agent', 'Chen Agent']);
    expect(await names('night-lead')).toEqual(['Dev Agent']);
    expect(await names('quality')).toEqual([
      'Ava Agent',
      'Ben Agent',
      'Chen Agent',
      'Dev Agent',
      'Mārtiņš Ozols', // the Rīga team
      '陳冠宇', // the Taipei desk
    ]);
  });

  it('never lets a coach observe another coach, or an agent observe anyone', async () => {
    const lead = (await signIn(hub.url, 'lead')).user.id;
    expect(await attempt('supervisor', 'observation:join', { agentId: lead })).toBe('forbidden');
    expect(await attempt('agent4', 'observation:join', { agentId: agent1 })).toBe('forbidden');
    expect(await attempt('agent1', 'observation:join', { agentId: agent1 })).toBe('forbidden');
  });

  it('takes identity from the session, never from the payload', async () => {
    // An author field is not part of the protocol: refused, not trusted.
    const spoofed = await attempt('night-supervisor', 'observation:note', {
      id: randomUUID(),
      agentId: agent1,
      authorId: (await signIn(hub.url, 'supervisor')).user.id,
      callId: null,
      offsetMs: null,
      text: 'x',
      visibility: 'shared',
      at: iso(),
    });
    expect(spoofed).toBe('bad_request');
  });

  it('keeps private notes and other agents’ notes out of agents’ inboxes', async () => {
    await clients.agent1.until('the shared note', () =>
      clients.agent1.of('observation').some((m) => m.observation.id === sharedNote),
    );
    const visible = clients.agent1.of('observation').map((m) => m.observation.visibility);
    expect(visible.every((v) => v === 'shared')).toBe(true);
    expect(clients.agent4.received).toEqual([]);
    const listed = data(
      await clients.agent1.socket.emitWithAck('observation:list', { agentId: agent1 }),
    ).observations;
    expect(listed.map((o) => o.visibility)).toEqual(['shared']);
  });
});
