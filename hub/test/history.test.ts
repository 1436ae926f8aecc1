// An agent's history as their coaches read it, through a real hub on either database.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startHub,
  type HubSocket,
  type RunningHub,
  signedInSockets,
} from './support/hub-process.js';
import { data, iso, noteBetweenCalls, runCall } from './support/calls.js';

describe('an agent’s history', () => {
  let hub: RunningHub;
  let agent: HubSocket;
  let supervisor: HubSocket;
  let nightLead: HubSocket;
  let agentId: string;
  const { open, closeAll } = signedInSockets(() => hub);

  beforeAll(async () => {
    hub = await startHub({ demo: true });
    agent = await open('agent1');
    supervisor = await open('supervisor');
    nightLead = await open('night-lead');
    agentId = data(await agent.emitWithAck('session:bootstrap', {})).user.id;
  });
  afterAll(async () => {
    closeAll();
    await hub?.dispose();
  });

  it('brings calls with ticks and self-assessments, and the notes on them, filtered by call type', async () => {
    const booking = await runCall(agent, 'booking', ['proc-greeting']);
    await runCall(agent, 'sales', []);
    data(
      await agent.emitWithAck('assessment:submit', {
        id: randomUUID(),
        callId: booking.id,
        status: 'skipped',
        at: iso(),
      }),
    );
    const observation = data(
      await supervisor.emitWithAck('observation:note', {
        id: randomUUID(),
        agentId,
        callId: booking.id,
        offsetMs: null,
        text: 'Confirmed the date back to the customer',
        visibility: 'private',
        at: iso(),
      }),
    );
    await noteBetweenCalls(supervisor, agentId, 'shared');

    const all = data(await supervisor.emitWithAck('agent:history', { agentId, days: 7 }));
    expect(all.agent.displayName).toBe('Ava Agent');
    expect(all.truncated).toBe(false);
    expect(all.calls.map((c) => c.callType).slice(0, 2)).toEqual(['sales', 'booking']);
    expect(all.calls.find((c) => c.id === booking.id)).toMatchObject({
      ticked: ['proc-greeting'],
      assessment: { status: 'skipped' },
    });
    // A coach reads every coach's notes, private ones too; between calls as well.
    expect(all.observations.map((o) => o.id)).toContain(observation.id);
    expect(all.observations.some((o) => o.callId === null)).toBe(true);

    const bookings = data(
      await supervisor.emitWithAck('agent:history', { agentId, days: 7, callType: 'booking' }),
    );
    expect(new Set(bookings.calls.map((c) => c.callType))).toEqual(new Set(['booking']));
    const today = new Date().toLocaleDateString('sv');
    const range = data(
      await supervisor.emitWithAck('agent:history', { agentId, from: today, to: today }),
    );
    expect(range.calls.length).toBe(all.calls.length);
  });

  it('is for the agent’s coaches only', async () => {
    for (const socket of [agent, nightLead]) {
      const res = await socket.emitWithAck('agent:history', { agentId, days: 7 });
      expect(res.ok ? null : res.error.code).toBe('forbidden');
    }
    const bad = await supervisor.emitWithAck('agent:history', { agentId, days: 400 });
    expect(bad.ok ? null : bad.error.code).toBe('bad_request');
  });
});
