// Passwords, one-time codes and signed-in devices on a real hub (SQLite, or PostgreSQL with
// `--project postgres`): what an admin issues, what a code-holder must do before any socket
// works, and that every revoked session's sockets close.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OneTimeCheckResponse, SignInResponse } from '@sidecoach/shared';
import { userIdOf, withHubDatabase } from './support/database.js';
import {
  connect,
  DEMO_PASSWORD,
  DEMO_USERS,
  signIn,
  startHub,
  type HubSocket,
  type RunningHub,
} from './support/hub-process.js';

const post = (hub: RunningHub, path: string, body: unknown) =>
  fetch(`${hub.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'user-agent': 'account-test/1.0' },
    body: JSON.stringify(body),
  });

/** Resolves when the hub closes the socket (not when the client does). */
const closedByHub = (socket: HubSocket) =>
  new Promise<string>((resolve) => socket.once('disconnect', (reason) => resolve(reason)));

async function asAdmin(hub: RunningHub) {
  return connect(hub.url, (await signIn(hub.url, DEMO_USERS.admin)).token);
}

const userId = (hub: RunningHub, username: string) => userIdOf(hub.dataDir, username);

async function issue(admin: HubSocket, id: string) {
  const res = await admin.emitWithAck('account:issue-code', { userId: id });
  if (!res.ok) throw new Error(`issue-code refused: ${res.error.message}`);
  return res.data;
}

const auditOf = (hub: RunningHub, targetId: string) =>
  withHubDatabase(hub.dataDir, (db) =>
    db
      .selectFrom('audit_log')
      .selectAll()
      .where('target_id', '=', targetId)
      .orderBy('at')
      .orderBy('id')
      .execute(),
  );

describe('passwords, one-time codes and devices', () => {
  let hub: RunningHub;
  let admin: HubSocket;

  beforeAll(async () => {
    hub = await startHub({ demo: true });
    admin = await asAdmin(hub);
  });
  afterAll(async () => {
    admin?.close();
    await hub?.dispose();
  });

  it('signs in with a one-time code only after a password that meets the rules is chosen', async () => {
    const id = await userId(hub, 'agent2');
    const before = await signIn(hub.url, 'agent2');
    const old = await connect(hub.url, before.token);
    const oldClosed = closedByHub(old);

    const issued = await issue(admin, id);
    expect(issued.code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(issued.link).toMatch(new RegExp(`^${hub.url}/#reset=[A-Za-z0-9_-]{43}$`));
    const hours = (Date.parse(issued.expiresAt) - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(23.9);
    expect(hours).toBeLessThanOrEqual(24);

    // The code is no password, and checking it gives no session: only whose it is.
    expect(
      (await post(hub, '/api/auth/sign-in', { username: 'agent2', password: issued.code })).status,
    ).toBe(401);
    const typed = issued.code.toLowerCase().replaceAll('-', ' ');
    const check = await post(hub, '/api/auth/one-time', { username: 'agent2', code: typed });
    expect(check.status).toBe(200);
    const checked = (await check.json()) as OneTimeCheckResponse & { token?: unknown };
    expect(checked).toEqual({
      username: 'agent2',
      displayName: expect.any(String),
      expiresAt: issued.expiresAt,
    });

    // Refused passwords say why, and leave the code as it was.
    const choose = (password: string) =>
      post(hub, '/api/auth/first-password', {
        username: 'agent2',
        code: issued.code,
        password,
        device: 'Test browser',
      });
    for (const [password, problems] of [
      ['Password2024!', ['common']],
      ['short one', ['too_short']],
      ['i am agent2 on the floor', ['contains_username', 'contains_name']],
    ] as const) {
      const refused = await choose(password);
      expect(refused.status, password).toBe(400);
      expect(await refused.json()).toEqual({
        error: {
          code: 'bad_request',
          message: expect.stringMatching(/^password refused: /),
          problems,
        },
      });
    }
    const done = await choose('copper kettle on the hill');
    expect(done.status).toBe(200);
    const session = (await done.json()) as SignInResponse;
    expect(session.user.username).toBe('agent2');
    (await connect(hub.url, session.token)).close();

    // Single use; the sessions from before are signed out, their sockets closed.
    expect((await choose('another good passphrase')).status).toBe(401);
    expect(await oldClosed).toBe('io server disconnect');
    await expect(connect(hub.url, before.token)).rejects.toThrow('unauthorized');
    await expect(signIn(hub.url, 'agent2')).rejects.toThrow(/401/);
    expect((await signIn(hub.url, 'agent2', 'copper kettle on the hill')).user.id).toBe(id);

    const audit = await auditOf(hub, id);
    expect(audit.map((a) => [a.action, a.actor_id])).toEqual([
      ['password.reset-issued', await userId(hub, DEMO_USERS.admin)],
      ['password.set-with-code', id],
    ]);
    const written = JSON.stringify(audit);
    const stored = await withHubDatabase(hub.dataDir, (db) =>
      db.selectFrom('users').select('password_hash').where('id', '=', id).executeTakeFirstOrThrow(),
    );
    for (const secret of [
      issued.code,
      issued.link.split('=')[1]!,
      'copper kettle',
      stored.password_hash,
    ])
      expect(written).not.toContain(secret);
  });

  it('opens on a reset link without a username; a new code ends the one before', async () => {
    const id = await userId(hub, 'agent3');
    const first = await issue(admin, id);
    const second = await issue(admin, id);
    expect(
      (await post(hub, '/api/auth/one-time', { username: 'agent3', code: first.code })).status,
    ).toBe(401);
    const token = (link: string) => link.slice(link.indexOf('#reset=') + 7);
    expect((await post(hub, '/api/auth/one-time', { token: token(first.link) })).status).toBe(401);
    const check = await post(hub, '/api/auth/one-time', { token: token(second.link) });
    expect(((await check.json()) as OneTimeCheckResponse).username).toBe('agent3');
    const done = await post(hub, '/api/auth/first-password', {
      token: token(second.link),
      password: 'seven silver spoons',
    });
    expect(done.status).toBe(200);
    expect(
      (await post(hub, '/api/auth/one-time', { username: 'agent3', code: second.code })).status,
    ).toBe(401);
  });

  it('refuses an expired code', async () => {
    const id = await userId(hub, 'night-lead');
    const issued = await issue(admin, id);
    await withHubDatabase(hub.dataDir, (db) =>
      db
        .updateTable('one_time_codes')
        .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
        .where('user_id', '=', id)
        .execute(),
    );
    const res = await post(hub, '/api/auth/one-time', {
      username: 'night-lead',
      code: issued.code,
    });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({
      error: { code: 'unauthorized', message: expect.stringMatching(/expired/) },
    });
  });

  it('ends a code after five wrong ones, whatever address they come from', async () => {
    const id = await userId(hub, 'night-supervisor');
    const issued = await issue(admin, id);
    for (let i = 0; i < 5; i++) {
      const res = await fetch(`${hub.url}/api/auth/one-time`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'night-supervisor', code: `WRNG-CODE-000${i}` }),
      });
      expect(res.status).toBe(401);
    }
    expect(
      (await post(hub, '/api/auth/one-time', { username: 'night-supervisor', code: issued.code }))
        .status,
    ).toBe(401);
    const ended = await withHubDatabase(hub.dataDir, (db) =>
      db
        .selectFrom('one_time_codes')
        .select(['attempts', 'end_reason'])
        .where('user_id', '=', id)
        .executeTakeFirstOrThrow(),
    );
    expect(ended).toEqual({ attempts: 5, end_reason: 'attempts' });
    expect((await auditOf(hub, id)).map((a) => a.action)).toEqual([
      'password.reset-issued',
      'password.code-locked',
    ]);
    // A new code works again.
    const again = await issue(admin, id);
    expect(
      (await post(hub, '/api/auth/one-time', { username: 'night-supervisor', code: again.code }))
        .status,
    ).toBe(200);
  });

  it('limits code tries per address and username (429), not the next username', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++)
      statuses.push(
        (await post(hub, '/api/auth/one-time', { username: 'nobody-here', code: 'AAAA-BBBB-CCCC' }))
          .status,
      );
    expect(statuses).toEqual([...Array(10).fill(401), 429]);
    // Case does not make another username.
    const limited = await post(hub, '/api/auth/one-time', {
      username: 'NOBODY-HERE',
      code: 'AAAA-BBBB-CCCC',
    });
    expect(limited.status).toBe(429);
    expect(await limited.json()).toMatchObject({ error: { code: 'rate_limited' } });
    expect(
      (await post(hub, '/api/auth/one-time', { username: 'nobody-else', code: 'AAAA-BBBB-CCCC' }))
        .status,
    ).toBe(401);
    // Bad input is a 400 with a message, not a crash.
    const bad = await post(hub, '/api/auth/one-time', { username: 'x', code: 'y', token: 'z' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: 'bad_request' } });
  });

  it('changes the own password: checks the current one and the rules, signs out the other sessions', async () => {
    const here = await signIn(hub.url, 'agent1');
    const there = await signIn(hub.url, 'agent1');
    const a = await connect(hub.url, here.token);
    const b = await connect(hub.url, there.token);
    const bClosed = closedByHub(b);
    try {
      const wrong = await a.emitWithAck('account:change-password', {
        current: 'not it',
        next: 'copper kettle on the hill',
      });
      expect(wrong).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
      const common = await a.emitWithAck('account:change-password', {
        current: DEMO_PASSWORD,
        next: 'iloveyou1234',
      });
      expect(common).toEqual({
        ok: false,
        error: {
          code: 'bad_request',
          message: expect.stringMatching(/common/),
          problems: ['common'],
        },
      });
      const changed = await a.emitWithAck('account:change-password', {
        current: DEMO_PASSWORD,
        next: 'a tidy desk at dawn',
      });
      expect(changed).toEqual({ ok: true, data: {} });
      expect(await bClosed).toBe('io server disconnect');
      await expect(connect(hub.url, there.token)).rejects.toThrow('unauthorized');
      expect(a.connected).toBe(true);
      expect((await a.emitWithAck('account:sessions', {})).ok).toBe(true);
      await expect(signIn(hub.url, 'agent1')).rejects.toThrow(/401/);
      await signIn(hub.url, 'agent1', 'a tidy desk at dawn');
      const audit = await auditOf(hub, here.user.id);
      expect(audit.map((e) => [e.action, e.after])).toEqual([
        ['password.change', JSON.stringify({ signedOutSessions: 1 })],
      ]);
      expect(JSON.stringify(audit)).not.toMatch(/tidy desk|sidecoach-demo|scrypt/);
    } finally {
      a.close();
      b.close();
    }
  });

  it('lists the own devices, marks this one, and signs another out', async () => {
    const deviceSignIn = async (device: string) => {
      const res = await post(hub, '/api/auth/sign-in', {
        username: 'agent4',
        password: DEMO_PASSWORD,
        device,
      });
      return (await res.json()) as SignInResponse;
    };
    const desk = await deviceSignIn('Sidecoach desktop');
    const web = await deviceSignIn('Firefox on Linux');
    const a = await connect(hub.url, desk.token);
    const b = await connect(hub.url, web.token);
    const bClosed = closedByHub(b);
    try {
      const listed = await a.emitWithAck('account:sessions', {});
      if (!listed.ok) throw new Error(listed.error.message);
      expect(
        listed.data.sessions.map((s) => [s.device, s.current, s.userAgent, s.address]),
      ).toEqual(
        expect.arrayContaining([
          ['Sidecoach desktop', true, 'account-test/1.0', '127.0.0.1'],
          ['Firefox on Linux', false, 'account-test/1.0', '127.0.0.1'],
        ]),
      );
      expect(listed.data.sessions).toHaveLength(2);
      const other = listed.data.sessions.find((s) => !s.current)!;
      expect(
        await a.emitWithAck('account:revoke-session', {
          sessionId: listed.data.sessions.find((s) => s.current)!.id,
        }),
      ).toMatchObject({
        ok: false,
        error: { code: 'bad_request' },
      });
      // Someone else's session is not found, as an unknown one.
      const someone = await signIn(hub.url, 'lead');
      const theirs = await withHubDatabase(hub.dataDir, (db) =>
        db
          .selectFrom('sessions')
          .select('id')
          .where('user_id', '=', someone.user.id)
          .executeTakeFirstOrThrow(),
      );
      expect(await a.emitWithAck('account:revoke-session', { sessionId: theirs.id })).toMatchObject(
        {
          ok: false,
          error: { code: 'not_found' },
        },
      );
      const revoked = await a.emitWithAck('account:revoke-session', { sessionId: other.id });
      expect(revoked.ok && revoked.data.sessions.map((s) => s.device)).toEqual([
        'Sidecoach desktop',
      ]);
      expect(await bClosed).toBe('io server disconnect');
      await expect(connect(hub.url, web.token)).rejects.toThrow('unauthorized');
    } finally {
      a.close();
      b.close();
    }
  });

  it('lets only admins issue codes and sign a user out everywhere, which closes their sockets', async () => {
    const lead = await signIn(hub.url, DEMO_USERS.lead);
    const supervisor = await signIn(hub.url, DEMO_USERS.supervisor);
    const leadSocket = await connect(hub.url, lead.token);
    const supervisorSocket = await connect(hub.url, supervisor.token);
    const closed = closedByHub(supervisorSocket);
    try {
      for (const event of ['account:issue-code', 'account:sign-out-everywhere'] as const) {
        const refused = await leadSocket.emitWithAck(event, { userId: supervisor.user.id });
        expect(refused, event).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      }
      expect(
        await admin.emitWithAck('account:issue-code', { userId: 'no-such-user' }),
      ).toMatchObject({
        ok: false,
        error: { code: 'not_found' },
      });
      expect(await admin.emitWithAck('account:issue-code', { userId: 42 } as never)).toMatchObject({
        ok: false,
        error: { code: 'bad_request' },
      });
      const res = await admin.emitWithAck('account:sign-out-everywhere', {
        userId: supervisor.user.id,
      });
      expect(res).toEqual({ ok: true, data: { sessions: 1 } });
      expect(await closed).toBe('io server disconnect');
      await expect(connect(hub.url, supervisor.token)).rejects.toThrow('unauthorized');
      expect(leadSocket.connected).toBe(true);
      expect((await auditOf(hub, supervisor.user.id)).map((a) => [a.action, a.after])).toEqual([
        ['session.revoke-all', JSON.stringify({ signedOutSessions: 1 })],
      ]);
    } finally {
      leadSocket.close();
      supervisorSocket.close();
    }
  });
  it('marks a session seen when a socket connects, at most once a minute', async () => {
    const session = await signIn(hub.url, DEMO_USERS.nightLead);
    const id = (
      await withHubDatabase(hub.dataDir, (db) =>
        db.selectFrom('sessions').select('id').where('user_id', '=', session.user.id).execute(),
      )
    ).map((r) => r.id);
    const seen = (at: string | null) =>
      withHubDatabase(hub.dataDir, async (db) => {
        if (at)
          await db
            .updateTable('sessions')
            .set({ last_seen_at: at })
            .where('id', 'in', id)
            .execute();
        const row = await db
          .selectFrom('sessions')
          .select('last_seen_at')
          .where('id', 'in', id)
          .orderBy('last_seen_at', 'desc')
          .executeTakeFirstOrThrow();
        return row.last_seen_at;
      });
    await seen('2026-01-01T00:00:00.000Z');
    (await connect(hub.url, session.token)).close();
    expect(Date.now() - Date.parse((await seen(null))!)).toBeLessThan(10_000);
    const recently = new Date(Date.now() - 30_000).toISOString();
    await seen(recently);
    (await connect(hub.url, session.token)).close();
    expect(await seen(null)).toBe(recently);
  });
});
