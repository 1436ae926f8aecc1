// Quality monitoring on real parts: a hub process (SQLite file, or PostgreSQL in the postgres
// project), socket.io clients for the quality manager, evaluators, coaches and agents, and QA
// results imported over HTTP. Calls are made through the hub's own API, backdated into last
// week so the whole week can be drawn.
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addDays,
  localDate,
  qaPeriodOf,
  qaSlots,
  scorecardItemsFor,
  type AckResponse,
  type Answer,
  type CallRecord,
  type Evaluation,
  type QaAssignment,
  type QaPlanSave,
  type StandardsPack,
} from '@sidecoach/shared';
import { data, iso } from './support/calls.js';
import { userIdOf, withHubDatabase } from './support/database.js';
import {
  connect,
  signIn,
  startHub,
  type HubSocket,
  type RunningHub,
} from './support/hub-process.js';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '../..');

/** Items of the test pack with the scorecard settings under test (booking calls). */
const NO_NA = 'proc-verify-identity'; // N/A not allowed (and critical)
const COMMENT_ON_NO = 'proc-summarise'; // a "no" needs a comment
const DISPUTED = 'proc-close';

const code = (r: AckResponse<unknown>) => (r.ok ? 'ok' : r.error.code);
const refusal = (r: AckResponse<unknown>) => (r.ok ? null : r.error);

/** The default pack with two items set as the scorecard builder would: no N/A, a comment on no. */
async function testStandards(dir: string): Promise<string> {
  const pack = parse(await readFile(join(repoRoot, 'assets/standards/default.yaml'), 'utf8')) as {
    areas: { items: Record<string, unknown>[] }[];
  };
  for (const item of pack.areas.flatMap((a) => a.items)) {
    if (item.id === NO_NA) item.naAllowed = false;
    if (item.id === COMMENT_ON_NO) item.commentOnNo = true;
  }
  const folder = join(dir, 'standards');
  await mkdir(folder);
  await writeFile(join(folder, 'default.yaml'), stringify(pack));
  return folder;
}

describe('quality monitoring', () => {
  let dir: string;
  let hub: RunningHub;
  let pack: StandardsPack;
  let zone: string;
  const ids: Record<string, string> = {};
  const s: Record<string, HubSocket> = {};
  const changed: Record<string, Evaluation[]> = {};
  /** Last week in the team's zone, split in two slots by the plan. */
  let week: ReturnType<typeof qaPeriodOf>;
  let slots: ReturnType<typeof qaSlots>;
  const calls: Record<string, CallRecord[]> = {};

  /** An ended call of the agent, started at the given instant. */
  async function callAt(agent: HubSocket, at: number, callType = 'booking', durationMs = 240_000) {
    const id = randomUUID();
    data(
      await agent.emitWithAck('call:start', {
        id,
        callType,
        startedAt: new Date(at).toISOString(),
      }),
    );
    return data(
      await agent.emitWithAck('call:end', {
        callId: id,
        endedAt: new Date(at + durationMs).toISOString(),
      }),
    );
  }

  /** Every scorecard item of a booking call answered yes, with some changed. */
  const answersFor = (callType: string, over: Record<string, Answer> = {}) => ({
    ...Object.fromEntries(scorecardItemsFor(pack, callType).map((i) => [i.id, 'yes' as Answer])),
    ...over,
  });

  const plan = (over: Partial<QaPlanSave> = {}): QaPlanSave => ({
    teamId: 'team-demo',
    perAgent: 2,
    period: 'week',
    evaluatorIds: [ids['night-supervisor']!],
    dailyCap: 10,
    disputeDays: 7,
    arbitratorId: ids.lead!,
    ...over,
  });

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sidecoach-qa-'));
    hub = await startHub({ demo: true, extraArgs: ['--standards-dir', await testStandards(dir)] });
    for (const name of [
      'quality',
      'lead',
      'supervisor',
      'night-supervisor',
      'night-lead',
      'agent1',
      'agent2',
      'agent3',
      'agent4',
    ])
      ids[name] = await userIdOf(hub.dataDir, name);
    const admin = await connect(hub.url, (await signIn(hub.url, 'quality')).token);
    s.quality = admin;
    // Permissions first: a change of rights closes the holder's sockets.
    for (const [user, permission] of [
      ['night-supervisor', 'evaluator'],
      ['supervisor', 'evaluator'],
      ['lead', 'arbitrator'],
    ] as const)
      data(
        await admin.emitWithAck('admin:permission', {
          userId: ids[user]!,
          permission,
          granted: true,
        }),
      );
    for (const name of Object.keys(ids).filter((n) => n !== 'quality')) {
      s[name] = await connect(hub.url, (await signIn(hub.url, name)).token);
      changed[name] = [];
      s[name].on('qa:changed', (e) => changed[name]!.push(e));
    }
    pack = data(await s.agent1!.emitWithAck('session:bootstrap', {})).pack;
    const team = data(await admin.emitWithAck('admin:teams', {})).teams.find(
      (t) => t.id === 'team-demo',
    )!;
    zone = team.timeZone;
    week = qaPeriodOf(addDays(localDate(new Date(), zone), -7), 'week', zone);
    slots = qaSlots(week, 2);
    const [one, two] = slots.map((slot) => Date.parse(slot.from) + 3_600_000);
    // agent1: three calls in the first half of last week, two in the second; agent2: two in
    // the first half only; agent3: none; agent4 (night shift): one in each half.
    calls.agent1 = [
      await callAt(s.agent1!, one!),
      await callAt(s.agent1!, one! + 3_600_000, 'booking', 30_000),
      await callAt(s.agent1!, one! + 7_200_000),
      await callAt(s.agent1!, two!),
      await callAt(s.agent1!, two! + 3_600_000),
    ];
    calls.agent2 = [await callAt(s.agent2!, one!), await callAt(s.agent2!, one! + 60_000)];
    calls.agent4 = [await callAt(s.agent4!, one!), await callAt(s.agent4!, two!)];
  });

  afterAll(async () => {
    for (const socket of Object.values(s)) socket.close();
    await hub?.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  it('lets only quality managers save plans, with evaluators and an arbitrator who may be', async () => {
    expect(code(await s.lead!.emitWithAck('qa:plan-save', plan()))).toBe('forbidden');
    expect(
      refusal(await s.quality!.emitWithAck('qa:plan-save', plan({ evaluatorIds: [ids.lead!] }))),
    ).toMatchObject({
      code: 'bad_request',
      message: `not active users with the evaluator permission: ${ids.lead}`,
    });
    expect(
      refusal(
        await s.quality!.emitWithAck('qa:plan-save', plan({ arbitratorId: ids.supervisor! })),
      ),
    ).toMatchObject({ code: 'bad_request', message: expect.stringContaining('arbitrator') });
    expect(
      code(await s.quality!.emitWithAck('qa:plan-save', plan({ teamId: 'team-nowhere' }))),
    ).toBe('not_found');
    expect(
      code(
        await s.quality!.emitWithAck('qa:plan-save', {
          ...plan(),
          filters: { minDurationSec: 60, maxDurationSec: 30 },
        }),
      ),
    ).toBe('bad_request');
    const first = data(await s.quality!.emitWithAck('qa:plan-save', plan({ dailyCap: 1 })));
    expect(first).toMatchObject({
      teamId: 'team-demo',
      teamName: 'Demo team',
      perAgent: 2,
      evaluatorIds: [ids['night-supervisor']],
      arbitratorId: ids.lead,
      active: true,
      updatedBy: ids.quality,
    });
    expect(first.seed).toMatch(/^[0-9a-f-]{36}$/);
    const edited = data(await s.quality!.emitWithAck('qa:plan-save', plan()));
    expect(edited).toMatchObject({ dailyCap: 10, seed: first.seed });
    data(
      await s.quality!.emitWithAck(
        'qa:plan-save',
        plan({
          teamId: 'team-night',
          evaluatorIds: [ids.supervisor!],
          arbitratorId: null,
          perAgent: 1,
        }),
      ),
    );
    const audit = data(await s.quality!.emitWithAck('admin:audit', { targetId: 'team-demo' }));
    expect(audit.entries.map((e) => e.action)).toEqual(
      expect.arrayContaining(['qa-plan.create', 'qa-plan.update']),
    );
    // Leads read their own team's plan; the evaluator the plans they are in; agents none.
    const team = (socket: HubSocket) =>
      socket.emitWithAck('qa:plans', {}).then((r) => data(r).plans.map((p) => p.teamId));
    expect(await team(s.lead!)).toEqual(['team-demo']);
    expect(await team(s['night-lead']!)).toEqual(['team-night']);
    expect((await team(s['night-supervisor']!)).sort()).toEqual(['team-demo', 'team-night']);
    expect((await team(s.quality!)).sort()).toEqual(['team-demo', 'team-night']);
    expect(code(await s.agent1!.emitWithAck('qa:plans', {}))).toBe('forbidden');
  });

  let drawn: QaAssignment[] = [];

  it('draws one call per agent and slot, with why, and a re-draw keeps what was drawn', async () => {
    expect(
      code(await s.lead!.emitWithAck('qa:draw', { teamId: 'team-demo', day: week.from })),
    ).toBe('forbidden');
    const result = data(
      await s.quality!.emitWithAck('qa:draw', { teamId: 'team-demo', day: addDays(week.from, 3) }),
    );
    // agent1 both slots, agent2 the first; agent2's second and agent3's two are empty.
    expect(result.kept).toBe(0);
    expect(result.empty).toBe(3);
    drawn = result.drawn;
    expect(drawn.map((a) => `${a.agentId} ${a.reason.slot}`).sort()).toEqual(
      [`${ids.agent1} 1`, `${ids.agent1} 2`, `${ids.agent2} 1`].sort(),
    );
    for (const a of drawn) {
      const slot = slots[a.reason.slot - 1]!;
      expect(a).toMatchObject({
        teamId: 'team-demo',
        periodFrom: week.from,
        evaluatorId: ids['night-supervisor'],
        evaluatorName: 'Nia Supervisor',
        status: 'open',
        evaluationId: null,
        due:
          localDate(new Date(Date.parse(slot.to) - 1), zone) > localDate(new Date(), zone)
            ? localDate(new Date(Date.parse(slot.to) - 1), zone)
            : localDate(new Date(), zone),
      });
      expect(a.reason).toMatchObject({ slotFrom: slot.from, slotTo: slot.to, flagged: false });
      expect(a.callStartedAt >= slot.from && a.callStartedAt < slot.to).toBe(true);
    }
    expect(
      drawn.find((a) => a.agentId === ids.agent1 && a.reason.slot === 1)!.reason.eligible,
    ).toBe(3);
    // agent2's second half gets a call: only that slot is drawn now.
    const late = await callAt(s.agent2!, Date.parse(slots[1]!.from) + 7_200_000);
    const again = data(
      await s.quality!.emitWithAck('qa:draw', { teamId: 'team-demo', day: week.from }),
    );
    expect(again).toMatchObject({ kept: 3, empty: 2 });
    expect(again.drawn.map((a) => [a.agentId, a.callId])).toEqual([[ids.agent2, late.id]]);
    drawn.push(...again.drawn);
    // Two draws at once store one draw.
    const [x, y] = await Promise.all([
      s.quality!.emitWithAck('qa:draw', { teamId: 'team-night', day: week.from }),
      s.quality!.emitWithAck('qa:draw', { teamId: 'team-night', day: week.from }),
    ]);
    expect(data(x).drawn.length + data(y).drawn.length).toBe(1);
    expect(data(x).kept + data(y).kept).toBe(1);
    const night = data(await s.quality!.emitWithAck('qa:queue', { teamId: 'team-night' }));
    expect(night.assignments).toHaveLength(1);
    expect(night.assignments[0]).toMatchObject({
      agentId: ids.agent4,
      evaluatorId: ids.supervisor,
    });
  });

  it('queues each evaluator’s assignments, due first; leads read their team’s draws', async () => {
    const mine = data(await s['night-supervisor']!.emitWithAck('qa:queue', {})).assignments;
    expect(mine.map((a) => a.id).sort()).toEqual(drawn.map((a) => a.id).sort());
    expect(mine.map((a) => a.due)).toEqual([...mine.map((a) => a.due)].sort());
    const team = data(await s.lead!.emitWithAck('qa:queue', { teamId: 'team-demo' })).assignments;
    expect(team).toHaveLength(4);
    expect(team.every((a) => a.reason.seed.length > 0)).toBe(true);
    expect(code(await s.lead!.emitWithAck('qa:queue', { teamId: 'team-night' }))).toBe('forbidden');
    expect(
      code(await s['night-supervisor']!.emitWithAck('qa:queue', { evaluatorId: ids.supervisor! })),
    ).toBe('forbidden');
    expect(code(await s.agent1!.emitWithAck('qa:queue', {}))).toBe('forbidden');
    const looked = data(
      await s.quality!.emitWithAck('qa:queue', { evaluatorId: ids['night-supervisor']! }),
    );
    expect(looked.assignments).toHaveLength(4);
  });
});
