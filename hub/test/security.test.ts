// What an attacker on the floor's network tries against a real hub, and that each hole is closed (issue 17).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AckResponse, ObservationNote, ObservationRecord } from '@sidecoach/shared';
import { tokenHash } from '../src/lib/tokens.js';
import { data, iso } from './support/calls.js';
import { databaseFor, testDialect, userIdOf, withHubDatabase } from './support/database.js';
import {
  connect,
  signIn,
  startHub,
  type HubSocket,
  type RunningHub,
} from './support/hub-process.js';
import { InboxClient } from './support/inbox-client.js';

// ---- observers and sessions that outlive their rights ----

const privateNote = (agentId: string, text: string): ObservationNote => ({
  id: randomUUID(),
  agentId,
  callId: null,
  offsetMs: null,
  tags: [],
  text,
  visibility: 'private',
  delivery: 'now',
  at: iso(),
});

const write = async (socket: HubSocket, agentId: string, text: string) =>
  data(await socket.emitWithAck('observation:note', privateNote(agentId, text)));

/**
 * Writes private notes about the agent (from `writer`) until one no longer reaches the
 * observer's inbox, bounded; answers that note. A note is in every recipient's inbox before its
 * author has the acknowledgement, so each answer is final (read beside the hub, as it stored it).
 */
function firstNoteNotReaching(
  hub: RunningHub,
  writer: HubSocket,
  agentId: string,
  observerId: string,
  timeout = 30_000,
): Promise<ObservationRecord> {
  return withHubDatabase(hub.dataDir, async (db) => {
    let last: ObservationRecord | undefined;
    await expect
      .poll(
        async () => {
          last = await write(writer, agentId, `while the observer is away ${randomUUID()}`);
          const row = await db
            .selectFrom('inbox')
            .select('seq')
            .where('recipient_id', '=', observerId)
            .where('ref_id', '=', `obs:${last.id}`)
            .executeTakeFirst();
          return row !== undefined;
        },
        { timeout, interval: 250 },
      )
      .toBe(false);
    return last!;
  });
}

/** Waits for a note at a client, bounded. */
const arrives = (client: InboxClient, note: ObservationRecord) =>
  client.until(`note ${note.text}`, () =>
    client.of('observation').some((m) => m.observation.id === note.id),
  );

const join = async (client: InboxClient, agentId: string) =>
  data(await client.socket.emitWithAck('observation:join', { agentId }));

describe('an observer whose tablet crashed (socket gone without leaving)', () => {
  let hub: RunningHub;
  let agentId: string;

  beforeAll(async () => {
    hub = await startHub({ demo: true, extraArgs: ['--observer-grace-seconds', '1'] });
    agentId = await userIdOf(hub.dataDir, 'agent1');
  });
  afterAll(async () => {
    await hub?.dispose();
  });

  it('stops receiving the agent’s notes (other coaches’ private ones too) after the grace, and gets them again once back', async () => {
    const tablet = await InboxClient.open(hub.url, 'lead');
    const supervisor = await InboxClient.open(hub.url, 'supervisor');
    let back: InboxClient | undefined;
    try {
      await join(tablet, agentId);
      await join(supervisor, agentId);
      await arrives(tablet, await write(supervisor.socket, agentId, 'before the crash'));

      // The tablet is gone: no leave, its socket simply closes.
      const seen = tablet.lastSeq;
      tablet.close();
      const missed = await firstNoteNotReaching(hub, supervisor.socket, agentId, tablet.userId);
      // The floor shows only the coach still there.
      const floor = data(await supervisor.socket.emitWithAck('floor:list', {}));
      expect(floor.agents.find((a) => a.agentId === agentId)?.observers).toEqual([
        'Sam Supervisor',
      ]);
      await hub.untilOutput('the removal logged', (l) =>
        l.includes('observer removed: no connection'),
      );

      // The bookmarked page opens again: it joins, and from then on the notes come.
      back = await InboxClient.open(hub.url, 'lead', seen);
      await join(back, agentId);
      const after = await write(supervisor.socket, agentId, 'after the return');
      await arrives(back, after);
      expect(back.of('observation').some((m) => m.observation.id === missed.id)).toBe(false);
    } finally {
      back?.close();
      tablet.close();
      supervisor.close();
    }
  });

  it('keeps an observer who still has another sidebar connected', async () => {
    const desk = await InboxClient.open(hub.url, 'lead');
    const tablet = await InboxClient.open(hub.url, 'lead');
    const crashing = await InboxClient.open(hub.url, 'quality');
    const supervisor = await InboxClient.open(hub.url, 'supervisor');
    try {
      await join(tablet, agentId);
      await join(crashing, agentId);
      tablet.close();
      crashing.close();
      // The quality manager, whose only sidebar dropped at the same moment, is taken off:
      // the sweeps have looked at both since the grace.
      await firstNoteNotReaching(hub, supervisor.socket, agentId, crashing.userId);
      await arrives(desk, await write(supervisor.socket, agentId, 'to the lead at the desk'));
    } finally {
      desk.close();
      supervisor.close();
    }
  });
});

describe('sessions that end while their sockets are open', () => {
  let hub: RunningHub;

  beforeAll(async () => {
    hub = await startHub({ demo: true });
  });
  afterAll(async () => {
    await hub?.dispose();
  });

  it('closes a socket whose session was revoked in the database, without any event from it', async () => {
    const session = await signIn(hub.url, 'agent2');
    const socket = await connect(hub.url, session.token);
    const closed = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    // Revoked behind the socket's back (as when the adapter's relay of a sign-out was lost).
    await withHubDatabase(hub.dataDir, (db) =>
      db
        .updateTable('sessions')
        .set({ revoked_at: new Date().toISOString() })
        .where('token_hash', '=', tokenHash(session.token))
        .execute(),
    );
    expect(await closed).toBe('io server disconnect');
    await expect(connect(hub.url, session.token)).rejects.toThrow('unauthorized');
  });

  it('closes a socket at the moment its session expires', async () => {
    // 0.003 hours: 10.8 s.
    const short = await startHub({ demo: true, extraArgs: ['--session-hours', '0.003'] });
    try {
      const session = await signIn(short.url, 'agent3');
      const socket = await connect(short.url, session.token);
      const reason = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('still connected after 30 s')), 30_000);
        socket.once('disconnect', (r) => {
          clearTimeout(timer);
          resolve(r);
        });
      });
      expect(reason).toBe('io server disconnect');
      expect(Date.now()).toBeGreaterThanOrEqual(Date.parse(session.expiresAt));
      await expect(connect(short.url, session.token)).rejects.toThrow('unauthorized');
    } finally {
      await short.dispose();
    }
  });
});

// ---- budgets for expensive socket events ----

type Ask = (socket: HubSocket) => Promise<AckResponse<unknown>>;
const prepare =
  (agentId: string, days = 28): Ask =>
  (socket) =>
    socket.emitWithAck('reflection:prepare', { agentId, days });
const report: Ask = (socket) => socket.emitWithAck('survey:report', { days: 30 });

/** Sends `n` requests one after another; answers each one's error code, or 'ok'. */
async function hammer(socket: HubSocket, ask: Ask, n: number): Promise<string[]> {
  const codes: string[] = [];
  for (let i = 0; i < n; i++) {
    const res = await ask(socket);
    codes.push(res.ok ? 'ok' : res.error.code);
  }
  return codes;
}

function expectRateLimited(res: AckResponse<unknown>) {
  expect(res.ok).toBe(false);
  if (res.ok) return;
  expect(res.error.code).toBe('rate_limited');
  expect(res.error.retryAfter).toBeGreaterThan(0);
  expect(res.error.retryAfter).toBeLessThanOrEqual(600);
}

describe('a user hammering expensive socket events', () => {
  let hub: RunningHub;
  let ava: string;

  beforeAll(async () => {
    hub = await startHub({ demo: true });
    ava = await userIdOf(hub.dataDir, 'agent1');
  });
  afterAll(async () => {
    await hub?.dispose();
  });

  it('answers the 61st reflection:prepare in ten minutes rate_limited; other users are not affected', async () => {
    const agent = await connect(hub.url, (await signIn(hub.url, 'agent1')).token);
    const lead = await connect(hub.url, (await signIn(hub.url, 'lead')).token);
    try {
      // Refused anyway (an agent prepares no session), but each one is counted.
      expect(await hammer(agent, prepare(ava), 60)).toEqual(Array(60).fill('forbidden'));
      expectRateLimited(await prepare(ava)(agent));
      // The lead prepares Ava's session as before; Ava's cheap requests go on.
      expect((await prepare(ava)(lead)).ok).toBe(true);
      expect((await agent.emitWithAck('call:list', { limit: 5 })).ok).toBe(true);
    } finally {
      agent.close();
      lead.close();
    }
  });

  it('lets a lead prepare sessions for a whole team in a sitting, several periods each', async () => {
    const lead = await connect(hub.url, (await signIn(hub.url, 'supervisor')).token);
    try {
      const agents = await Promise.all(
        ['agent1', 'agent2', 'agent3'].map((u) => userIdOf(hub.dataDir, u)),
      );
      // 15 agents × 4 periods = 60; the demo team has three agents, so twenty periods each.
      const codes: string[] = [];
      for (let i = 0; i < 60; i++) {
        const res = await prepare(agents[i % 3]!, 7 + (i % 20) * 4)(lead);
        codes.push(res.ok ? 'ok' : res.error.code);
      }
      expect(codes).toEqual(Array(60).fill('ok'));
    } finally {
      lead.close();
    }
  });

  it('answers the 61st survey:report rate_limited, shown as such to the sidebar', async () => {
    const agent = await connect(hub.url, (await signIn(hub.url, 'agent2')).token);
    const lead = await connect(hub.url, (await signIn(hub.url, 'lead')).token);
    try {
      expect(await hammer(agent, report, 60)).toEqual(Array(60).fill('forbidden'));
      expectRateLimited(await report(agent));
      expect((await report(lead)).ok).toBe(true);
    } finally {
      agent.close();
      lead.close();
    }
  });

  it('refuses the audit log export over HTTP after its budget with 429 and Retry-After', async () => {
    const { token } = await signIn(hub.url, 'quality');
    const exportCsv = () =>
      fetch(`${hub.url}/api/admin/audit.csv`, { headers: { authorization: `Bearer ${token}` } });
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) statuses.push((await exportCsv()).status);
    expect(statuses).toEqual(Array(20).fill(200));
    const refused = await exportCsv();
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await refused.json()).toMatchObject({ error: { code: 'rate_limited' } });
  });
});

// ---- the same on two hub nodes sharing one PostgreSQL database ----

describe.skipIf(testDialect() !== 'postgres')('the same holes on two hub nodes', () => {
  let a: RunningHub;
  let b: RunningHub;
  let database: string;
  let agentId: string;
  const grace = ['--observer-grace-seconds', '1'];

  beforeAll(async () => {
    a = await startHub({ demo: true, extraArgs: grace });
    database = (await databaseFor(a.dataDir))!;
    b = await startHub({ database, extraArgs: grace });
    agentId = await userIdOf(a.dataDir, 'agent1');
  });
  afterAll(async () => {
    await b?.dispose();
    await a?.dispose();
  });

  it('ends an observation on the other node’s notes once the observer’s tablet on this one is gone', async () => {
    const tablet = await InboxClient.open(a.url, 'lead');
    const supervisor = await InboxClient.open(b.url, 'supervisor');
    let back: InboxClient | undefined;
    try {
      await join(tablet, agentId);
      await arrives(tablet, await write(supervisor.socket, agentId, 'across nodes'));
      const seen = tablet.lastSeq;
      tablet.close();
      const missed = await firstNoteNotReaching(a, supervisor.socket, agentId, tablet.userId);
      // Back through the other node: it joins there, and the notes come again.
      back = await InboxClient.open(b.url, 'lead', seen);
      await join(back, agentId);
      await arrives(back, await write(supervisor.socket, agentId, 'back on the other node'));
      expect(back.of('observation').some((m) => m.observation.id === missed.id)).toBe(false);
    } finally {
      back?.close();
      tablet.close();
      supervisor.close();
    }
  });

  it('keeps an observer whose tablet dropped on one node while their desk is on the other', async () => {
    const desk = await InboxClient.open(b.url, 'lead');
    const tablet = await InboxClient.open(a.url, 'lead');
    const crashing = await InboxClient.open(a.url, 'quality');
    const supervisor = await InboxClient.open(b.url, 'supervisor');
    try {
      await join(tablet, agentId);
      await join(crashing, agentId);
      tablet.close();
      crashing.close();
      await firstNoteNotReaching(a, supervisor.socket, agentId, crashing.userId);
      await arrives(desk, await write(supervisor.socket, agentId, 'to the desk on node B'));
    } finally {
      desk.close();
      supervisor.close();
    }
  });

  it('ends the observations of observers on a node that died', async () => {
    const c = await startHub({ database, extraArgs: grace });
    const supervisor = await InboxClient.open(a.url, 'supervisor');
    let observer: InboxClient | undefined;
    try {
      observer = await InboxClient.open(c.url, 'quality');
      await join(observer, agentId);
      await arrives(observer, await write(supervisor.socket, agentId, 'before the node dies'));
      const observerId = observer.userId;
      observer.close();
      // Killed with its socket still open: no disconnect is ever recorded for it. Its
      // heartbeat stops; the others take it (and its users) as gone after 10 s.
      await c.kill('SIGKILL');
      await firstNoteNotReaching(a, supervisor.socket, agentId, observerId, 45_000);
    } finally {
      observer?.close();
      supervisor.close();
      await c.dispose();
    }
  });

  it('closes a revoked session’s sockets on both nodes, though no node was told', async () => {
    const session = await signIn(a.url, 'agent2');
    const sockets = [await connect(a.url, session.token), await connect(b.url, session.token)];
    const closed = sockets.map((s) => new Promise<string>((r) => s.once('disconnect', r)));
    await withHubDatabase(a.dataDir, (db) =>
      db
        .updateTable('sessions')
        .set({ revoked_at: new Date().toISOString() })
        .where('token_hash', '=', tokenHash(session.token))
        .execute(),
    );
    expect(await Promise.all(closed)).toEqual(['io server disconnect', 'io server disconnect']);
  });

  it('counts one budget across both nodes: the 61st reflection:prepare is refused on either', async () => {
    const onA = await connect(a.url, (await signIn(a.url, 'agent3')).token);
    const onB = await connect(b.url, (await signIn(b.url, 'agent3')).token);
    const lead = await connect(b.url, (await signIn(b.url, 'lead')).token);
    try {
      expect(await hammer(onA, prepare(agentId), 30)).toEqual(Array(30).fill('forbidden'));
      expect(await hammer(onB, prepare(agentId), 30)).toEqual(Array(30).fill('forbidden'));
      // Alone, each node has counted thirty.
      expectRateLimited(await prepare(agentId)(onB));
      expectRateLimited(await prepare(agentId)(onA));
      expect((await prepare(agentId)(lead)).ok).toBe(true);
      expect(await hammer(onA, report, 30)).toEqual(Array(30).fill('forbidden'));
      expect(await hammer(onB, report, 30)).toEqual(Array(30).fill('forbidden'));
      expectRateLimited(await report(onA));
      expect((await report(lead)).ok).toBe(true);
    } finally {
      onA.close();
      onB.close();
      lead.close();
    }
  });
});
