// Mystery calls' last gaps, on a real hub process (SQLite, or PostgreSQL in the postgres
// project) with socket.io clients: a programme built on an older scorecard version is offered
// that version's items; the "over the agent limit" flag follows later decisions on the agent's
// other reports; callers who may claim a wave's calls are told when it launches, and no one else.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addDays,
  localDate,
  type AckResponse,
  type MysteryAssignment,
  type ScorecardInfo,
  type StandardsPack,
} from '@sidecoach/shared';
import { data } from './support/calls.js';
import { userIdOf, withHubDatabase } from './support/database.js';
import {
  connect,
  signIn,
  startHub,
  type HubSocket,
  type RunningHub,
} from './support/hub-process.js';
import { addCaller, addReport, addWave } from './support/mystery-rows.js';

const code = (r: AckResponse<unknown>) => (r.ok ? 'ok' : r.error.code);
const NEW_ITEM = 'proc-offer-callback';
const itemIds = (pack: StandardsPack) =>
  pack.areas.flatMap((a) => a.items.filter((i) => i.scorecard).map((i) => i.id));

describe('mystery calls: older versions, the agent limit, callers told of a launch', () => {
  let hub: RunningHub;
  const s: Record<string, HubSocket> = {};
  /** Everything each socket received, by username. */
  const seen: Record<string, { event: string; payload: unknown }[]> = {};
  const db = <T>(work: Parameters<typeof withHubDatabase<T>>[1]) =>
    withHubDatabase(hub.dataDir, work);

  beforeAll(async () => {
    hub = await startHub({ demo: true });
    for (const name of ['quality', 'agent1', 'agent2', 'lead', 'caller', 'caller2']) {
      const socket = await connect(hub.url, (await signIn(hub.url, name)).token);
      const log: { event: string; payload: unknown }[] = [];
      socket.onAny((event: string, payload: unknown) => log.push({ event, payload }));
      s[name] = socket;
      seen[name] = log;
    }
  });
  afterAll(async () => {
    for (const socket of Object.values(s)) socket.close();
    await hub?.dispose();
  });

  it('serves the items of the version a programme is built on, not only the newest', async () => {
    const info: ScorecardInfo = data(await s.quality!.emitWithAck('scorecard:get', {}));
    const v1 = info.pack;
    // A scoring change: a new item makes a new version.
    const next = structuredClone(v1);
    next.areas
      .find((a) => a.id === 'process')!
      .items.push({
        id: NEW_ITEM,
        text: { en: 'Offers a call back when the answer needs checking' },
        weight: 1,
        critical: false,
        scorecard: true,
      });
    const published = data(
      await s.quality!.emitWithAck('scorecard:publish', {
        basedOn: { version: v1.version, revision: info.revision },
        pack: next,
      }),
    );
    expect(published.kind).toBe('version');
    const newest = published.info.pack.version;
    expect(newest).toBe(v1.version + 1);

    const older = data(await s.quality!.emitWithAck('mystery:pack', { version: v1.version }));
    expect(older.pack.version).toBe(v1.version);
    expect(itemIds(older.pack)).toEqual(itemIds(v1));
    expect(itemIds(older.pack)).not.toContain(NEW_ITEM);
    const now = data(await s.quality!.emitWithAck('mystery:pack', { version: newest }));
    expect(itemIds(now.pack)).toContain(NEW_ITEM);
    expect(code(await s.quality!.emitWithAck('mystery:pack', { version: 99 }))).toBe('not_found');
    expect(code(await s.quality!.emitWithAck('mystery:pack', { version: 0 }))).toBe('bad_request');
    for (const who of ['agent1', 'lead', 'caller'])
      expect(code(await s[who]!.emitWithAck('mystery:pack', { version: v1.version }))).toBe(
        'forbidden',
      );

    // A programme on the older version takes its items, and refuses the newer version's.
    const programme = {
      id: randomUUID(),
      name: 'Booking line on version 1',
      objective: 'training' as const,
      packVersion: v1.version,
      itemIds: itemIds(older.pack).slice(0, 3),
      ratings: [],
      target: 80,
    };
    const saved = data(await s.quality!.emitWithAck('mystery:programme-save', programme));
    expect(saved).toMatchObject({ packVersion: v1.version, itemIds: programme.itemIds });
    const refused = await s.quality!.emitWithAck('mystery:programme-save', {
      ...programme,
      itemIds: [...programme.itemIds, NEW_ITEM],
    });
    expect(code(refused)).toBe('bad_request');
  });

  it('recounts the over-the-limit flag when the agent’s other reports are decided later', async () => {
    const pack: StandardsPack = data(await s.agent1!.emitWithAck('session:bootstrap', {})).pack;
    const ben = await userIdOf(hub.dataDir, 'agent2');
    const caller = await db((d) =>
      addCaller(d, { username: 'oleg', displayName: 'Oleg Ring', phones: ['+44 20 7946 0777'] }),
    );
    const waveId = await db((d) =>
      addWave(d, pack, { name: 'Limit wave', teamIds: ['team-demo'], released: false }),
    );
    // One call per agent; Ben's first report was filed before his second, which was flagged.
    const filed = async (at: string) => {
      const callId = randomUUID();
      const id = await db(async (d) => {
        await d
          .insertInto('calls')
          .values({
            id: callId,
            agent_id: ben,
            call_type: 'booking',
            pack_id: pack.id,
            pack_version: pack.version,
            source: 'manual',
            started_at: at,
            ended_at: at,
            duration_ms: 0,
            created_at: at,
          })
          .execute();
        return addReport(d, pack, {
          waveId,
          teamId: 'team-demo',
          callerId: caller,
          status: 'reported',
          call: { id: callId, agentId: ben, startedAt: at },
        });
      });
      await db((d) =>
        d
          .updateTable('mystery_reports')
          .set({ submitted_at: at })
          .where('assignment_id', '=', id)
          .execute(),
      );
      return id;
    };
    const first = await filed(new Date(Date.now() - 3 * 3_600_000).toISOString());
    const second = await filed(new Date(Date.now() - 2 * 3_600_000).toISOString());
    await db(async (d) => {
      await d
        .updateTable('mystery_waves')
        .set({ per_agent_max: 1 })
        .where('id', '=', waveId)
        .execute();
      await d
        .updateTable('mystery_reports')
        .set({ over_agent_limit: 1 })
        .where('assignment_id', '=', second)
        .execute();
    });
    const flags = async () =>
      Object.fromEntries(
        data(await s.quality!.emitWithAck('mystery:reviews', { waveId })).reports.map((r) => [
          r.assignmentId,
          r.overAgentLimit,
        ]),
      );
    expect(await flags()).toEqual({ [first]: false, [second]: true });

    // The first is returned with a question: it no longer counts, the second is within the limit.
    seen.quality!.length = 0;
    data(
      await s.quality!.emitWithAck('mystery:review', {
        assignmentId: first,
        action: 'return',
        note: 'Which number did you call from?',
      }),
    );
    expect(await flags()).toEqual({ [second]: false });
    // The managers are told of the second's change too (their lists reload).
    expect(
      seen.quality!.filter(
        (m) => m.event === 'mystery:changed' && (m.payload as MysteryAssignment).id === second,
      ),
    ).toHaveLength(1);
    // Approved, the second counts; the first, filed again later, is now the one over the limit.
    data(
      await s.quality!.emitWithAck('mystery:review', {
        assignmentId: second,
        action: 'approve',
        grade: 4,
      }),
    );
    await db((d) =>
      d
        .updateTable('mystery_assignments')
        .set({ status: 'reported' })
        .where('id', '=', first)
        .execute(),
    );
    await db((d) =>
      d
        .updateTable('mystery_reports')
        .set({ submitted_at: new Date().toISOString() })
        .where('assignment_id', '=', first)
        .execute(),
    );
    const rejected = data(
      await s.quality!.emitWithAck('mystery:review', {
        assignmentId: first,
        action: 'reject',
        note: 'Not the call of the brief.',
      }),
    );
    // Rejected, it no longer counts either: it was over the limit behind the approved second.
    expect(rejected.overAgentLimit).toBe(true);
    const stored = await db((d) =>
      d
        .selectFrom('mystery_reports')
        .select(['assignment_id', 'over_agent_limit'])
        .where('wave_id', '=', waveId)
        .execute(),
    );
    expect(Object.fromEntries(stored.map((r) => [r.assignment_id, r.over_agent_limit]))).toEqual({
      [first]: 1,
      [second]: 0,
    });
  });

  it('tells the callers who may claim a launched wave’s calls, and nobody else', async () => {
    const programmeId = randomUUID();
    data(
      await s.quality!.emitWithAck('mystery:programme-save', {
        id: programmeId,
        name: 'Seniors line',
        objective: 'training',
        ratings: [],
        target: 85,
      }),
    );
    const today = localDate(new Date(), 'UTC');
    const waveId = randomUUID();
    data(
      await s.quality!.emitWithAck('mystery:wave-save', {
        id: waveId,
        programmeId,
        name: 'Seniors wave',
        from: addDays(today, 1),
        to: addDays(today, 7),
        teamIds: ['team-demo'],
        numbers: { 'team-demo': '+44 20 7946 0100' },
        calls: 4,
        scenarios: [
          { id: 'move', callType: 'booking', title: 'Move a booking', brief: 'A week later.' },
        ],
        perTeamMax: 4,
        perAgentMax: 2,
        callerGapDays: 0,
        // Callers of 60 and over only: Ruth (caller2), not Mia (caller, 18-29).
        profileMix: { ageBand: { '60+': 1 } },
      }),
    );
    for (const name of Object.keys(seen)) seen[name]!.length = 0;
    const live = data(await s.quality!.emitWithAck('mystery:wave-launch', { waveId }));
    expect(live.counts.open).toBe(4);
    // Sentinels: an answer on each socket after the launch comes after anything sent before it.
    const ruthBoard = data(await s.caller2!.emitWithAck('mystery:board', {}));
    await s.caller!.emitWithAck('mystery:board', {});
    for (const name of ['agent1', 'agent2', 'lead'])
      await s[name]!.emitWithAck('session:bootstrap', {});
    const told = (name: string) => seen[name]!.filter((m) => m.event === 'mystery:wave-open');
    expect(told('caller2').map((m) => m.payload)).toEqual([
      { waveId, calls: ruthBoard.open.filter((a) => a.waveId === waveId).length },
    ]);
    expect(ruthBoard.open.filter((a) => a.waveId === waveId)).toHaveLength(4);
    for (const name of ['caller', 'agent1', 'agent2', 'lead']) expect(told(name)).toEqual([]);
    // Launching again changes nothing, and tells nobody again.
    data(await s.quality!.emitWithAck('mystery:wave-launch', { waveId }));
    await s.caller2!.emitWithAck('mystery:board', {});
    expect(told('caller2')).toHaveLength(1);
  });
});
