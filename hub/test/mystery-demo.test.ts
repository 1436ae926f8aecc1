// The demo's mystery-call programme on a real hub (`--demo` with its history), on either
// database: callers who sign in, last month's wave released with approved reports on the demo
// agents' own calls, this month's wave live, and Ava's reflective session showing her two.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, dayPartOf, localDate, type WavePlan } from '@sidecoach/shared';
import { data } from './support/calls.js';
import { withHubDatabase } from './support/database.js';
import { connect, signIn, startHub, type RunningHub } from './support/hub-process.js';

describe('the demo’s mystery-call programme', () => {
  let hub: RunningHub;
  beforeAll(async () => {
    hub = await startHub({ demo: true, demoHistory: true });
  });
  afterAll(() => hub?.dispose());

  it('has two callers, in no team, with their registered numbers', async () => {
    for (const [username, name] of [
      ['caller', 'Mia Mystery'],
      ['caller2', 'Ruth Ring'],
    ] as const) {
      const session = await signIn(hub.url, username);
      expect(session.user).toMatchObject({ role: 'caller', displayName: name });
    }
    const rows = await withHubDatabase(hub.dataDir, async (db) => ({
      members: await db
        .selectFrom('team_members')
        .innerJoin('users', 'users.id', 'team_members.user_id')
        .select('users.username')
        .where('users.role', '=', 'caller')
        .execute(),
      phones: await db.selectFrom('mystery_caller_phones').select('phone').execute(),
    }));
    expect(rows.members).toEqual([]);
    expect(rows.phones.map((p) => p.phone).sort()).toEqual([
      '+44 161 496 0789',
      '+44 7700 900123',
      '+44 7700 900456',
    ]);
  });

  it('has last month’s wave released and this month’s live, on the agents’ own calls', async () => {
    const waves = await withHubDatabase(hub.dataDir, async (db) => {
      const all = await db
        .selectFrom('mystery_waves')
        .select(['id', 'status', 'released_at', 'plan', 'calls'])
        .orderBy('from_day')
        .execute();
      const assignments = await db
        .selectFrom('mystery_assignments as a')
        .leftJoin('mystery_reports as r', 'r.assignment_id', 'a.id')
        .leftJoin('calls as c', 'c.id', 'r.call_id')
        .leftJoin('survey_sends as s', 's.call_id', 'r.call_id')
        .leftJoin('qa_assignments as q', 'q.call_id', 'r.call_id')
        .leftJoin('users as u', 'u.id', 'r.agent_id')
        .select([
          'a.wave_id',
          'a.status',
          'a.caller_id',
          'r.call_id',
          'c.agent_id as call_agent',
          'r.agent_id',
          'u.username',
          's.skip_reason',
          'q.id as drawn',
        ])
        .execute();
      return all.map((w) => ({ ...w, assignments: assignments.filter((a) => a.wave_id === w.id) }));
    });
    expect(waves.map((w) => w.status)).toEqual(['closed', 'live']);
    const [last, current] = waves;
    expect(last!.released_at).not.toBeNull();
    expect(current!.released_at).toBeNull();
    // Last month: six approved reports, each on a call of the agent it names, two on Ava's.
    expect(last!.assignments.map((a) => a.status)).toEqual(Array(6).fill('approved'));
    expect(last!.assignments.map((a) => a.username).sort()).toEqual(
      ['agent1', 'agent1', 'agent2', 'agent3', 'agent4', 'agent4'].sort(),
    );
    // This month: one report waiting for review, one claimed, the rest open on the board.
    const states = current!.assignments.map((a) => a.status).sort();
    expect(states.filter((st) => st === 'reported')).toHaveLength(1);
    expect(states.filter((st) => st === 'claimed')).toHaveLength(1);
    expect(states.filter((st) => st === 'open').length).toBeGreaterThanOrEqual(3);
    for (const wave of waves) {
      expect(JSON.parse(wave.plan)).toMatchObject({ calls: wave.calls });
      expect(wave.assignments).toHaveLength(wave.calls);
      for (const a of wave.assignments.filter((x) => x.call_id !== null)) {
        expect(a.call_agent).toBe(a.agent_id);
        // The caller's number was never surveyed, and the call was never drawn for QA.
        expect(a.skip_reason).toBe('excluded-number');
        expect(a.drawn).toBeNull();
      }
    }
  });

  it('reads through the mystery events: results, the review queue, the callers’ board', async () => {
    const quality = await connect(hub.url, (await signIn(hub.url, 'quality')).token);
    const mia = await connect(hub.url, (await signIn(hub.url, 'caller')).token);
    const ruth = await connect(hub.url, (await signIn(hub.url, 'caller2')).token);
    try {
      const { waves } = data(await quality.emitWithAck('mystery:waves', {}));
      const last = waves.find((w) => w.status === 'closed')!;
      const live = waves.find((w) => w.status === 'live')!;
      expect(last.counts.approved).toBe(6);
      expect(live.counts).toMatchObject({ reported: 1, claimed: 1 });
      const results = data(await quality.emitWithAck('mystery:results', { waveId: last.id }));
      expect(results.calls).toBe(6);
      expect(results.byTeam.map((t) => t.name).sort()).toEqual(['Demo team', 'Night shift']);
      expect(results.byAgent.map((a) => [a.name, a.calls])).toEqual(
        expect.arrayContaining([
          ['Ava Agent', 2],
          ['Dev Agent', 2],
        ]),
      );
      expect(results.toTrain).toContain('proc-summarise');
      const { reports } = data(await quality.emitWithAck('mystery:reviews', { waveId: live.id }));
      expect(reports).toHaveLength(1);
      expect(reports[0]).toMatchObject({
        callerName: 'Ruth Ring',
        match: { method: 'number', agentName: 'Ben Agent' },
      });
      // Mia's board: open assignments her profile fits, and her claimed one.
      const board = data(await mia.emitWithAck('mystery:board', {}));
      expect(board.open.length).toBeGreaterThan(0);
      expect(board.mine.map((a) => a.status)).toEqual(
        expect.arrayContaining(['claimed', 'approved']),
      );
      const ruthBoard = data(await ruth.emitWithAck('mystery:board', {}));
      expect(ruthBoard.mine.map((a) => a.status)).toContain('reported');
      expect(ruthBoard.open.every((a) => a.profile.ageBand !== '18-29')).toBe(true);
    } finally {
      quality.close();
      mia.close();
      ruth.close();
    }
  });

  it('shows Ava’s two released mystery calls in her reflective session, and no survey of them', async () => {
    const lead = await connect(hub.url, (await signIn(hub.url, 'lead')).token);
    const ava = await signIn(hub.url, 'agent1');
    try {
      const prep = data(
        await lead.emitWithAck('reflection:prepare', { agentId: ava.user.id, days: 28 }),
      );
      expect(prep.calls).toBe(16);
      expect(prep.mystery.calls).toHaveLength(2);
      for (const call of prep.mystery.calls) {
        expect(call.missed.map((m) => m.itemId)).toEqual(['proc-summarise']);
        expect(call.praised.map((m) => m.itemId)).toEqual(['beh-tone']);
        expect(call.callId).not.toBeNull();
        expect(call.impression.length).toBeGreaterThan(0);
        expect(call.waveName).toMatch(/ wave$/);
      }
      // Ben's call of last month's wave is there; this month's (not released yet) is not.
      const ben = await signIn(hub.url, 'agent2');
      const benPrep = data(
        await lead.emitWithAck('reflection:prepare', { agentId: ben.user.id, days: 30 }),
      );
      expect(benPrep.mystery.calls).toHaveLength(1);
      expect(Date.now() - Date.parse(benPrep.mystery.calls[0]!.calledAt)).toBeGreaterThan(
        20 * 86_400_000,
      );
    } finally {
      lead.close();
    }
  });

  it('has its calls in the floors’ business hours, so a new wave is planned for the day', async () => {
    const { calls, programmeId } = await withHubDatabase(hub.dataDir, async (db) => ({
      calls: await db
        .selectFrom('calls as c')
        .innerJoin('team_members as tm', 'tm.user_id', 'c.agent_id')
        .innerJoin('teams as t', 't.id', 'tm.team_id')
        .select(['c.started_at', 'c.ended_at', 't.time_zone', 't.work_start', 't.work_end'])
        .execute(),
      programmeId: (
        await db.selectFrom('mystery_programmes').select('id').executeTakeFirstOrThrow()
      ).id,
    }));
    // Ava's 16, two desks' 6 each, last wave's 4 others' and this wave's waiting one.
    expect(calls.length).toBe(33);
    const clock = (at: string, zone: string) =>
      new Intl.DateTimeFormat('en-GB', {
        timeZone: zone,
        hourCycle: 'h23',
        hour: '2-digit',
        minute: '2-digit',
      }).format(new Date(at));
    for (const c of calls) {
      // The demo's teams have no hours of their own: 09:00-17:00 in their zone.
      expect([c.work_start, c.work_end]).toEqual([null, null]);
      expect(clock(c.started_at, c.time_zone) >= '09:00').toBe(true);
      expect(clock(c.ended_at!, c.time_zone) <= '17:00').toBe(true);
      expect(Date.parse(c.ended_at!)).toBeLessThanOrEqual(Date.now());
    }
    // Spread over the day, not all at one time of it.
    expect(new Set(calls.map((c) => dayPartOf(new Date(c.started_at), c.time_zone))).size).toBe(2);
    const quality = await connect(hub.url, (await signIn(hub.url, 'quality')).token);
    try {
      const today = localDate(new Date(), 'UTC');
      const plan: WavePlan = data(
        await quality.emitWithAck('mystery:plan', {
          id: randomUUID(),
          programmeId,
          name: 'Next wave',
          from: addDays(today, 1),
          to: addDays(today, 28),
          teamIds: ['team-demo', 'team-night'],
          numbers: { 'team-demo': '+44 20 7946 0100', 'team-night': '+44 20 7946 0200' },
          calls: 8,
          scenarios: [
            {
              id: 'move',
              callType: 'booking',
              title: 'Move a booking',
              brief: 'Move your booking by a week.',
              answers: '',
              tests: '',
            },
          ],
          perTeamMax: 4,
          perAgentMax: 2,
          callerGapDays: 7,
          profileMix: {},
          confidence: 0.95,
          margin: 0.05,
        }),
      );
      // The real mix is the floors' day: mornings and afternoons, no evening or night calls.
      const byPart = Object.fromEntries(plan.byDayPart.map((q) => [q.key, q.calls]));
      expect((byPart.morning ?? 0) + (byPart.afternoon ?? 0)).toBe(8);
      expect(byPart.morning).toBeGreaterThan(0);
      expect(byPart.afternoon).toBeGreaterThan(0);
    } finally {
      quality.close();
    }
  });
});
