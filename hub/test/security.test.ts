// What an attacker on the floor's network tries against a real hub, and that each hole is closed (issue 17).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AckResponse } from '@sidecoach/shared';
import { tokenHash } from '../src/lib/tokens.js';
import { userIdOf, withHubDatabase } from './support/database.js';
import {
  connect,
  signIn,
  startHub,
  type HubSocket,
  type RunningHub,
} from './support/hub-process.js';

// ---- sessions that outlive their rights ----

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
