// Two hub processes on one PostgreSQL database: any user on any node, the same delivery promise.
import { randomUUID } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import type { FloorAgent, ObservationNote, ObservationRecord } from '@sidecoach/shared';
import { data, iso } from './support/calls.js';
import { databaseFor, testDialect } from './support/database.js';
import {
  connect,
  connectedWithin,
  signIn,
  startHub,
  type HubSocket,
  type RunningHub,
} from './support/hub-process.js';
import { InboxClient, nextEvent } from './support/inbox-client.js';
import {
  afterEmailSentinels,
  ctiCall,
  postCti,
  startMailbox,
  surveyHubArgs,
} from './support/surveys.js';
import { withHubDatabase } from './support/database.js';

const note = (agentId: string, text: string, id = randomUUID()): ObservationNote => ({
  id,
  agentId,
  callId: null,
  offsetMs: null,
  tags: [],
  text,
  visibility: 'shared',
  delivery: 'now',
  at: iso(),
});

async function send(socket: HubSocket, n: ObservationNote): Promise<ObservationRecord> {
  return data(await socket.emitWithAck('observation:note', n));
}

/** Every note reached the client once, in the order they were stored, with gapless numbers. */
function expectOnceInOrder(client: InboxClient, ids: string[]) {
  const observed = client.of('observation').map((m) => m.observation.id);
  expect(observed.filter((id) => ids.includes(id))).toEqual(ids);
  expect(new Set(observed).size).toBe(observed.length);
  const seqs = client.received.map((m) => m.seq);
  expect(seqs).toEqual(seqs.map((_, i) => (seqs[0] ?? 0) + i));
}

describe.skipIf(testDialect() !== 'postgres')('two hub nodes on one PostgreSQL database', () => {
  let a: RunningHub;
  let b: RunningHub;
  let database: string;

  beforeAll(async () => {
    a = await startHub({ demo: true });
    database = (await databaseFor(a.dataDir))!;
    b = await startHub({ database });
  });
  afterAll(async () => {
    await b?.dispose();
    await a?.dispose();
  });

  it('lets a supervisor on one node observe an agent on the other, notes in order', async () => {
    const agent = await InboxClient.open(b.url, 'agent1');
    const supervisor = await InboxClient.open(a.url, 'supervisor');
    try {
      const joined = data(
        await supervisor.socket.emitWithAck('observation:join', { agentId: agent.userId }),
      );
      expect(joined.agent.username).toBe('agent1');
      const ids: string[] = [];
      for (let i = 0; i < 10; i++)
        ids.push((await send(supervisor.socket, note(agent.userId, `cross ${i}`))).id);
      await agent.until('the ten notes', () => agent.of('observation').length >= 10);
      expectOnceInOrder(agent, ids);
      await supervisor.socket.emitWithAck('observation:leave', { agentId: agent.userId });
    } finally {
      agent.close();
      supervisor.close();
    }
  });

  it('numbers one agent’s notes 1..N with no gap or repeat while two nodes write at once', async () => {
    const agent = await InboxClient.open(a.url, 'agent2');
    const supervisor = await InboxClient.open(a.url, 'supervisor');
    const lead = await InboxClient.open(b.url, 'lead');
    try {
      const writes = [supervisor, lead].flatMap((coach, c) =>
        Array.from({ length: 25 }, (_, i) => send(coach.socket, note(agent.userId, `${c}-${i}`))),
      );
      const stored = await Promise.all(writes);
      await agent.until('all fifty notes', () => agent.of('observation').length >= 50, 30_000);
      const received = agent.of('observation');
      expect(new Set(received.map((m) => m.observation.id))).toEqual(
        new Set(stored.map((s) => s.id)),
      );
      expect(received).toHaveLength(50);
      const seqs = agent.received.map((m) => m.seq);
      expect(seqs).toEqual(seqs.map((_, i) => (seqs[0] ?? 0) + i));
    } finally {
      agent.close();
      supervisor.close();
      lead.close();
    }
  });

  it('stores a note re-sent through the other node once', async () => {
    const agent = await InboxClient.open(b.url, 'agent3');
    const onA = await InboxClient.open(a.url, 'supervisor');
    const onB = await InboxClient.open(b.url, 'supervisor');
    try {
      const n = note(agent.userId, 'sent twice');
      const first = await send(onA.socket, n);
      const again = await send(onB.socket, n);
      expect(again).toEqual(first);
      // A later note as the sentinel: once it is here, a duplicate would be too.
      await agent.afterSentinel(() => send(onA.socket, note(agent.userId, 'sentinel')));
      expect(agent.of('observation').filter((m) => m.observation.id === n.id)).toHaveLength(1);
      const listed = data(
        await onB.socket.emitWithAck('observation:list', { agentId: agent.userId, limit: 200 }),
      ).observations;
      expect(listed.filter((o) => o.id === n.id)).toHaveLength(1);
    } finally {
      agent.close();
      onA.close();
      onB.close();
    }
  });

  it('brings a PBX event posted to one node to the agent’s sidebar on the other', async () => {
    const session = await signIn(b.url, 'agent1');
    const sidebar = await connect(b.url, session.token);
    try {
      const event = new Promise<unknown>((resolve) => sidebar.once('softphone:event', resolve));
      const delivered = await postCti(a, '1001', {
        kind: 'ringing',
        callId: `pbx-${randomUUID()}`,
        remoteParty: '+37120000000',
      });
      expect(delivered).toMatchObject({ delivered: 1 });
      expect(await event).toMatchObject({ kind: 'ringing' });
    } finally {
      sidebar.close();
    }
  });

  it('closes a session’s sockets on the other node when it signs out', async () => {
    const session = await signIn(a.url, 'agent2');
    const onB = await connect(b.url, session.token);
    const closed = new Promise<string>((resolve) => onB.once('disconnect', resolve));
    const out = await fetch(`${a.url}/api/auth/sign-out`, {
      method: 'POST',
      headers: { authorization: `Bearer ${session.token}` },
    });
    expect(out.ok).toBe(true);
    expect(await closed).toBe('io server disconnect');
    onB.close();
  });

  it('delivers again after the adapter’s LISTEN connection is killed', async () => {
    const agent = await InboxClient.open(b.url, 'agent3');
    const supervisor = await InboxClient.open(a.url, 'supervisor');
    const admin = new pg.Client({ connectionString: database });
    await admin.connect();
    try {
      const killed = await admin.query<{ pid: number }>(
        `select pg_terminate_backend(pid) as pid from pg_stat_activity
         where datname = current_database() and query ilike 'listen %'`,
      );
      expect(killed.rowCount).toBeGreaterThanOrEqual(1);
      const ids: string[] = [];
      for (let i = 0; i < 5; i++)
        ids.push((await send(supervisor.socket, note(agent.userId, `after kill ${i}`))).id);
      await agent.until('the five notes', () => agent.of('observation').length >= 5, 20_000);
      expectOnceInOrder(agent, ids);
    } finally {
      await admin.end();
      agent.close();
      supervisor.close();
    }
  });

  it('loses nothing when the agent’s node is SIGKILLed mid-stream and it reconnects to the other', async () => {
    const c = await startHub({ database });
    const agent = await InboxClient.open(c.url, 'agent1');
    const supervisor = await InboxClient.open(a.url, 'supervisor');
    const ids: string[] = [];
    let moved: InboxClient | undefined;
    try {
      for (let i = 0; i < 30; i++) {
        ids.push((await send(supervisor.socket, note(agent.userId, `stream ${i}`))).id);
        if (i === 10) await c.kill('SIGKILL');
      }
      // The sidebar comes back through the other node with the last number it saw.
      agent.close();
      moved = await InboxClient.open(b.url, 'agent1', agent.lastSeq);
      moved.received.unshift(...agent.received);
      await moved.until(
        'every note',
        () => ids.every((id) => moved!.of('observation').some((m) => m.observation.id === id)),
        20_000,
      );
      expectOnceInOrder(moved, ids);
    } finally {
      moved?.close();
      supervisor.close();
      await c.dispose();
    }
  });

  it('shows nobody online on the other node’s floor once a node with users on it is gone', async () => {
    const c = await startHub({ database });
    const supervisor = await connect(a.url, (await signIn(a.url, 'supervisor')).token);
    const agentSocket = await connect(c.url, (await signIn(c.url, 'agent2')).token);
    try {
      const statusOf = async (name: string) =>
        data(await supervisor.emitWithAck('floor:list', {})).agents.find(
          (x) => x.displayName === name,
        )!;
      // Online on this node's floor, though connected to the other node.
      await expect.poll(async () => (await statusOf('Ben Agent')).status).toBe('available');
      const { agentId } = await statusOf('Ben Agent');
      const offline = nextEvent<FloorAgent>(
        supervisor,
        'floor:agent',
        (e) => e.agentId === agentId && e.status === 'offline',
        30_000,
      );
      await c.kill('SIGKILL');
      await offline;
      const after = data(await supervisor.emitWithAck('floor:list', {}));
      expect(after.agents.find((x) => x.agentId === agentId)?.status).toBe('offline');
    } finally {
      agentSocket.close();
      supervisor.close();
      await c.dispose();
    }
  });

  it('migrates once when two nodes start on a new database at the same moment', async () => {
    // A new, empty database, and two nodes starting on it together.
    const fresh = (await databaseFor(await mkdtemp(join(tmpdir(), 'sidecoach-fresh-'))))!;
    const started = await Promise.allSettled([
      startHub({ database: fresh }),
      startHub({ database: fresh }),
    ]);
    const nodes = started.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    const failed = started.find((r) => r.status === 'rejected');
    if (failed) {
      // One node did not start: stop the other before failing, so no process outlives the test.
      await Promise.all(nodes.map((n) => n.dispose()));
      throw failed.reason;
    }
    try {
      const check = new pg.Client({ connectionString: fresh });
      await check.connect();
      try {
        const { rows } = await check.query<{ name: string; n: number }>(
          'select name, count(*)::int as n from kysely_migration group by name',
        );
        expect(rows.length).toBeGreaterThan(0);
        expect(rows.every((r) => r.n === 1)).toBe(true);
      } finally {
        await check.end();
      }
      for (const node of nodes) expect((await fetch(`${node.url}/healthz`)).status).toBe(200);
    } finally {
      await Promise.all(nodes.map((n) => n.dispose()));
    }
  });

  it('sends each customer survey exactly once while both nodes send', async () => {
    const mailbox = await startMailbox();
    const dir = await mkdtemp(join(tmpdir(), 'sidecoach-cluster-surveys-'));
    const shared = (await databaseFor(dir))!;
    const args = surveyHubArgs(dir, { smtpUrl: mailbox.url });
    const one = await startHub({ demo: true, database: shared, extraArgs: args, dataDir: dir });
    const two = await startHub({ database: shared, extraArgs: args });
    const ava = await connect(one.url, (await signIn(one.url, 'agent1')).token);
    const ben = await connect(two.url, (await signIn(two.url, 'agent2')).token);
    try {
      const emails: string[] = [];
      for (let i = 0; i < 3; i++)
        for (const [hub, agent, extension] of [
          [one, ava, '1001'],
          [two, ben, '1002'],
        ] as const) {
          const email = `cluster-${i}-${extension}-${randomUUID()}@example.test`;
          emails.push(email);
          await ctiCall(hub, agent, { extension, callType: 'booking', customer: { email } });
        }
      for (const email of emails) await mailbox.waitFor(email, 30_000);
      // Every send is marked sent: no node can take one again (a send is claimed while pending).
      await expect
        .poll(() =>
          withHubDatabase(dir, (db) =>
            db.selectFrom('survey_sends').select('state').where('state', '!=', 'sent').execute(),
          ),
        )
        .toEqual([]);
      // A later round on one node: what was in flight anywhere before it has landed by then.
      await afterEmailSentinels(one, ava, mailbox);
      for (const email of emails) expect(mailbox.to(email), email).toHaveLength(1);
    } finally {
      ava.close();
      ben.close();
      await two.dispose();
      await one.stop();
      await mailbox.close();
    }
  });

  it('reports the database and the adapter in /healthz', async () => {
    const health = (await (await fetch(`${a.url}/healthz`)).json()) as Record<string, unknown>;
    expect(health).toMatchObject({ ok: true, database: 'up', adapter: 'listening' });
    const socket = await connect(b.url, (await signIn(b.url, 'agent3')).token);
    await connectedWithin(socket, 5_000);
    socket.close();
  });
});
