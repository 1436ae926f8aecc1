import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallRecord, FloorAgent, ObservationNote } from '@sidecoach/shared';
import { signIn, startHub, type RunningHub } from './support/hub-process.js';
import { data, iso, noteBetweenCalls } from './support/calls.js';
import { InboxClient, nextEvent } from './support/inbox-client.js';

describe('side-by-side observation through a real hub', () => {
  let hub: RunningHub;
  let agent: InboxClient;
  let supervisor: InboxClient;
  let lead: InboxClient;
  let callId: string;
  const clients: InboxClient[] = [];
  const open = async (username: string) => {
    const c = await InboxClient.open(hub.url, username);
    clients.push(c);
    return c;
  };
  const note = (over: Partial<ObservationNote> = {}): ObservationNote => ({
    id: randomUUID(),
    agentId: agent.userId,
    callId,
    offsetMs: 12_000,
    tags: ['tone'],
    text: 'Warm greeting, used the customer’s name',
    visibility: 'shared',
    delivery: 'now',
    at: iso(),
    ...over,
  });
  /** Waits for a later message to the agent: whatever was to reach them before it has. */
  const agentSentinel = () =>
    agent.afterSentinel(() => noteBetweenCalls(supervisor.socket, agent.userId, 'shared'));

  beforeAll(async () => {
    hub = await startHub({ demo: true });
    agent = await open('agent1');
    supervisor = await open('supervisor');
    lead = await open('lead');
  });
  afterAll(async () => {
    clients.forEach((c) => c.close());
    await hub?.dispose();
  });

  it('shows the supervisor their team’s floor with live status', async () => {
    const floor = data(await supervisor.socket.emitWithAck('floor:list', {}));
    const byName = Object.fromEntries(floor.agents.map((a) => [a.displayName, a]));
    expect(Object.keys(byName).sort()).toEqual(['Ava Agent', 'Ben Agent', 'Chen Agent']);
    expect(byName['Ava Agent']?.status).toBe('available');
    expect(byName['Ben Agent']?.status).toBe('offline'); // not signed in

    const ringing = nextEvent<FloorAgent>(
      supervisor.socket,
      'floor:agent',
      (a) => a.status === 'ringing',
    );
    data(await agent.socket.emitWithAck('presence:ringing', { ringing: true }));
    expect((await ringing).displayName).toBe('Ava Agent');
  });

  it('lets supervisor and lead join, then follows the call live', async () => {
    const joined = data(
      await supervisor.socket.emitWithAck('observation:join', { agentId: agent.userId }),
    );
    expect(joined.agent.displayName).toBe('Ava Agent');
    expect(joined.call).toBeNull();
    data(await lead.socket.emitWithAck('observation:join', { agentId: agent.userId }));

    const onCall = nextEvent<FloorAgent>(
      supervisor.socket,
      'floor:agent',
      (a) => a.status === 'on-call',
    );
    callId = randomUUID();
    data(
      await agent.socket.emitWithAck('call:start', {
        id: callId,
        callType: 'booking',
        startedAt: iso(-30_000),
      }),
    );
    const entry = await onCall;
    expect(entry).toMatchObject({
      callId,
      callType: 'booking',
      observers: ['Sam Supervisor', 'Lina Lead'],
    });

    const ticked = nextEvent<CallRecord>(supervisor.socket, 'call:changed', (c) =>
      c.ticked.includes('proc-greeting'),
    );
    data(
      await agent.socket.emitWithAck('call:tick', {
        callId,
        itemId: 'proc-greeting',
        checked: true,
        at: iso(),
      }),
    );
    expect((await ticked).tickedAt?.['proc-greeting']).toBeDefined();
  });

  it('keeps private notes from the agent and shows every coach every note', async () => {
    const privateNote = data(
      await supervisor.socket.emitWithAck(
        'observation:note',
        note({ visibility: 'private', text: 'Slouching' }),
      ),
    );
    expect(privateNote.releasedAt).toBeNull();
    await lead.until('the private note at the lead', () =>
      lead.of('observation').some((m) => m.observation.id === privateNote.id),
    );
    const byLead = data(
      await lead.socket.emitWithAck('observation:note', note({ visibility: 'private' })),
    );
    await supervisor.until('the lead’s note at the supervisor', () =>
      supervisor.of('observation').some((m) => m.observation.id === byLead.id),
    );
    const sentinel = await agentSentinel();
    expect(agent.of('observation').filter((m) => m !== sentinel)).toEqual([]);
  });

  it('delivers a "now" note at once, once, with delivered and read receipts', async () => {
    const input = note({ itemId: 'proc-greeting' });
    const stored = data(await supervisor.socket.emitWithAck('observation:note', input));
    expect(stored).toMatchObject({
      authorName: 'Sam Supervisor',
      itemId: 'proc-greeting',
      offsetMs: 12_000,
    });
    expect(stored.releasedAt).not.toBeNull();
    // The outbox resends with the same id: acknowledged again, stored and delivered once.
    expect(data(await supervisor.socket.emitWithAck('observation:note', input)).id).toBe(stored.id);

    const ofStored = () => agent.of('observation').filter((m) => m.observation.id === stored.id);
    await agent.until('the note at the agent', () => ofStored().length > 0);
    const [message] = ofStored();
    expect(message?.observation.text).toBe(input.text);

    data(await agent.socket.emitWithAck('inbox:ack', { seq: message!.seq }));
    await supervisor.until('a delivered receipt', () =>
      supervisor
        .of('receipt')
        .some((r) => r.receipt.observationId === stored.id && r.receipt.deliveredAt),
    );
    const read = data(await agent.socket.emitWithAck('observation:read', { id: stored.id }));
    expect(read.readAt).not.toBeNull();
    await lead.until('a read receipt at the other observer', () =>
      lead.of('receipt').some((r) => r.receipt.observationId === stored.id && r.receipt.readAt),
    );
    await agentSentinel();
    expect(ofStored()).toHaveLength(1);
  });

  it('holds an "after the call" note until the call ends', async () => {
    const held = data(
      await supervisor.socket.emitWithAck(
        'observation:note',
        note({ delivery: 'after-call', text: 'Summarise before closing' }),
      ),
    );
    expect(held.releasedAt).toBeNull();
    await agentSentinel();
    expect(agent.of('observation').some((m) => m.observation.id === held.id)).toBe(false);

    data(await agent.socket.emitWithAck('call:end', { callId, endedAt: iso() }));
    await agent.until('the held note after the call', () =>
      agent.of('observation').some((m) => m.observation.id === held.id),
    );
    await supervisor.until('a released receipt', () =>
      supervisor
        .of('receipt')
        .some((r) => r.receipt.observationId === held.id && r.receipt.releasedAt),
    );
    const seqs = agent.received.map((m) => m.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);
  });

  it('lets the agent list only their shared notes', async () => {
    const mine = data(await agent.socket.emitWithAck('observation:mine', {}));
    // Besides the sentinels (shared notes between calls).
    const notes = mine.observations.filter((o) => o.text !== 'sentinel');
    expect(notes.map((o) => o.visibility)).toEqual(['shared', 'shared']);
    const all = data(
      await supervisor.socket.emitWithAck('observation:list', { agentId: agent.userId, callId }),
    );
    expect(all.observations.map((o) => o.visibility).sort()).toEqual([
      'private',
      'private',
      'shared',
      'shared',
    ]);
  });

  it('turns observations into a coaching note for the agent and the team lead', async () => {
    const observed = data(
      await supervisor.socket.emitWithAck('observation:list', { agentId: agent.userId, callId }),
    ).observations;
    const input = {
      id: randomUUID(),
      agentId: agent.userId,
      callId,
      observationIds: observed.map((o) => o.id),
      text: 'Your greeting set a warm tone. Next time, summarise before you close.',
      at: iso(),
    };
    const stored = data(await supervisor.socket.emitWithAck('coaching:note', input));
    expect(stored.observationIds).toHaveLength(4);
    await agent.until(
      'the coaching note at the agent',
      () => agent.of('coaching-note').length === 1,
    );
    await lead.until('the coaching note at the lead', () => lead.of('coaching-note').length === 1);
    data(await supervisor.socket.emitWithAck('coaching:note', input)); // a resend
    await agentSentinel();
    expect(agent.of('coaching-note')).toHaveLength(1);
  });

  it('lets the agent reply once to a coaching note, and the coach and lead read it', async () => {
    const note = agent.of('coaching-note')[0]!.note;
    const reply = {
      id: randomUUID(),
      noteId: note.id,
      text: 'Thanks: I will summarise the next steps before I close.',
      at: iso(),
    };
    // Only the agent it was written to replies.
    const byCoach = await supervisor.socket.emitWithAck('coaching:reply', reply);
    expect(byCoach).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const stored = data(await agent.socket.emitWithAck('coaching:reply', reply));
    expect(stored.reply).toMatchObject({ id: reply.id, text: reply.text, lang: 'en' });
    const replied = (c: InboxClient) =>
      c.of('coaching-note').some((m) => m.note.id === note.id && m.note.reply?.id === reply.id);
    await supervisor.until('the reply at the note’s author', () => replied(supervisor));
    await lead.until('the reply at the team lead', () => replied(lead));
    await agent.until('the reply on the agent’s other devices', () => replied(agent));
    // A retry is the same reply; a second, different one is refused; nothing is sent twice.
    expect(data(await agent.socket.emitWithAck('coaching:reply', reply)).reply?.id).toBe(reply.id);
    const again = await agent.socket.emitWithAck('coaching:reply', { ...reply, id: randomUUID() });
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict' } });
    await agentSentinel();
    expect(agent.of('coaching-note').filter((m) => m.note.reply)).toHaveLength(1);
    // Kept: the notes loaded after a reconnect carry it.
    const mine = data(await agent.socket.emitWithAck('observation:mine', { limit: 50 }));
    expect(mine.coachingNotes.find((n) => n.id === note.id)?.reply?.text).toBe(reply.text);
    // Bad input: too long, or a note that is not theirs (or does not exist).
    const long = await agent.socket.emitWithAck('coaching:reply', {
      ...reply,
      id: randomUUID(),
      text: 'x'.repeat(501),
    });
    expect(long).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    const unknown = await agent.socket.emitWithAck('coaching:reply', {
      ...reply,
      id: randomUUID(),
      noteId: randomUUID(),
    });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('replays what a reconnecting agent missed, once and in order', async () => {
    const seen = agent.lastSeq!;
    agent.close();
    const sent = [];
    for (let i = 0; i < 5; i++)
      sent.push(
        data(
          await supervisor.socket.emitWithAck(
            'observation:note',
            note({ callId: null, offsetMs: null, text: `note ${i}` }),
          ),
        ),
      );
    const back = await InboxClient.open(hub.url, 'agent1', seen);
    clients.push(back);
    await back.until('five missed notes', () => back.of('observation').length === 5);
    expect(back.of('observation').map((m) => m.observation.text)).toEqual(sent.map((n) => n.text));
    expect(back.received.map((m) => m.seq)).toEqual([1, 2, 3, 4, 5].map((i) => seen + i));
  });

  it('refuses notes about calls or standards that do not fit', async () => {
    const unknownItem = await supervisor.socket.emitWithAck(
      'observation:note',
      note({ itemId: 'no-such-standard' }),
    );
    expect(unknownItem).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    const empty = await supervisor.socket.emitWithAck(
      'observation:note',
      note({ text: '', tags: [] }),
    );
    expect(empty).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    // agent1's call, filed under agent2: the call must belong to the agent observed.
    const agent2 = (await signIn(hub.url, 'agent2')).user.id;
    const wrongAgent = await supervisor.socket.emitWithAck(
      'observation:note',
      note({ agentId: agent2 }),
    );
    expect(wrongAgent).toMatchObject({ ok: false, error: { code: 'bad_request' } });
  });
});
