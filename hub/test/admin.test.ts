// Administration end to end on a real hub (SQLite or PostgreSQL by the Vitest project): people,
// teams and shifts, permissions, moves today and future-dated (the sweep), disabling, the HR
// import, and the audit log with its CSV export. Rights changes reach open sockets at once.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  IMPORT_PART_CHARS,
  localDate,
  type AckResponse,
  type AdminTeam,
  type AdminUser,
  type ClientEventName,
  type ErrorCode,
} from '@sidecoach/shared';
import {
  connect,
  signIn,
  startHub,
  type HubSocket,
  type RunningHub,
} from './support/hub-process.js';
import { data, iso } from './support/calls.js';
import { InboxClient } from './support/inbox-client.js';
import { withHubDatabase } from './support/database.js';
import { applyDueMove } from '../src/admin/records.js';

const SWEEP_MS = 100;

/** A private observation about the agent, as a coach writes it. */
const privateNote = (socket: HubSocket, agentId: string, text: string) =>
  socket.emitWithAck('observation:note', {
    id: randomUUID(),
    agentId,
    callId: null,
    offsetMs: null,
    text,
    visibility: 'private',
    at: iso(),
  });

/** Resolves when the hub closes the socket (not the client). */
const closedByHub = (socket: HubSocket) =>
  new Promise<string>((resolve) => socket.once('disconnect', (reason) => resolve(reason)));

describe('administration', () => {
  let hub: RunningHub;
  let admin: HubSocket;
  let users: AdminUser[];
  let teams: AdminTeam[];
  const idOf = (username: string) => users.find((u) => u.username === username)!.id;
  const teamId = (name: string) => teams.find((t) => t.name === name)!.id;
  const refresh = async () => {
    users = data(await admin.emitWithAck('admin:users', {})).users;
    teams = data(await admin.emitWithAck('admin:teams', {})).teams;
  };
  const auditCount = () =>
    withHubDatabase(hub.dataDir, async (db) => {
      const row = await db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    });

  beforeAll(async () => {
    hub = await startHub({ demo: true, extraArgs: ['--team-move-sweep-ms', String(SWEEP_MS)] });
    admin = await connect(hub.url, (await signIn(hub.url, 'quality')).token);
    await refresh();
  });
  afterAll(async () => {
    admin?.close();
    await hub?.dispose();
  });

  it('is for admins only: agents, supervisors and leads are refused every admin event', async () => {
    const payloads: Array<[ClientEventName, object]> = [
      ['admin:users', {}],
      ['admin:teams', {}],
      ['admin:moves', {}],
      ['admin:audit', {}],
      [
        'admin:user-save',
        {
          username: 'x1',
          displayName: 'X',
          role: 'agent',
          extension: null,
          defaultLang: null,
          teamIds: [],
        },
      ],
      ['admin:permission', { userId: idOf('supervisor'), permission: 'evaluator', granted: true }],
      ['admin:team-save', { name: 'Sneaky', timeZone: 'UTC', hours: null, coachIds: [] }],
      [
        'admin:move',
        {
          agentId: idOf('agent1'),
          teamId: 'team-night',
          effectiveDate: localDate(new Date(), 'UTC'),
        },
      ],
      ['admin:move-cancel', { moveId: 'nope' }],
      ['admin:import-part', { importId: randomUUID(), index: 0, total: 1, text: 'username\nx\n' }],
      ['admin:import-preview', { importId: randomUUID() }],
      ['admin:import-apply', { importId: randomUUID() }],
    ];
    const outcomes: Record<string, Record<string, 'ok' | ErrorCode>> = {};
    for (const username of ['agent1', 'supervisor', 'lead']) {
      const socket = await connect(hub.url, (await signIn(hub.url, username)).token);
      const emit = socket.emitWithAck.bind(socket) as (
        e: string,
        p: object,
      ) => Promise<AckResponse<unknown>>;
      for (const [event, payload] of payloads) {
        const res = await emit(event, payload);
        (outcomes[event] ??= {})[username] = res.ok ? 'ok' : res.error.code;
      }
      const csv = await fetch(`${hub.url}/api/admin/audit.csv`, {
        headers: { authorization: `Bearer ${(await signIn(hub.url, username)).token}` },
      });
      (outcomes['audit.csv'] ??= {})[username] = csv.status === 403 ? 'forbidden' : 'ok';
      socket.close();
    }
    for (const [event, byUser] of Object.entries(outcomes))
      expect({ event, byUser }).toEqual({
        event,
        byUser: { agent1: 'forbidden', supervisor: 'forbidden', lead: 'forbidden' },
      });
    expect((await fetch(`${hub.url}/api/admin/audit.csv`)).status).toBe(401);
    // Nothing was changed by any of them.
    expect(await auditCount()).toBe(0);
  });

  it('creates a shift with hours and a time zone, refusing an unknown zone', async () => {
    const bad = await admin.emitWithAck('admin:team-save', {
      name: 'Mars',
      timeZone: 'Mars/Olympus',
      hours: null,
      coachIds: [],
    });
    expect(bad.ok ? 'ok' : bad.error.code).toBe('bad_request');
    const riga = data(
      await admin.emitWithAck('admin:team-save', {
        name: 'Rīga day',
        timeZone: 'Europe/Riga',
        hours: { start: '08:00', end: '16:00', days: [1, 2, 3, 4, 5] },
        coachIds: [idOf('night-supervisor')],
      }),
    );
    expect(riga).toMatchObject({
      name: 'Rīga day',
      timeZone: 'Europe/Riga',
      hours: { start: '08:00', end: '16:00', days: [1, 2, 3, 4, 5] },
      coachIds: [idOf('night-supervisor')],
      agentIds: [],
    });
    // A supervisor covers two shifts; an agent cannot be a team's coach.
    await refresh();
    expect(users.find((u) => u.username === 'night-supervisor')!.teamIds.sort()).toEqual(
      [riga.id, 'team-night'].sort(),
    );
    const agentCoach = await admin.emitWithAck('admin:team-save', {
      id: riga.id,
      name: 'Rīga day',
      timeZone: 'Europe/Riga',
      hours: null,
      coachIds: [idOf('agent1')],
    });
    expect(agentCoach.ok ? 'ok' : agentCoach.error).toMatchObject({
      code: 'bad_request',
      message: expect.stringContaining('supervisors and leads'),
    });
  });

  it('creates people without a usable password, with a unique extension and one team for an agent', async () => {
    const created = data(
      await admin.emitWithAck('admin:user-save', {
        username: 'wang.xiaoming',
        displayName: '王小明',
        role: 'agent',
        extension: '3001',
        defaultLang: 'zh-CN',
        teamIds: ['team-demo'],
      }),
    );
    expect(created).toMatchObject({ displayName: '王小明', teamIds: ['team-demo'], lang: null });
    // No password: no sign-in (the passwords feature issues one-time codes).
    const attempt = await fetch(`${hub.url}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'wang.xiaoming', password: '!no-password$' }),
    });
    expect(attempt.status).toBe(401);
    const refusals = await Promise.all([
      admin.emitWithAck('admin:user-save', {
        username: 'other',
        displayName: 'Other',
        role: 'agent',
        extension: '3001',
        defaultLang: null,
        teamIds: [],
      }),
      admin.emitWithAck('admin:user-save', {
        username: 'two.teams',
        displayName: 'Two Teams',
        role: 'agent',
        extension: null,
        defaultLang: null,
        teamIds: ['team-demo', 'team-night'],
      }),
      admin.emitWithAck('admin:user-save', {
        username: 'wang.xiaoming',
        displayName: 'Again',
        role: 'agent',
        extension: null,
        defaultLang: null,
        teamIds: [],
      }),
      // The same name in other case or width is the same account to sign-in: taken too.
      admin.emitWithAck('admin:user-save', {
        username: 'Ｗang.XiaoMing',
        displayName: 'Lookalike',
        role: 'agent',
        extension: null,
        defaultLang: null,
        teamIds: [],
      }),
    ]);
    expect(refusals.map((r) => (r.ok ? 'ok' : `${r.error.code}: ${r.error.message}`))).toEqual([
      'conflict: the extension 3001 belongs to another user (wang.xiaoming)',
      'bad_request: an agent is in one team at a time',
      'conflict: the username wang.xiaoming is taken',
      'conflict: the username Ｗang.XiaoMing is taken',
    ]);
    await refresh();
  });

  it('grants evaluator and arbitrator to coaches only, and the profile carries them', async () => {
    const supervisor = await InboxClient.open(hub.url, 'supervisor');
    const closed = closedByHub(supervisor.socket);
    data(
      await admin.emitWithAck('admin:permission', {
        userId: idOf('supervisor'),
        permission: 'evaluator',
        granted: true,
      }),
    );
    expect(await closed).toBe('io server disconnect');
    supervisor.socket.connect(); // as the sidebar does (lifecycle.ts) after the hub's disconnect
    await supervisor.connected();
    const boot = data(await supervisor.socket.emitWithAck('session:bootstrap', {}));
    expect(boot.user.permissions).toEqual(['evaluator']);
    supervisor.close();
    const agent = await admin.emitWithAck('admin:permission', {
      userId: idOf('agent1'),
      permission: 'arbitrator',
      granted: true,
    });
    expect(agent.ok ? 'ok' : agent.error).toMatchObject({
      code: 'bad_request',
      message: expect.stringContaining('supervisors, leads and admins'),
    });
  });

  it('stops a supervisor moved off a team receiving its notes, on the open socket, before the answer', async () => {
    const agent1 = idOf('agent1');
    const supervisor = await InboxClient.open(hub.url, 'supervisor');
    const lead = await InboxClient.open(hub.url, 'lead');
    data(await supervisor.socket.emitWithAck('observation:join', { agentId: agent1 }));
    data(await lead.socket.emitWithAck('observation:join', { agentId: agent1 }));
    const note = (text: string) => privateNote(lead.socket, agent1, text);
    const first = data(await note('before the change'));
    await supervisor.until('the first note', () =>
      supervisor.of('observation').some((m) => m.observation.id === first.id),
    );

    const closed = closedByHub(supervisor.socket);
    const moved = data(
      await admin.emitWithAck('admin:user-save', {
        id: idOf('supervisor'),
        username: 'supervisor',
        displayName: 'Sam Supervisor',
        role: 'supervisor',
        extension: null,
        defaultLang: null,
        teamIds: ['team-night'],
      }),
    );
    expect(moved.teamIds).toEqual(['team-night']);
    // Before the acknowledgement: no longer an observer of agent1.
    const observing = await withHubDatabase(hub.dataDir, (db) =>
      db
        .selectFrom('observation_sessions')
        .select('observer_id')
        .where('agent_id', '=', agent1)
        .execute(),
    );
    expect(observing.map((o) => o.observer_id)).toEqual([lead.userId]);
    expect(await closed).toBe('io server disconnect');

    const second = data(await note('after the change'));
    await lead.until('the second note', () =>
      lead.of('observation').some((m) => m.observation.id === second.id),
    );
    supervisor.socket.connect();
    await supervisor.connected();
    const again = await supervisor.socket.emitWithAck('observation:join', { agentId: agent1 });
    expect(again.ok ? 'ok' : again.error.code).toBe('forbidden');
    const stored = await withHubDatabase(hub.dataDir, (db) =>
      db
        .selectFrom('inbox')
        .select('ref_id')
        .where('recipient_id', '=', supervisor.userId)
        .where('ref_id', 'like', `%${second.id}%`)
        .execute(),
    );
    expect(stored).toEqual([]);
    expect(supervisor.of('observation').some((m) => m.observation.id === second.id)).toBe(false);
    // What the supervisor wrote before stays theirs to read; nobody else's about agent1.
    supervisor.close();
    lead.close();
  });

  it('moves an agent today: the old lead keeps reading what they wrote, the new team coaches', async () => {
    const agent1 = idOf('agent1');
    const lead = await InboxClient.open(hub.url, 'lead');
    const mine = data(await privateNote(lead.socket, agent1, 'the lead’s own note'));
    const coaching = data(
      await lead.socket.emitWithAck('coaching:note', {
        id: randomUUID(),
        agentId: agent1,
        callId: null,
        text: 'Summarised the next steps before closing.',
        at: iso(),
      }),
    );
    // Someone else's note about agent1: the old lead does not keep that one.
    const others = data(await privateNote(admin, agent1, 'the quality manager’s note'));
    const session = data(
      await lead.socket.emitWithAck('reflection:start', {
        id: randomUUID(),
        agentId: agent1,
        days: 28,
        agenda: [],
      }),
    );
    const agentSocket = await connect(hub.url, (await signIn(hub.url, 'agent1')).token);
    const agentClosed = closedByHub(agentSocket);
    const leadClosed = closedByHub(lead.socket);
    const yesterday = localDate(new Date(Date.now() - 86_400_000), 'UTC');
    const back = await admin.emitWithAck('admin:move', {
      agentId: agent1,
      teamId: 'team-night',
      effectiveDate: yesterday,
    });
    expect(back.ok ? 'ok' : back.error).toMatchObject({
      code: 'bad_request',
      message: expect.stringMatching(/^a move cannot be backdated: /),
    });
    const night = teams.find((t) => t.id === 'team-night')!;
    const move = data(
      await admin.emitWithAck('admin:move', {
        agentId: agent1,
        teamId: 'team-night',
        effectiveDate: localDate(new Date(), night.timeZone),
      }),
    );
    expect(move).toMatchObject({ fromTeamId: 'team-demo', toTeamId: 'team-night' });
    expect(move.appliedAt).not.toBeNull();
    expect(await agentClosed).toBe('io server disconnect');
    agentSocket.close();
    // The old team's lead is reconnected too: what their socket had decided about agent1 is gone.
    expect(await leadClosed).toBe('io server disconnect');
    lead.socket.connect();
    await lead.connected();
    const list = data(await lead.socket.emitWithAck('observation:list', { agentId: agent1 }));
    expect(list.observations.map((o) => o.authorId)).toEqual(
      list.observations.map(() => lead.userId),
    );
    expect(list.observations.map((o) => o.id)).toContain(mine.id);
    expect(list.observations.map((o) => o.id)).not.toContain(others.id);
    const notes = data(await lead.socket.emitWithAck('observation:mine', {}));
    expect(notes.coachingNotes.map((n) => n.id)).toContain(coaching.id);
    const sessions = data(await lead.socket.emitWithAck('reflection:list', { agentId: agent1 }));
    expect(sessions.sessions.map((s) => s.id)).toEqual([session.id]);
    const join = await lead.socket.emitWithAck('observation:join', { agentId: agent1 });
    expect(join.ok ? 'ok' : join.error.code).toBe('forbidden');
    // The night team's lead coaches agent1 now and sees every note.
    const nightLead = await connect(hub.url, (await signIn(hub.url, 'night-lead')).token);
    const theirs = data(await nightLead.emitWithAck('observation:list', { agentId: agent1 }));
    expect(theirs.observations.map((o) => o.id)).toEqual(
      expect.arrayContaining([mine.id, others.id]),
    );
    nightLead.close();
    lead.close();
  });

  it('applies a future-dated move when its day starts (the sweep), once', async () => {
    const agent2 = idOf('agent2');
    const night = teams.find((t) => t.id === 'team-night')!;
    const tomorrow = localDate(new Date(Date.now() + 36 * 3_600_000), night.timeZone);
    const move = data(
      await admin.emitWithAck('admin:move', {
        agentId: agent2,
        teamId: 'team-night',
        effectiveDate: tomorrow,
      }),
    );
    expect(move.appliedAt).toBeNull();
    await refresh();
    expect(users.find((u) => u.id === agent2)!.teamIds).toEqual(['team-demo']);
    const pending = data(await admin.emitWithAck('admin:moves', { agentId: agent2 })).moves;
    expect(pending.map((m) => [m.effectiveDate, m.appliedAt])).toEqual([[tomorrow, null]]);

    const agentSocket = await connect(hub.url, (await signIn(hub.url, 'agent2')).token);
    const closed = closedByHub(agentSocket);
    // Its day starts: the sweep (every 100 ms here) applies it.
    await withHubDatabase(hub.dataDir, (db) =>
      db
        .updateTable('team_moves')
        .set({ effective_at: iso(-1000) })
        .where('id', '=', move.id)
        .execute(),
    );
    expect(await closed).toBe('io server disconnect');
    agentSocket.close();
    await refresh();
    expect(users.find((u) => u.id === agent2)!.teamIds).toEqual(['team-night']);
    // Several nodes sweeping: the row is claimed once; a second claim changes nothing.
    const again = await withHubDatabase(hub.dataDir, async (db) => {
      const row = await db
        .selectFrom('team_moves')
        .selectAll()
        .where('id', '=', move.id)
        .executeTakeFirstOrThrow();
      return db.transaction().execute((trx) => applyDueMove(trx, { ...row, applied_at: null }));
    });
    expect(again).toBeNull();
    const audit = data(await admin.emitWithAck('admin:audit', { targetId: agent2 })).entries;
    expect(audit.map((e) => [e.action, e.actorId])).toEqual([
      ['team.move-applied', null],
      ['team.move-schedule', idOf('quality')],
    ]);
  });

  it('disables a user: their sockets close, sessions are revoked, and they cannot reconnect', async () => {
    const agent3 = idOf('agent3');
    const token = (await signIn(hub.url, 'agent3')).token;
    const socket = await connect(hub.url, token);
    const closed = closedByHub(socket);
    const saved = data(
      await admin.emitWithAck('admin:user-save', {
        id: agent3,
        username: 'agent3',
        displayName: 'Chen Agent',
        role: 'agent',
        extension: '1003',
        defaultLang: null,
        teamIds: ['team-demo'],
        disabled: true,
      }),
    );
    expect(saved.disabled).toBe(true);
    expect(await closed).toBe('io server disconnect');
    socket.close();
    await expect(connect(hub.url, token)).rejects.toThrow('unauthorized');
    await expect(signIn(hub.url, 'agent3')).rejects.toThrow(/401/);
    const self = await admin.emitWithAck('admin:user-save', {
      id: idOf('quality'),
      username: 'quality',
      displayName: 'Quinn Quality',
      role: 'admin',
      extension: null,
      defaultLang: null,
      teamIds: [],
      disabled: true,
    });
    expect(self.ok ? 'ok' : self.error.code).toBe('bad_request');
  });

  /** Sends a file in parts, as the sidebar does, and asks for the preview or the apply. */
  async function importFile(csv: string, step: 'admin:import-preview' | 'admin:import-apply') {
    const importId = randomUUID();
    const total = Math.ceil(csv.length / IMPORT_PART_CHARS);
    for (let index = 0; index < total; index++)
      data(
        await admin.emitWithAck('admin:import-part', {
          importId,
          index,
          total,
          text: csv.slice(index * IMPORT_PART_CHARS, (index + 1) * IMPORT_PART_CHARS),
        }),
      );
    return admin.emitWithAck(step, { importId });
  }

  const HR_FILE =
    '\ufeffusername,display_name,role,team,extension,lang\r\n' +
    'chen.meiling,陳美玲,agent,Shanghai late,4001,zh-CN\r\n' +
    'janis.berzins,Jānis Bērziņš,agent,Rīga day,4002,en\r\n' +
    'julija.zagare,Jūlija Žagare-Šmite,agent,Rīga day,4003,\r\n' +
    'liga.ozolina,Līga Ozoliņa,lead,Rīga day;Shanghai late,,\r\n' +
    'wang.xiaoming,王小明,agent,team-less,3001,\r\n' +
    'agent4,Dev Agent,agent,Night shift,1004,\r\n';

  it('imports an HR file: preview row by row, apply all or nothing, the same file twice changes nothing', async () => {
    const preview = data(await importFile(HR_FILE, 'admin:import-preview'));
    expect(preview.rows.map((r) => [r.username, r.outcome, r.changes])).toEqual([
      ['chen.meiling', 'create', []],
      ['janis.berzins', 'create', []],
      ['julija.zagare', 'create', []],
      ['liga.ozolina', 'create', []],
      ['wang.xiaoming', 'change', ['team']],
      ['agent4', 'unchanged', []],
    ]);
    expect(preview.newTeams.sort()).toEqual(['Shanghai late', 'team-less']);

    // One bad row: nothing is applied.
    const before = await auditCount();
    const bad = await importFile(HR_FILE + 'ghost,Ghost,wizard,,,\r\n', 'admin:import-apply');
    expect(bad.ok ? 'ok' : bad.error.code).toBe('bad_request');
    expect(await auditCount()).toBe(before);
    await refresh();
    expect(users.some((u) => u.username === 'chen.meiling')).toBe(false);
    expect(teams.some((t) => t.name === 'Shanghai late')).toBe(false);

    const applied = data(await importFile(HR_FILE, 'admin:import-apply'));
    expect(applied.counts).toEqual({ create: 4, change: 1, unchanged: 1, refused: 0 });
    expect(applied.appliedAt).not.toBeNull();
    await refresh();
    expect(users.find((u) => u.username === 'liga.ozolina')).toMatchObject({
      displayName: 'Līga Ozoliņa',
      role: 'lead',
    });
    expect(users.find((u) => u.username === 'liga.ozolina')!.teamIds.sort()).toEqual(
      [teamId('Rīga day'), teamId('Shanghai late')].sort(),
    );
    expect(users.find((u) => u.username === 'chen.meiling')).toMatchObject({
      defaultLang: 'zh-CN',
      extension: '4001',
    });
    const afterFirst = await auditCount();
    const twice = data(await importFile(HR_FILE, 'admin:import-apply'));
    expect(twice.counts).toEqual({ create: 0, change: 0, unchanged: 6, refused: 0 });
    expect(await auditCount()).toBe(afterFirst);

    const tooBig = await importFile(
      ['username', ...Array.from({ length: 5001 }, (_, i) => `u${i}`)].join('\n'),
      'admin:import-preview',
    );
    expect(tooBig.ok ? 'ok' : tooBig.error.message).toBe(
      'the file has 5001 rows; one import takes at most 5000: split it',
    );
  });

  it('gives a new user the admin’s default language, and their own choice wins', async () => {
    // Imported users have no password yet (one-time codes come later): give this one agent1's.
    await withHubDatabase(hub.dataDir, async (db) => {
      const demo = await db
        .selectFrom('users')
        .select('password_hash')
        .where('username', '=', 'agent1')
        .executeTakeFirstOrThrow();
      await db
        .updateTable('users')
        .set({ password_hash: demo.password_hash })
        .where('username', '=', 'chen.meiling')
        .execute();
    });
    const session = await signIn(hub.url, 'chen.meiling');
    expect(session.user.lang).toBe('zh-CN');
    const socket = await connect(hub.url, session.token);
    expect(data(await socket.emitWithAck('account:language', { lang: 'en' })).lang).toBe('en');
    expect((await signIn(hub.url, 'chen.meiling')).user.lang).toBe('en');
    expect(data(await socket.emitWithAck('account:language', { lang: null })).lang).toBe('zh-CN');
    socket.close();
  });

  it('reads the audit log, filtered and paged, and exports it as CSV with a BOM and ISO times', async () => {
    const first = data(await admin.emitWithAck('admin:audit', { limit: 3 }));
    expect(first.entries).toHaveLength(3);
    expect(first.next).not.toBeNull();
    const second = data(await admin.emitWithAck('admin:audit', { limit: 3, cursor: first.next! }));
    expect(second.entries.map((e) => e.id)).not.toContain(first.entries[0]!.id);
    const byActor = data(
      await admin.emitWithAck('admin:audit', { actorId: idOf('quality'), limit: 200 }),
    );
    expect(byActor.entries.every((e) => e.actorName === 'Quinn Quality')).toBe(true);
    const created = byActor.entries.find(
      (e) => e.action === 'user.create' && e.targetName === '王小明',
    )!;
    expect(created.after).toMatchObject({ username: 'wang.xiaoming', role: 'agent' });
    expect(JSON.stringify(created.after)).not.toMatch(/hash|password/i);
    const future = data(
      await admin.emitWithAck('admin:audit', { from: iso(3_600_000), limit: 10 }),
    );
    expect(future.entries).toEqual([]);

    const token = (await signIn(hub.url, 'quality')).token;
    const res = await fetch(`${hub.url}/api/admin/audit.csv`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="sidecoach-audit-\d{4}-\d\d-\d\d\.csv"$/,
    );
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('at,actor,actor_id,action,target_type,target,target_id,before,after');
    expect(lines[1]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z,/);
    // 中文 and ā ē ī ū š ž as they were typed, byte for byte.
    for (const name of [
      '王小明',
      '陳美玲',
      'Jānis Bērziņš',
      'Līga Ozoliņa',
      'Jūlija Žagare-Šmite',
      'Rīga day',
    ])
      expect(bytes.includes(Buffer.from(name, 'utf8'))).toBe(true);
  });
});
