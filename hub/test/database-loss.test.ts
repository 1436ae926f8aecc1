// A PostgreSQL hub whose database goes away: it says so (a clear code, a 503 health check),
// keeps every socket, loses nothing stored, and serves again by itself once the database is back.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { data, iso } from './support/calls.js';
import { testDialect } from './support/database.js';
import {
  connect,
  signIn,
  startHub,
  type HubSocket,
  type RunningHub,
} from './support/hub-process.js';
import { ensureDatabase, startPostgresServer, type PostgresServer } from './support/postgres.js';

const health = async (hub: RunningHub) => {
  const res = await fetch(`${hub.url}/healthz`);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

describe.skipIf(testDialect() !== 'postgres')('a hub that loses its PostgreSQL database', () => {
  let server: PostgresServer;
  let hub: RunningHub;
  let agent: HubSocket;

  beforeAll(async () => {
    // A server of its own: this test stops it, which the other files' hubs must not see.
    server = await startPostgresServer();
    const database = await ensureDatabase(server.url, 'sidecoach_outage');
    hub = await startHub({ demo: true, database });
    agent = await connect(hub.url, (await signIn(hub.url, 'agent1')).token);
  });
  afterAll(async () => {
    agent?.close();
    await hub?.dispose();
    server?.stop();
  });

  it('answers "unavailable" while the database is away, and serves again once it is back', async () => {
    const before = data(await agent.emitWithAck('call:list', {})).calls;
    expect((await health(hub)).status).toBe(200);

    server.pause();
    const down = await health(hub);
    expect(down).toMatchObject({ status: 503, body: { ok: false, database: 'down' } });
    const start = { id: randomUUID(), callType: 'booking', startedAt: iso() };
    const refused = await agent.emitWithAck('call:start', start);
    expect(refused).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(agent.connected).toBe(true);
    expect(hub.process.exitCode).toBeNull();

    server.resume();
    await expect.poll(async () => (await health(hub)).status, { timeout: 30_000 }).toBe(200);
    // The sidebar's outbox sends the same write again: stored once, nothing lost.
    await expect
      .poll(async () => (await agent.emitWithAck('call:start', start)).ok, { timeout: 30_000 })
      .toBe(true);
    const after = data(await agent.emitWithAck('call:list', {})).calls;
    expect(after.map((c) => c.id)).toEqual([start.id, ...before.map((c) => c.id)]);
    data(await agent.emitWithAck('call:end', { callId: start.id, endedAt: iso() }));
  });
});
